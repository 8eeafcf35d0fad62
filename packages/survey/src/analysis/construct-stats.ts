import type { SurveyResponse } from "@zaz/model";
import { mean, sd } from "../stats/descriptives.js";
import { median } from "../stats/quantile.js";
import { rescaleToRapportcijfer } from "../stats/rapportcijfer.js";
import { tInterval } from "../stats/t-interval.js";
import {
  type AnswerCount,
  answerDistribution,
  countCode,
  countMissing,
  newTally,
} from "./answer-distribution.js";
import {
  answersTo,
  type InstrumentIndex,
  itemApplies,
  scaleOf,
  scaleRange,
  scoredCode,
} from "./instrument-index.js";
import type { ColumnValue } from "./raw-table.js";
import { constructScore } from "./score-responses.js";

export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly level: number;
}

/** A construct over the respondents of one group. */
export interface ConstructStats {
  /** mean of the respondents' scale scores */
  readonly mean: number;
  readonly median: number;
  /** sample SD (n − 1); null for a single score */
  readonly sd: number | null;
  /** 95% t-interval of the mean; null for a single score */
  readonly ci: Interval | null;
  /** the mean rescaled to 1–10; the construct's `rapportcijferFormula` says how */
  readonly rapportcijfer: number;
  /**
   * all answers to the construct's items by these respondents, reverse-coded items flipped so
   * every bar points the same way; missing values per kind
   */
  readonly distribution: readonly AnswerCount[];
}

/** The scores of a group's respondents for one construct (respondents without a score left out). */
export function constructScores(
  index: InstrumentIndex,
  responses: readonly SurveyResponse[],
  constructId: string,
): { contributors: SurveyResponse[]; scores: number[] } {
  const contributors: SurveyResponse[] = [];
  const scores: number[] = [];
  for (const r of responses) {
    const { score } = constructScore(index, r, constructId);
    if (score === null) continue;
    contributors.push(r);
    scores.push(score);
  }
  return { contributors, scores };
}

export function constructStats(
  index: InstrumentIndex,
  responses: readonly SurveyResponse[],
  constructId: string,
): ColumnValue<ConstructStats> {
  const { contributors, scores } = constructScores(index, responses, constructId);
  const items = index.constructItems.get(constructId) ?? [];
  const scale = items.map((i) => scaleOf(index, i)).find((s) => s !== undefined);
  const m = mean(scores);
  const med = median(scores);
  if (scale === undefined || m === null || med === null) return { contributors, value: null };
  const { min, max } = scaleRange(scale);
  const tally = newTally();
  for (const r of contributors) {
    for (const item of items) {
      if (!itemApplies(index, item, r)) continue;
      const answer = answersTo(r, item.id)[0];
      if (answer === undefined) continue;
      if (answer.missing !== null) countMissing(tally, answer.missing);
      else if (answer.code !== null && scale.labels.some((l) => l.code === answer.code))
        countCode(tally, scoredCode(scale, item, answer.code));
    }
  }
  const interval = tInterval(scores);
  return {
    contributors,
    value: {
      mean: m,
      median: med,
      sd: sd(scores),
      ci: interval === null ? null : { low: interval.low, high: interval.high, level: interval.level },
      rapportcijfer: rescaleToRapportcijfer(m, min, max),
      distribution: answerDistribution(scale, tally),
    },
  };
}
