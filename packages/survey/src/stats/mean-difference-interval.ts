// Interval for the difference of two independent means (e.g. the change between two waves) without
// assuming equal variances: Welch's t with Welch–Satterthwaite df, as R's t.test(a, b).

import { assertLevel } from "./confidence-level.js";
import { isSummary, type SampleSummary, summarize } from "./descriptives.js";
import { tQuantile } from "./student-t.js";

export interface MeanDifferenceInterval {
  /** x̄_A − x̄_B: pass the later wave as A to read it as change */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  readonly se: number;
  /** Welch–Satterthwaite degrees of freedom (not an integer in general) */
  readonly df: number;
  readonly nA: number;
  readonly nB: number;
  readonly level: number;
}

/**
 * (x̄_A − x̄_B) ± t_{1−γ/2, ν}·SE, SE = √(s²_A/n_A + s²_B/n_B), ν = SE⁴ / ((s²_A/n_A)²/(n_A−1) + (s²_B/n_B)²/(n_B−1));
 * null when a group has fewer than 2 values or both are constant.
 */
export function meanDifferenceInterval(
  a: readonly number[] | SampleSummary,
  b: readonly number[] | SampleSummary,
  level = 0.95,
): MeanDifferenceInterval | null {
  assertLevel(level);
  const sa = isSummary(a) ? a : summarize(a);
  const sb = isSummary(b) ? b : summarize(b);
  if (sa === null || sb === null || sa.n < 2 || sb.n < 2) return null;
  const va = sa.sd ** 2 / sa.n;
  const vb = sb.sd ** 2 / sb.n;
  const se2 = va + vb;
  if (!(se2 > 0)) return null;
  const df = (se2 * se2) / ((va * va) / (sa.n - 1) + (vb * vb) / (sb.n - 1));
  const se = Math.sqrt(se2);
  const difference = sa.mean - sb.mean;
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { difference, low: difference - half, high: difference + half, se, df, nA: sa.n, nB: sb.n, level };
}
