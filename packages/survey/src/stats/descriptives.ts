// Sample descriptives over valid numbers. Callers filter missing values first; an empty
// (or, for spread, single-value) sample yields null rather than NaN so it cannot leak into tables.

/** sum = Σ xᵢ */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** mean = Σ xᵢ / n; null when n = 0 */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** variance = Σ (xᵢ − x̄)² / (n − 1) (sample variance); null when n < 2 */
export function variance(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = sum(values) / n;
  // Two-pass with the compensating term keeps rounding error small for values far from zero.
  let squares = 0;
  let deviations = 0;
  for (const value of values) {
    const d = value - m;
    squares += d * d;
    deviations += d;
  }
  return (squares - (deviations * deviations) / n) / (n - 1);
}

/** sd = √variance (sample, n − 1); null when n < 2 */
export function sd(values: readonly number[]): number | null {
  const v = variance(values);
  return v === null ? null : Math.sqrt(v);
}

/** Mean, sample SD and n of a sample: the summary the interval functions accept instead of raw values. */
export interface SampleSummary {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/** summary = {x̄, s, n}; null when n < 2 (no SD) */
export function summarize(values: readonly number[]): SampleSummary | null {
  const m = mean(values);
  const s = sd(values);
  return m === null || s === null ? null : { mean: m, sd: s, n: values.length };
}

/** True for a {mean, sd, n} summary, false for raw values. */
export function isSummary(sample: readonly number[] | SampleSummary): sample is SampleSummary {
  return !Array.isArray(sample);
}
