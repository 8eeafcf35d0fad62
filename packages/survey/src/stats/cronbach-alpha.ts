// Cronbach's alpha of a scale, raw (unstandardised) as psych::alpha's raw_alpha, on complete rows.

import { completeRows } from "./complete-rows.js";
import { covarianceSums, itemCovariance } from "./item-covariance.js";

/** Missing answers are handled listwise (the only supported way, stated so callers see it). */
export interface CronbachOptions {
  readonly listwise: true;
}

export interface CronbachAlpha {
  /** null when fewer than 2 complete respondents or 2 items, or the sum score does not vary */
  readonly alpha: number | null;
  /** complete respondents used */
  readonly n: number;
  /** respondents left out for a missing answer */
  readonly excluded: number;
  readonly k: number;
  /** sample variance (n − 1) of each item; null when n < 2 */
  readonly itemVariances: readonly number[] | null;
  /** sample variance of the sum score; null when n < 2 */
  readonly totalVariance: number | null;
}

/** α = k/(k−1) · (1 − Σ s²_item / s²_total), matrix respondents × items */
export function cronbachAlpha(
  matrix: readonly (readonly (number | null)[])[],
  _options: CronbachOptions = { listwise: true },
): CronbachAlpha {
  const { rows, k, excluded } = completeRows(matrix);
  return alphaFromCovariance(itemCovariance(rows, k), rows.length, k, excluded);
}

/** The same from a precomputed covariance matrix (see itemCovariance), so several statistics share one pass. */
export function alphaFromCovariance(
  cov: Float64Array | null,
  n: number,
  k: number,
  excluded: number,
): CronbachAlpha {
  if (cov === null) return { alpha: null, n, excluded, k, itemVariances: null, totalVariance: null };
  const { trace, total } = covarianceSums(cov, k);
  const itemVariances = Array.from({ length: k }, (_, i) => cov[i * k + i]!);
  return { alpha: alphaFromSums(k, trace, total), n, excluded, k, itemVariances, totalVariance: total };
}

/**
 * α = k/(k−1) · (1 − trace(C) / ΣC); null when k < 2 or the sum score does not vary (ΣC ≤ 0, or
 * left over from rounding only: a constant sum gives no alpha, not −1.75e16)
 */
export function alphaFromSums(k: number, trace: number, total: number): number | null {
  if (k < 2 || !(total > 1e-12 * Math.abs(trace))) return null;
  return (k / (k - 1)) * (1 - trace / total);
}
