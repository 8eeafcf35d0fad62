import type { Instrument, Result } from "@zaz/model";
import { ok } from "@zaz/model";
import { sampleSummary, subtractFrequencies, summarizeFrequencies } from "../stats/frequency-summary.js";
import { hedgesG } from "../stats/hedges-g.js";
import type { Cell } from "./cell.js";
import type { Interval } from "./construct-stats.js";
import { type PrivacyNote, privacyNote, selectConstructs } from "./construct-table.js";
import { type GroupedData, validValues } from "./group-data.js";
import { type GroupKey, type GroupPlan, totalOf } from "./group-plan.js";
import { indexInstrument } from "./instrument-index.js";
import { type ConstructInfo, constructInfo, type InstrumentLabel, instrumentLabel } from "./labels.js";
import { defaultPrivacy, type PrivacySettings } from "./privacy-settings.js";
import { buildRawTable } from "./raw-table.js";
import { ruleFor, suppressTable } from "./suppress.js";

/** A group's construct mean against its parent level (the scope's total). */
export interface ParentDifference {
  readonly mean: number;
  readonly parentMean: number;
  /** mean − parentMean */
  readonly difference: number;
  /**
   * Hedges' g of the group against the rest of the parent (the parent without this group, so the
   * samples are independent), with its 95% interval; null when either side has fewer than 2 scores
   */
  readonly hedgesG: (Interval & { readonly g: number }) | null;
}

export interface ParentComparisonGroup {
  readonly key: GroupKey;
  readonly responses: Cell<number>;
  readonly students: Cell<number> | null;
  readonly constructs: Readonly<Record<string, Cell<ParentDifference>>>;
}

export interface ParentComparison {
  readonly instrument: InstrumentLabel;
  readonly privacy: PrivacyNote;
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  readonly constructs: readonly ConstructInfo[];
  /** the parent itself: difference 0, no g */
  readonly total: ParentComparisonGroup;
  readonly groups: readonly ParentComparisonGroup[];
}

export interface ParentComparisonOptions {
  readonly constructs?: readonly string[];
  readonly privacy?: PrivacySettings;
}

/** Each group against its parent level: difference of means and Hedges' g, per construct. */
export function compareToParent(
  instrument: Instrument,
  plan: GroupPlan,
  data: GroupedData,
  options: ParentComparisonOptions = {},
): Result<ParentComparison> {
  const privacy = options.privacy ?? defaultPrivacy;
  const selected = selectConstructs(instrument, options.constructs);
  if (!selected.ok) return selected;
  const index = indexInstrument(instrument);
  const parent = totalOf(plan, data);
  const table = suppressTable(
    buildRawTable<ParentDifference>(
      plan,
      data,
      selected.value,
      (group, id) => {
        const own = validValues(group.constructs[id]);
        const all = validValues(parent.constructs[id]);
        const mine = summarizeFrequencies(own);
        const whole = summarizeFrequencies(all);
        const students =
          group.students?.constructs[id] ?? (group.students === null ? null : new Set<string>());
        if (mine === null || whole === null) return { responses: 0, students, value: null };
        const rest = summarizeFrequencies(subtractFrequencies(all, own));
        const a = sampleSummary(mine);
        const b = sampleSummary(rest);
        const g = a === null || b === null || rest === null || rest.n === 0 ? null : hedgesG(a, b);
        return {
          responses: mine.n,
          students,
          value: {
            mean: mine.mean,
            parentMean: whole.mean,
            difference: mine.mean - whole.mean,
            hedgesG: g === null ? null : { g: g.g, low: g.low, high: g.high, level: g.level },
          },
        };
      },
      "construct",
    ),
    ruleFor(privacy, plan),
  );
  const group = (row: (typeof table)["total"]): ParentComparisonGroup => ({
    key: row.key,
    responses: row.responses,
    students: row.students,
    constructs: row.cells,
  });
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, plan.studentDimension !== null),
    scope: plan.scope,
    by: plan.by,
    constructs: selected.value.map((id) => constructInfo(index, id)),
    total: group(table.total),
    groups: table.groups.map(group),
  });
}
