import type { Item, MissingKind, SurveyResponse } from "@zaz/model";
import { mean, sd } from "../stats/descriptives.js";
import { topBox } from "../stats/distribution.js";
import { median } from "../stats/quantile.js";
import {
  type AnswerCount,
  answerDistribution,
  countCode,
  countMissing,
  newTally,
} from "./answer-distribution.js";
import { agreeCodes, answersTo, type InstrumentIndex, itemApplies, scaleOf } from "./instrument-index.js";
import type { ColumnValue } from "./raw-table.js";

/** One item over the respondents of one group. The cell's n counts respondents with a valid answer. */
export interface ItemStats {
  /** every label and every kind of missing value (multiple choice: validShare per respondent) */
  readonly distribution: readonly AnswerCount[];
  /** mean of the codes as answered (not reverse-scored), or of the numbers; null for unordered lists */
  readonly mean: number | null;
  readonly median: number | null;
  readonly sd: number | null;
  /** top-2-box: share of valid answers that agree (the scale's `agree` codes, else its two highest); scale items only */
  readonly agreeShare: number | null;
}

/** The valid codes and the kind of missing value (if any) of one response to one item. */
export function itemAnswer(
  item: Item,
  index: InstrumentIndex,
  response: SurveyResponse,
): { codes: number[]; missing: MissingKind | null } | null {
  if (!itemApplies(index, item, response)) return null;
  const answers = answersTo(response, item.id);
  if (answers.length === 0) return null;
  const scale = scaleOf(index, item);
  const codes: number[] = [];
  let missing: MissingKind | null = null;
  for (const a of answers) {
    if (a.missing !== null) missing ??= a.missing;
    else if (
      a.code !== null &&
      (scale === undefined ? item.type === "number" : scale.labels.some((l) => l.code === a.code))
    )
      codes.push(a.code);
  }
  const unique = [...new Set(codes)];
  return { codes: item.type === "multiple" ? unique : unique.slice(0, 1), missing };
}

export function itemStats(
  index: InstrumentIndex,
  responses: readonly SurveyResponse[],
  itemId: string,
): ColumnValue<ItemStats> {
  const item = index.items.get(itemId);
  if (item === undefined) throw new RangeError(`unknown item ${itemId}`);
  const scale = scaleOf(index, item) ?? null;
  const contributors: SurveyResponse[] = [];
  const tally = newTally();
  const values: number[] = [];
  for (const r of responses) {
    const answer = itemAnswer(item, index, r);
    if (answer === null) continue;
    if (answer.codes.length > 0) {
      contributors.push(r);
      for (const code of answer.codes) {
        values.push(code);
        countCode(tally, code);
      }
    } else if (answer.missing !== null) countMissing(tally, answer.missing);
  }
  const ordered = item.type === "number" || (item.type === "scale" && scale?.ordered !== false);
  const distributionEntries = answerDistribution(
    scale,
    tally,
    item.type === "multiple" ? contributors.length : undefined,
  );
  const agree =
    item.type === "scale" && scale !== null
      ? topBox(
          distributionEntries.flatMap((e) => (e.code === null ? [] : [[e.code, e.count] as const])),
          [...agreeCodes(scale)],
        ).share
      : null;
  return {
    contributors,
    value: {
      distribution: distributionEntries,
      mean: ordered ? mean(values) : null,
      median: ordered ? median(values) : null,
      sd: ordered ? sd(values) : null,
      agreeShare: agree,
    },
  };
}
