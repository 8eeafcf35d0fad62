import { describe, expect, it } from "vitest";
import {
  alphaFromCovariance,
  alphaIfDroppedFromCovariance,
  covarianceFromSums,
  designEffect,
  itemRestFromCovariance,
  median,
  sd,
  standardizedAlpha,
  subtractFrequencies,
  summarizeFrequencies,
} from "../../src/index.js";

import { expectClose, reference, sample } from "./reference.js";

// The engine gets sums and frequency tables from the database instead of the respondents' rows;
// these tests hold the statistics from sums to the same R values as the statistics from rows.

/** Σxᵢ and Σxᵢxⱼ (j ≥ i) over the complete rows, as the database computes them. */
function sumsOf(data: readonly (readonly (number | null)[])[]) {
  const rows = data.filter((r): r is number[] => r.every((v) => v !== null));
  const k = rows[0]?.length ?? 0;
  const sums = Array.from({ length: k }, (_, i) => rows.reduce((s, r) => s + r[i]!, 0));
  const products: number[] = [];
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) products.push(rows.reduce((s, r) => s + r[i]! * r[j]!, 0));
  return { n: rows.length, k, sums, products };
}

describe("reliability from sums against R psych::alpha", () => {
  for (const scale of reference.reliability) {
    it(scale.name, () => {
      const { n, k, sums, products } = sumsOf(scale.data);
      const cov = covarianceFromSums(n, sums, products);
      const alpha = alphaFromCovariance(cov, n, k, scale.excluded);
      expectClose(alpha.alpha, scale.alpha);
      expectClose(alpha.totalVariance, scale.totalVariance);
      expectClose(standardizedAlpha(cov, k), scale.stdAlpha);
      for (const [i, v] of alphaIfDroppedFromCovariance(cov, k).entries())
        expectClose(v, scale.alphaIfDropped[i]!);
      for (const [i, v] of itemRestFromCovariance(cov, k).entries()) expectClose(v, scale.itemRest[i]!);
    });
  }

  it("gives no alpha, no alpha-if-dropped and no item–rest where nothing varies", () => {
    // Every respondent answers 4, 4, 4: the old row-based path gave alpha-if-dropped −1.75e16.
    const rows = Array.from({ length: 9 }, () => [4, 4, 4]);
    const { n, k, sums, products } = sumsOf(rows);
    const cov = covarianceFromSums(n, sums, products);
    expect(alphaFromCovariance(cov, n, k, 0).alpha).toBeNull();
    expect(alphaIfDroppedFromCovariance(cov, k)).toEqual([null, null, null]);
    expect(itemRestFromCovariance(cov, k)).toEqual([null, null, null]);
    expect(standardizedAlpha(cov, k)).toBeNull();
  });

  it("refuses sums of the wrong length (a programmer error)", () => {
    expect(() => covarianceFromSums(3, [1, 2], [1, 2])).toThrow(RangeError);
  });
});

describe("descriptives of a frequency table", () => {
  const table = (values: readonly number[]) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, count }));
  };

  it("equal those of the sample it stands for (R's t-interval samples)", () => {
    for (const t of reference.tIntervals) {
      const values = sample(t.sample);
      const s = summarizeFrequencies(table(values));
      expect(s?.n).toBe(t.n);
      expectClose(s?.mean, t.mean);
      expectClose(s?.sd, t.sd);
      expectClose(s?.median, t.median);
      expectClose(s?.median, median(values)!);
      expectClose(s?.sd, sd(values)!);
    }
  });

  it("median of an even count is the mean of the two middle values: 1,2,2,3 → 2; 1,1,3,3 → 2", () => {
    expect(
      summarizeFrequencies([
        { value: 2, count: 2 },
        { value: 1, count: 1 },
        { value: 3, count: 1 },
      ])?.median,
    ).toBe(2);
    expect(
      summarizeFrequencies([
        { value: 3, count: 2 },
        { value: 1, count: 2 },
      ])?.median,
    ).toBe(2);
    expect(summarizeFrequencies([{ value: 5, count: 1 }])).toEqual({ n: 1, mean: 5, sd: null, median: 5 });
    expect(summarizeFrequencies([])).toBeNull();
  });

  it("subtracts a part from a whole, value by value", () => {
    const whole = [
      { value: 1, count: 3 },
      { value: 2, count: 5 },
    ];
    expect(
      subtractFrequencies(whole, [
        { value: 1, count: 3 },
        { value: 2, count: 1 },
      ]),
    ).toEqual([{ value: 2, count: 4 }]);
  });
});

describe("design effect against R's one-way ANOVA", () => {
  for (const c of reference.icc) {
    it(c.name, () => {
      const clusters = c.groups.map((g) => ({
        n: g.length,
        mean: g.reduce((s, v) => s + v, 0) / g.length,
        variance: (sd(g) ?? 0) ** 2,
      }));
      const d = designEffect(clusters);
      expectClose(d?.icc, c.icc);
      expectClose(d?.deff, c.deff);
    });
  }

  it("needs two clusters and more respondents than clusters", () => {
    expect(designEffect([{ n: 5, mean: 3, variance: 1 }])).toBeNull();
    expect(
      designEffect([
        { n: 1, mean: 3, variance: 0 },
        { n: 1, mean: 4, variance: 0 },
      ]),
    ).toBeNull();
  });
});
