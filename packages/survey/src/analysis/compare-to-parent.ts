import type { Instrument, Result, SurveyResponse } from "@zaz/model";
import { ok } from "@zaz/model";
import { mean, type SampleSummary, summarize } from "../stats/descriptives.js";
import { hedgesG } from "../stats/hedges-g.js";
import { type PrivacyNote, privacyNote, selectConstructs } from "./aggregate-constructs.js";
import type { Cell } from "./cell.js";
import type { Interval } from "./construct-stats.js";
import { constructScores } from "./construct-stats.js";
import { type GroupingRequest, type GroupKey, partition } from "./grouping.js";
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

export interface ParentComparisonOptions extends GroupingRequest {
  readonly constructs?: readonly string[];
  readonly privacy?: PrivacySettings;
}

/** Each group against its parent level: difference of means and Hedges' g, per construct. */
export function compareToParent(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: ParentComparisonOptions,
): Result<ParentComparison> {
  const privacy = options.privacy ?? defaultPrivacy;
  const part = partition(instrument, responses, options);
  if (!part.ok) return part;
  const selected = selectConstructs(instrument, options.constructs);
  if (!selected.ok) return selected;
  const index = indexInstrument(instrument);
  const parent = new Map(selected.value.map((id) => [id, constructScores(index, part.value.total, id)]));
  const table = suppressTable(
    buildRawTable(part.value, selected.value, (rs, id) => {
      const own = constructScores(index, rs, id);
      const all = parent.get(id)!;
      const groupMean = mean(own.scores);
      const parentMean = mean(all.scores);
      if (groupMean === null || parentMean === null) return { contributors: own.contributors, value: null };
      const mine = new Set(own.contributors);
      const rest = all.scores.filter((_, i) => !mine.has(all.contributors[i]!));
      const g = rest.length === 0 ? null : effect(summarize(own.scores), summarize(rest));
      return {
        contributors: own.contributors,
        value: { mean: groupMean, parentMean, difference: groupMean - parentMean, hedgesG: g },
      };
    }),
    ruleFor(privacy, part.value),
  );
  const group = (row: (typeof table)["total"]): ParentComparisonGroup => ({
    key: row.key,
    responses: row.responses,
    students: row.students,
    constructs: row.cells,
  });
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, part.value.studentDimension !== null),
    scope: part.value.scope,
    by: part.value.by,
    constructs: selected.value.map((id) => constructInfo(index, id)),
    total: group(table.total),
    groups: table.groups.map(group),
  });
}

function effect(a: SampleSummary | null, b: SampleSummary | null): ParentDifference["hedgesG"] {
  if (a === null || b === null) return null;
  const g = hedgesG(a, b);
  return g === null ? null : { g: g.g, low: g.low, high: g.high, level: g.level };
}
