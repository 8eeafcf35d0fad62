import type { Instrument, Problem, Result } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import type { RosterRow } from "../ingest/roster.js";
import type { Cell } from "./cell.js";
import { type ConstructStats, clusterEffect, constructStats } from "./construct-stats.js";
import type { GroupData, GroupedData } from "./group-data.js";
import type { GroupKey, GroupPlan } from "./group-plan.js";
import { indexInstrument } from "./instrument-index.js";
import { type ConstructInfo, constructInfo, type InstrumentLabel, instrumentLabel } from "./labels.js";
import { analysisMessages as msg } from "./messages.js";
import { defaultPrivacy, type PrivacySettings } from "./privacy-settings.js";
import { buildRawTable } from "./raw-table.js";
import { familiesFor, type ResponseRate, rateCell } from "./response-rate.js";
import { ruleFor, type SuppressedRow, suppressTable } from "./suppress.js";

export interface ConstructTableOptions {
  /** construct ids to include; all by default */
  readonly constructs?: readonly string[];
  /** families per school, groep and wave: gives response rates */
  readonly roster?: readonly RosterRow[];
  readonly privacy?: PrivacySettings;
}

/** The privacy rule a result was made under, for the report's footnote. */
export interface PrivacyNote {
  readonly k: number;
  readonly kText: number;
  /** true for feedback on student teachers: groups need k distinct students too */
  readonly countsStudents: boolean;
}

/** One group (or the scope's total) of a construct table. */
export interface ConstructGroup {
  readonly key: GroupKey;
  /** number of responses (value = n) */
  readonly responses: Cell<number>;
  /** distinct students, for feedback on student teachers; null otherwise */
  readonly students: Cell<number> | null;
  /** responses / families on the roster; "geen gegevens" without a roster row */
  readonly responseRate: Cell<ResponseRate>;
  /** construct id → its statistics */
  readonly constructs: Readonly<Record<string, Cell<ConstructStats>>>;
}

export interface ConstructTable {
  readonly instrument: InstrumentLabel;
  readonly privacy: PrivacyNote;
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  readonly constructs: readonly ConstructInfo[];
  /** the scope as a whole: the parent level of the groups */
  readonly total: ConstructGroup;
  readonly groups: readonly ConstructGroup[];
}

export function privacyNote(privacy: PrivacySettings, countsStudents: boolean): PrivacyNote {
  return { k: privacy.k, kText: privacy.kText, countsStudents };
}

/** Checks requested construct ids; all constructs when none are named. */
export function selectConstructs(
  instrument: Instrument,
  ids: readonly string[] | undefined,
): Result<string[]> {
  const known = instrument.constructs.map((c) => c.id);
  if (ids === undefined) return ok(known);
  const errors: Problem[] = ids
    .filter((id) => !known.includes(id))
    .map((id) => ({
      code: "analysis-unknown-construct",
      message: msg.unknownConstruct(id, known),
      value: id,
      expected: known.join(", "),
    }));
  return errors.length > 0 ? fail(errors) : ok([...ids]);
}

/**
 * The clusters (e.g. groepen) inside a row: those that agree with the row on the grouping's
 * dimensions (the scope's total, whose key names the scope, holds them all).
 */
export function clustersOf(data: GroupedData, key: GroupKey, plan: Pick<GroupPlan, "by">): GroupData[] {
  const own = key.filter((l) => plan.by.some((b) => b.id === l.dimension));
  return (data.clusters ?? []).filter((c) => own.every((l) => (c.key[l.dimension] ?? "") === l.code));
}

/**
 * Scale scores aggregated per group within a scope — e.g. constructs by groep within school S and
 * wave W, by school within a board, or by fase and gesprekssoort within an opleiding and cohort —
 * with the scope's total as the parent level. Every value has passed suppression.
 */
export function constructTable(
  instrument: Instrument,
  plan: GroupPlan,
  data: GroupedData,
  options: ConstructTableOptions = {},
): Result<ConstructTable> {
  const privacy = options.privacy ?? defaultPrivacy;
  const selected = selectConstructs(instrument, options.constructs);
  if (!selected.ok) return selected;
  const index = indexInstrument(instrument);
  const infos = selected.value.map((id) => constructInfo(index, id));
  const ranges = new Map(infos.map((c) => [c.id, { min: c.scale?.min ?? 0, max: c.scale?.max ?? 0 }]));
  const raw = buildRawTable<ConstructStats>(
    plan,
    data,
    selected.value,
    (group, id, key) => {
      const stats = constructStats(
        group.constructs[id],
        ranges.get(id)!,
        clusterEffect(clustersOf(data, key, plan), id),
      );
      return {
        responses: stats?.n ?? 0,
        students: group.students?.constructs[id] ?? (group.students === null ? null : new Set()),
        value: stats?.value ?? null,
      };
    },
    "construct",
  );
  const table = suppressTable(raw, ruleFor(privacy, plan));

  const roster = options.roster ?? [];
  const groupFamilies = table.groups.map((g) => familiesFor(roster, [...plan.scope, ...g.key]));
  let totalFamilies = familiesFor(roster, plan.scope);
  if (
    totalFamilies === null &&
    groupFamilies.length > 0 &&
    groupFamilies.every((f, i) => f !== null || raw.groups[i]!.count.responses === 0)
  )
    totalFamilies = groupFamilies.reduce<number>((sum, f) => sum + (f ?? 0), 0);

  const group = (row: SuppressedRow<ConstructStats>, families: number | null): ConstructGroup => ({
    key: row.key,
    responses: row.responses,
    students: row.students,
    responseRate: rateCell(row.responses, families),
    constructs: row.cells,
  });
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, plan.studentDimension !== null),
    scope: plan.scope,
    by: plan.by,
    constructs: infos,
    total: group(table.total, totalFamilies),
    groups: table.groups.map((g, i) => group(g, groupFamilies[i] ?? null)),
  });
}
