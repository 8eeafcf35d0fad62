// Descriptives of a frequency table: a group's scores come from the database as (value, count)
// pairs, and these give exactly the mean, SD and median of the sample they stand for.

import type { SampleSummary } from "./descriptives.js";

export interface WeightedValue {
  readonly value: number;
  readonly count: number;
}

export interface FrequencySummary {
  readonly n: number;
  readonly mean: number;
  /** sample SD (n − 1); null when n < 2 */
  readonly sd: number | null;
  /** R type 7 (the mean of the two middle values for an even n) */
  readonly median: number;
}

/** n = Σ c, mean = Σ c·v / n, s² = Σ c·(v − mean)² / (n − 1), median of the expanded sample; null when n = 0 */
export function summarizeFrequencies(entries: readonly WeightedValue[]): FrequencySummary | null {
  const sorted = entries.filter((e) => e.count > 0).sort((a, b) => a.value - b.value);
  let n = 0;
  let total = 0;
  for (const e of sorted) {
    n += e.count;
    total += e.count * e.value;
  }
  if (n === 0) return null;
  const mean = total / n;
  let squares = 0;
  let deviations = 0;
  for (const e of sorted) {
    const d = e.value - mean;
    squares += e.count * d * d;
    deviations += e.count * d;
  }
  const variance = n < 2 ? null : (squares - (deviations * deviations) / n) / (n - 1);
  return {
    n,
    mean,
    sd: variance === null ? null : Math.sqrt(Math.max(0, variance)),
    median: medianOf(sorted, n),
  };
}

function valueAt(sorted: readonly WeightedValue[], index: number): number {
  let seen = 0;
  for (const e of sorted) {
    seen += e.count;
    if (index < seen) return e.value;
  }
  return sorted[sorted.length - 1]!.value;
}

function medianOf(sorted: readonly WeightedValue[], n: number): number {
  const h = (n - 1) * 0.5;
  const lo = Math.floor(h);
  const below = valueAt(sorted, lo);
  const above = valueAt(sorted, Math.min(lo + 1, n - 1));
  return below + (h - lo) * (above - below);
}

/** {x̄, s, n} for the interval functions; null when n < 2 */
export function sampleSummary(summary: FrequencySummary | null): SampleSummary | null {
  return summary === null || summary.sd === null
    ? null
    : { mean: summary.mean, sd: summary.sd, n: summary.n };
}

/** The frequencies of a whole minus those of a part (e.g. a board without one of its schools). */
export function subtractFrequencies(
  whole: readonly WeightedValue[],
  part: readonly WeightedValue[],
): WeightedValue[] {
  const counts = new Map<number, number>();
  for (const e of whole) counts.set(e.value, (counts.get(e.value) ?? 0) + e.count);
  for (const e of part) counts.set(e.value, (counts.get(e.value) ?? 0) - e.count);
  return [...counts].filter(([, c]) => c > 0).map(([value, count]) => ({ value, count }));
}
