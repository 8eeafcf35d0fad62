import type { Dimension, Instrument, Problem, Result, SurveyResponse } from "@zaz/model";
import { fail, ok } from "@zaz/model";
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
}

/** The responses of a scope, split into groups that together are exactly the scope's total. */
export interface Partition {
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  readonly total: readonly SurveyResponse[];
  readonly groups: readonly { readonly key: GroupKey; readonly responses: readonly SurveyResponse[] }[];
  /** the context dimension holding a student pseudonym, for feedback on student teachers; else null */
  readonly studentDimension: string | null;
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
  return d.values?.find((v) => v.code === code)?.label ?? code;
}

function label(d: Dimension, code: string): GroupLabel {
  return { dimension: d.id, dimensionLabel: d.label, code, label: valueLabel(d, code) };
}

/**
 * Checks a scope and grouping against the instrument and splits the responses. A plain Map, not
 * arquero: each group needs its response objects themselves (for students, contributors and
 * distributions), which a columnar groupby would only hand back as row indices.
 */
export function partition(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  request: GroupingRequest,
): Result<Partition> {
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

  const total = responses.filter((r) => scopeDims.every((d) => (r.context[d.id] ?? "") === scope[d.id]));
  const groupsByKey = new Map<string, SurveyResponse[]>();
  for (const r of total) {
    const key = byDims.map((d) => r.context[d.id] ?? "").join("\u0000");
    const list = groupsByKey.get(key);
    if (list === undefined) groupsByKey.set(key, [r]);
    else list.push(r);
  }
  const groups =
    byDims.length === 0
      ? []
      : groupCodes(byDims, groupsByKey).map((codes) => ({
          key: codes.map((code, i) => label(byDims[i]!, code)),
          responses: groupsByKey.get(codes.join("\u0000")) ?? [],
        }));

  return ok({
    scope: scopeDims.map((d) => label(d, scope[d.id] ?? "")),
    by: byDims.map((d) => ({ id: d.id, label: d.label })),
    total,
    groups,
    studentDimension: studentDimensionOf(instrument),
  });
}

/** Group coordinates in report order: enum values as declared (all of them where the grid is small), others sorted. */
function groupCodes(byDims: readonly Dimension[], observed: ReadonlyMap<string, unknown>): string[][] {
  const seen = [...observed.keys()].map((k) => k.split("\u0000"));
  const perDim = byDims.map((d, i) => {
    const present = new Set(seen.map((codes) => codes[i] ?? ""));
    const declared = d.values?.map((v) => v.code) ?? [];
    const extra = [...present].filter((c) => !declared.includes(c)).sort(compareCodes);
    return [...declared, ...extra];
  });
  const gridSize = perDim.reduce((n, list) => n * list.length, 1);
  if (gridSize <= maxGridCells && byDims.every((d) => d.type === "enum")) {
    let grid: string[][] = [[]];
    for (const list of perDim) grid = grid.flatMap((prefix) => list.map((c) => [...prefix, c]));
    // Unknown ("") values appear only where they occur.
    return grid.filter((codes) => !codes.includes("") || observed.has(codes.join("\u0000")));
  }
  const rank = perDim.map((list) => new Map(list.map((c, i) => [c, i])));
  return seen.sort((a, b) => {
    for (let i = 0; i < a.length; i++) {
      const d = (rank[i]!.get(a[i]!) ?? 0) - (rank[i]!.get(b[i]!) ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
}

const collator = new Intl.Collator("nl", { numeric: true });

/** Codes sorted as people expect ("groep 2" before "groep 10"); the unknown value last. */
function compareCodes(a: string, b: string): number {
  if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
  return collator.compare(a, b);
}
