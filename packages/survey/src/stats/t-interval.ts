// Confidence interval for a mean, Student's t (what R's t.test reports for one sample).

import { assertLevel } from "./confidence-level.js";
import { isSummary, type SampleSummary, summarize } from "./descriptives.js";
import { tQuantile } from "./student-t.js";

export interface MeanInterval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
  /** standard error s/√n */
  readonly se: number;
  /** degrees of freedom n − 1 */
  readonly df: number;
  readonly level: number;
}

/** x̄ ± t_{1−(1−level)/2, n−1} · s/√n; null when n < 2 (no spread, no interval) */
export function tInterval(sample: readonly number[] | SampleSummary, level = 0.95): MeanInterval | null {
  assertLevel(level);
  const summary = isSummary(sample) ? sample : summarize(sample);
  if (summary === null || summary.n < 2) return null;
  const { mean, sd, n } = summary;
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { mean, low: mean - half, high: mean + half, n, se, df, level };
}
