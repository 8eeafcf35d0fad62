import type { Dimension, Instrument, Problem, Result } from "@zaz/model";
import { DimensionType, dimensionValueLabel, dimensionValueOrder, fail, ok } from "@zaz/model";
import { emptyGroup, type GroupData, type GroupedData } from "./group-data.js";
import { analysisMessages as msg } from "./messages.js";

/** A selection of responses: dimension id → the one value it must have (e.g. school S, wave W). */
export type Scope = Readonly<Record<string, string>>;

/** One coordinate of a group, with the labels a report prints. */
export interface GroupLabel {
  readonly dimension: string;
  readonly dimensionLabel: string;
  /** the stored value; "" for responses without one */
  readonly code: string;
  readonly label: string;
}

export type GroupKey = readonly GroupLabel[];

export interface GroupingRequest {
  /** which responses count: every dimension listed must have exactly this value */
  readonly scope?: Scope;
  /** the dimensions to group by, e.g. ["groep"] or ["fase", "gesprekssoort"]; none gives the total only */
  readonly by?: readonly string[];
  /**
   * values listed even where nobody answered, per dimension of `by` (e.g. the roster's groepen):
   * a groep dimension has no declared values to show "geen gegevens" for
   */
  readonly include?: Readonly<Record<string, readonly string[]>>;
}

/** A checked grouping: what to ask the database for, and how to label and order what comes back. */
export interface GroupPlan {
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  readonly byDimensions: readonly Dimension[];
  /** the context dimension holding a student pseudonym, for feedback on student teachers; else null */
  readonly studentDimension: string | null;
  /** the grouping sets of the request: the groups, then the total */
  readonly groupingSets: readonly (readonly string[])[];
  /** values listed even without responses, per dimension (see GroupingRequest.include) */
  readonly include?: Readonly<Record<string, readonly string[]>>;
}

/** One row of a table: its labelled key and its data (empty for a groep nobody answered in). */
export interface ArrangedGroup {
  readonly key: GroupKey;
  readonly data: GroupData;
}

// A full grid of enum values shows "geen gegevens" for a groep nobody answered in; beyond this
// many combinations only the ones that occur are listed.
const maxGridCells = 200;

/**
 * For instruments that give formative feedback on student teachers: the dimension holding the
 * student's pseudonym. Groups there count distinct students as well as responses.
 */
export function studentDimensionOf(instrument: Instrument): string | null {
  if (instrument.purpose !== "ontwikkeling") return null;
  const d =
    instrument.dimensions.find((x) => x.id === "student") ??
    instrument.dimensions.find((x) => x.pseudonymise);
  return d?.id ?? null;
}

/** A dimension that stands for one person: results are never grouped or filtered by it. */
function isPersonDimension(instrument: Instrument, d: Dimension): boolean {
  return d.pseudonymise || d.id === studentDimensionOf(instrument);
}

export function valueLabel(d: Dimension, code: string): string {
  if (code === "") return msg.unknownGroup;
  return dimensionValueLabel(d, code);
}

export function groupLabel(d: Dimension, code: string): GroupLabel {
  return { dimension: d.id, dimensionLabel: d.label, code, label: valueLabel(d, code) };
}

/** Checks a scope and grouping against the instrument: known dimensions, never a person, none twice. */
export function planGroups(instrument: Instrument, request: GroupingRequest): Result<GroupPlan> {
  const dims = new Map(instrument.dimensions.map((d) => [d.id, d]));
  const scope = request.scope ?? {};
  const by = request.by ?? [];
  const errors: Problem[] = [];
  const known = instrument.dimensions.filter((d) => !isPersonDimension(instrument, d)).map((d) => d.id);
  const check = (id: string, path: string): Dimension | undefined => {
    const d = dims.get(id);
    if (d === undefined) {
      errors.push({
        code: "analysis-unknown-dimension",
        message: msg.unknownDimension(id, known),
        path,
        value: id,
        expected: known.join(", "),
      });
      return undefined;
    }
    if (isPersonDimension(instrument, d)) {
      errors.push({
        code: "analysis-person-dimension",
        message: msg.personDimension(d.label),
        path,
        value: id,
        hint: msg.personDimensionHint,
      });
      return undefined;
    }
    return d;
  };
  const scopeDims: Dimension[] = [];
  for (const id of Object.keys(scope)) {
    const d = check(id, `scope.${id}`);
    if (d) scopeDims.push(d);
  }
  const byDims: Dimension[] = [];
  by.forEach((id, i) => {
    const d = check(id, `by[${i}]`);
    if (d === undefined) return;
    if (id in scope || byDims.includes(d)) {
      errors.push({
        code: "analysis-dimension-twice",
        message: msg.dimensionTwice(d.label),
        path: `by[${i}]`,
        value: id,
      });
      return;
    }
    byDims.push(d);
  });
  if (errors.length > 0) return fail(errors);
  const ids = byDims.map((d) => d.id);
  return ok({
    scope: scopeDims.map((d) => groupLabel(d, scope[d.id] ?? "")),
    by: byDims.map((d) => ({ id: d.id, label: d.label })),
    byDimensions: byDims,
    studentDimension: studentDimensionOf(instrument),
    groupingSets: ids.length === 0 ? [[]] : [ids, []],
    ...(request.include === undefined ? {} : { include: request.include }),
  });
}

const codesOf = (plan: GroupPlan, key: Readonly<Record<string, string>>) =>
  plan.byDimensions.map((d) => key[d.id] ?? "");

/**
 * The groups in report order: enum values as declared (all of them, with empty data, where the grid
 * is small), groepen in school order (those answered in and those included, e.g. from the roster),
 * other values sorted as people read them; "unknown" only where it occurs.
 */
export function arrangeGroups(plan: GroupPlan, data: GroupedData): ArrangedGroup[] {
  const byDims = plan.byDimensions;
  if (byDims.length === 0) return [];
  const observed = new Map(data.groups.map((g) => [codesOf(plan, g.key).join("\u0000"), g]));
  const seen = [...observed.keys()].map((k) => k.split("\u0000"));
  const perDim = byDims.map((d, i) => {
    const present = new Set(seen.map((codes) => codes[i] ?? ""));
    for (const c of plan.include?.[d.id] ?? []) present.add(c);
    const declared = d.values?.map((v) => v.code) ?? [];
    const extra = [...present].filter((c) => !declared.includes(c));
    return [...declared, ...extra].sort(compareCodes(d));
  });
  const gridSize = perDim.reduce((n, list) => n * list.length, 1);
  let codes: string[][];
  const listed = (d: Dimension) => d.type === DimensionType.enum || d.type === DimensionType.groep;
  if (gridSize <= maxGridCells && byDims.every(listed)) {
    let grid: string[][] = [[]];
    for (const list of perDim) grid = grid.flatMap((prefix) => list.map((c) => [...prefix, c]));
    codes = grid.filter((c) => !c.includes("") || observed.has(c.join("\u0000")));
  } else {
    const rank = perDim.map((list) => new Map(list.map((c, i) => [c, i])));
    codes = seen.sort((a, b) => {
      for (let i = 0; i < a.length; i++) {
        const d = (rank[i]!.get(a[i]!) ?? 0) - (rank[i]!.get(b[i]!) ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    });
  }
  return codes.map((c) => {
    const key = Object.fromEntries(byDims.map((d, i) => [d.id, c[i] ?? ""]));
    return {
      key: byDims.map((d, i) => groupLabel(d, c[i] ?? "")),
      data: observed.get(c.join("\u0000")) ?? emptyGroup(key, plan.studentDimension !== null),
    };
  });
}

/** The scope's total; empty when nobody answered. */
export function totalOf(plan: GroupPlan, data: GroupedData): GroupData {
  return data.total ?? emptyGroup({}, plan.studentDimension !== null);
}

/** A dimension's codes in its listing order (groepen by year, an enum as declared); the unknown value last. */
function compareCodes(d: Dimension): (a: string, b: string) => number {
  const order = dimensionValueOrder(d);
  return (a, b) => {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
    return order(a, b);
  };
}
