// Standardised mean difference between two independent groups, small-sample corrected (Hedges' g),
// with the large-sample normal interval of Borenstein et al. (2009, ch. 4).

import { assertLevel } from "./confidence-level.js";
import { isSummary, type SampleSummary, summarize } from "./descriptives.js";
import { normalQuantile } from "./normal.js";

export interface HedgesG {
  /** g = J·d, positive when group A scores higher */
  readonly g: number;
  /** Cohen's d with pooled SD, before correction */
  readonly d: number;
  /** correction factor J = 1 − 3/(4(n₁+n₂) − 9) */
  readonly j: number;
  readonly pooledSd: number;
  /** approximate standard error of g */
  readonly se: number;
  readonly low: number;
  readonly high: number;
  readonly nA: number;
  readonly nB: number;
  readonly level: number;
}

/**
 * g = J·(x̄_A − x̄_B)/s_p, s_p = √(((n_A−1)s²_A + (n_B−1)s²_B)/(n_A+n_B−2)),
 * SE = J·√((n_A+n_B)/(n_A·n_B) + d²/(2(n_A+n_B))), interval g ± z·SE;
 * null when a group has fewer than 2 values or the pooled SD is 0.
 */
export function hedgesG(
  groupA: readonly number[] | SampleSummary,
  groupB: readonly number[] | SampleSummary,
  level = 0.95,
): HedgesG | null {
  assertLevel(level);
  const a = isSummary(groupA) ? groupA : summarize(groupA);
  const b = isSummary(groupB) ? groupB : summarize(groupB);
  if (a === null || b === null || a.n < 2 || b.n < 2) return null;
  const nTotal = a.n + b.n;
  const pooledSd = Math.sqrt(((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / (nTotal - 2));
  if (!(pooledSd > 0)) return null;
  const d = (a.mean - b.mean) / pooledSd;
  const j = 1 - 3 / (4 * nTotal - 9);
  const g = j * d;
  const se = j * Math.sqrt(nTotal / (a.n * b.n) + (d * d) / (2 * nTotal));
  const z = normalQuantile(1 - (1 - level) / 2);
  return { g, d, j, pooledSd, se, low: g - z * se, high: g + z * se, nA: a.n, nB: b.n, level };
}
