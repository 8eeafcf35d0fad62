// Student's t distribution through the regularised incomplete beta function.

import { inverseRegularizedBeta, regularizedBeta } from "./incomplete-beta.js";

/** P(T ≤ t) = 1 − ½·I_{df/(df+t²)}(df/2, ½) for t > 0 (mirror for t < 0), df > 0 */
export function tCdf(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) throw new RangeError("tCdf: t is NaN");
  if (t === 0) return 0.5;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const t2 = t * t;
  // Both x = df/(df+t²) and 1 − x = t²/(df+t²) are formed directly to keep precision in either tail.
  const tail = 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2)).lower;
  return t > 0 ? 1 - tail : tail;
}

/** t_p,df: the t with P(T ≤ t) = p, via x = I⁻¹_{2·min(p,1−p)}(df/2, ½), t = ±√(df·(1−x)/x) */
export function tQuantile(p: number, df: number): number {
  assertDf(df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const tailP = p < 0.5 ? 2 * p : 2 * (1 - p);
  const { x, y } = inverseRegularizedBeta(tailP, df / 2, 0.5);
  const magnitude = Math.sqrt((df * y) / x);
  return p < 0.5 ? -magnitude : magnitude;
}

function assertDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`t distribution: df must be positive, got ${df}`);
}
