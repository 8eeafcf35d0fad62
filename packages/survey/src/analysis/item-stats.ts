import type { Item, ResponseScale } from "@zaz/model";
import { summarizeFrequencies } from "../stats/frequency-summary.js";
import { wilsonInterval } from "../stats/wilson-interval.js";
import { type AnswerCount, answerDistribution } from "./answer-distribution.js";
import type { Interval } from "./construct-stats.js";
import { type Frequency, validValues } from "./group-data.js";
import { agreeCodes } from "./instrument-index.js";

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
  /** Wilson 95% interval of agreeShare */
  readonly agreeCi: Interval | null;
}

/** An item's statistics from its frequency table; `chose` is the respondents of a multiple-choice item. */
export function itemStats(
  item: Item,
  scale: ResponseScale | null,
  frequencies: readonly Frequency[] | undefined,
  chose: number | undefined,
): { n: number; value: ItemStats } {
  const all = frequencies ?? [];
  const onScale = (v: number) => scale === null || scale.labels.some((l) => l.code === v);
  const valid = validValues(all).filter((v) => item.type === "number" || onScale(v.value));
  const n = item.type === "multiple" ? (chose ?? 0) : valid.reduce((s, v) => s + v.count, 0);
  const ordered = item.type === "number" || (item.type === "scale" && scale?.ordered !== false);
  const summary = ordered ? summarizeFrequencies(valid) : null;
  let agreeShare: number | null = null;
  let agreeCi: Interval | null = null;
  if (item.type === "scale" && scale !== null && n > 0) {
    const agree = agreeCodes(scale);
    const yes = valid.reduce((s, v) => s + (agree.has(v.value) ? v.count : 0), 0);
    const w = wilsonInterval(yes, n);
    agreeShare = yes / n;
    agreeCi = w === null ? null : { low: w.low, high: w.high, level: w.level };
  }
  return {
    n,
    value: {
      distribution: answerDistribution(scale, all, item.type === "multiple" ? n : undefined),
      mean: summary?.mean ?? null,
      median: summary?.median ?? null,
      sd: summary?.sd ?? null,
      agreeShare,
      agreeCi,
    },
  };
}
