import type { DesignEffect } from "../stats/design-effect.js";
import { designEffect } from "../stats/design-effect.js";
import { summarizeFrequencies } from "../stats/frequency-summary.js";
import { rescaleToRapportcijfer } from "../stats/rapportcijfer.js";
import { tInterval } from "../stats/t-interval.js";
import { type Frequency, type GroupData, validValues } from "./group-data.js";

export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly level: number;
}

/** Below this many respondents an interval (or an alpha) says little; reports mark it. */
export const smallN = 10;

/** A construct over the respondents of one group. */
export interface ConstructStats {
  /** mean of the respondents' scale scores */
  readonly mean: number;
  readonly median: number;
  /** sample SD (n − 1); null for a single score */
  readonly sd: number | null;
  /** 95% t-interval of the mean, widened by the design effect where given; null for a single score */
  readonly ci: Interval | null;
  /**
   * respondents within one groep resemble each other; for a row over several groepen the interval
   * rests on n / deff effective respondents. Null for a single groep, or too little data to tell.
   */
  readonly designEffect: DesignEffect | null;
  /** the mean rescaled to 1–10; the construct's `rapportcijferFormula` says how */
  readonly rapportcijfer: number;
  /** fewer than `smallN` scores: the interval is a rough guide only */
  readonly smallN: boolean;
}

/** The design effect of a row over the clusters (groepen) it spans, for one construct. */
export function clusterEffect(clusters: readonly GroupData[], construct: string): DesignEffect | null {
  if (clusters.length < 2) return null;
  const summaries = clusters.flatMap((c) => {
    const s = summarizeFrequencies(validValues(c.constructs[construct]));
    return s === null ? [] : [{ n: s.n, mean: s.mean, variance: (s.sd ?? 0) ** 2 }];
  });
  return designEffect(summaries);
}

/** Statistics of a construct from its frequency table; null when nobody has a score. */
export function constructStats(
  frequencies: readonly Frequency[] | undefined,
  range: { min: number; max: number },
  effect: DesignEffect | null = null,
): { n: number; value: ConstructStats } | null {
  const s = summarizeFrequencies(validValues(frequencies));
  if (s === null) return null;
  const deff = effect !== null && effect.deff > 1 ? effect : null;
  const interval =
    s.sd === null ? null : tInterval({ mean: s.mean, sd: s.sd, n: deff === null ? s.n : s.n / deff.deff });
  return {
    n: s.n,
    value: {
      mean: s.mean,
      median: s.median,
      sd: s.sd,
      ci: interval === null ? null : { low: interval.low, high: interval.high, level: interval.level },
      designEffect: effect,
      rapportcijfer: rescaleToRapportcijfer(s.mean, range.min, range.max),
      smallN: s.n < smallN,
    },
  };
}
