// Fisher's F distribution through the regularised incomplete beta function.

import { inverseRegularizedBeta, regularizedBeta } from "./incomplete-beta.js";

/** P(F ≤ f) = I_{d1·f/(d1·f+d2)}(d1/2, d2/2), d1, d2 > 0 */
export function fCdf(f: number, d1: number, d2: number): number {
  assertDf(d1, d2);
  if (Number.isNaN(f)) throw new RangeError("fCdf: f is NaN");
  if (f <= 0) return 0;
  if (!Number.isFinite(f)) return 1;
  const denominator = d1 * f + d2;
  return regularizedBeta((d1 * f) / denominator, d1 / 2, d2 / 2, d2 / denominator).lower;
}

/** F_p(d1, d2): the f with P(F ≤ f) = p, via x = I⁻¹_p(d1/2, d2/2), f = (d2/d1)·x/(1−x) */
export function fQuantile(p: number, d1: number, d2: number): number {
  assertDf(d1, d2);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`fQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // Solving the smaller tail keeps relative precision for quantiles close to 1.
  const { x, y } =
    p <= 0.5
      ? inverseRegularizedBeta(p, d1 / 2, d2 / 2)
      : inverseRegularizedBeta(1 - p, d1 / 2, d2 / 2, "upper");
  return (d2 * x) / (d1 * y);
}

function assertDf(d1: number, d2: number): void {
  if (!(d1 > 0 && d2 > 0)) throw new RangeError(`F distribution: df must be positive, got (${d1}, ${d2})`);
}
