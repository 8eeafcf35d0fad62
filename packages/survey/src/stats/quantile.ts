// Sample quantiles as R's default (type 7), so numbers match what a researcher gets in R or Excel's PERCENTILE.INC.

/** quantile_p = x₍ₕ₎ + (h − ⌊h⌋)(x₍ₕ₊₁₎ − x₍ₕ₎), h = (n − 1)p on the sorted sample (R type 7); null when n = 0 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return quantileOfSorted(sorted, p);
}

/** median = quantile_0.5 (middle value, or the mean of the two middle values); null when n = 0 */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

function quantileOfSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return below + (h - lo) * (above - below);
}
