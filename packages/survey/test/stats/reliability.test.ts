import {
  alphaIfDropped,
  completeRows,
  cronbachAlpha,
  feldtInterval,
  flagNegativeItemRest,
  fQuantile,
  itemRestCorrelations,
  scaleReliability,
} from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { expectClose, reference } from "./reference.js";

describe("reliability against R psych::alpha", () => {
  it("covers at least three datasets", () => {
    expect(reference.reliability.length).toBeGreaterThanOrEqual(3);
  });

  for (const scale of reference.reliability) {
    describe(scale.name, () => {
      it("alpha, n, k, item and total variances (listwise)", () => {
        const result = cronbachAlpha(scale.data, { listwise: true });
        expect(result.n).toBe(scale.n);
        expect(result.excluded).toBe(scale.excluded);
        expect(result.k).toBe(scale.k);
        expectClose(result.alpha, scale.alpha);
        expectClose(result.totalVariance, scale.totalVariance);
        expect(result.itemVariances).toHaveLength(scale.k);
        for (const [i, v] of scale.itemVariances.entries()) expectClose(result.itemVariances?.[i], v);
      });

      it("Feldt interval equals psych::alpha.ci", () => {
        const interval = feldtInterval(scale.alpha, scale.n, scale.k);
        expectClose(interval?.low, scale.feldtLow);
        expectClose(interval?.high, scale.feldtHigh);
        expect(interval!.low).toBeLessThan(scale.alpha);
        expect(interval!.high).toBeGreaterThan(scale.alpha);
      });

      it("alpha if item dropped and item–rest correlations (r.drop)", () => {
        const dropped = alphaIfDropped(scale.data);
        const rest = itemRestCorrelations(scale.data);
        for (const [i, v] of scale.alphaIfDropped.entries()) expectClose(dropped[i], v);
        for (const [i, v] of scale.itemRest.entries()) expectClose(rest[i], v);
      });
    });
  }

  it("scaleReliability combines the same numbers in one pass", () => {
    for (const scale of reference.reliability) {
      const result = scaleReliability(scale.data);
      expectClose(result.alpha, scale.alpha);
      expect(result.n).toBe(scale.n);
      expectClose(result.interval?.low, scale.feldtLow);
      expectClose(result.interval?.high, scale.feldtHigh);
      for (const [i, v] of scale.alphaIfDropped.entries()) expectClose(result.alphaIfDropped[i], v);
      for (const [i, v] of scale.itemRest.entries()) expectClose(result.itemRest[i], v);
      expect(result.negativeItemRest).toEqual(flagNegativeItemRest(scale.itemRest));
    }
  });

  it("the missing-value dataset really exercises listwise deletion", () => {
    expect(reference.reliability.some((s) => s.excluded > 0)).toBe(true);
  });

  it("flags exactly the item that was not reverse-coded", () => {
    const scale = reference.reliability.find((s) => s.itemRest.some((r) => r < 0));
    expect(scale).toBeDefined();
    const flagged = flagNegativeItemRest(itemRestCorrelations(scale!.data));
    expect(flagged).toEqual([2]);
    // Reverse-coding it (6 − x on a 1..5 scale) removes the flag and raises alpha.
    const fixed = scale!.data.map((row) => row.map((v, i) => (i === 2 && v !== null ? 6 - v : v)));
    expect(flagNegativeItemRest(itemRestCorrelations(fixed))).toEqual([]);
    expect(cronbachAlpha(fixed).alpha!).toBeGreaterThan(cronbachAlpha(scale!.data).alpha!);
  });
});

describe("reliability by hand", () => {
  // Items (columns) for 4 respondents:
  //   i1 = 1,2,3,4  mean 2.5, deviations −1.5 −0.5 0.5 1.5, SS = 5 → s² = 5/3
  //   i2 = 2,2,4,4  mean 3,   deviations −1 −1 1 1,         SS = 4 → s² = 4/3
  //   i3 = 1,3,2,4  mean 2.5, deviations −1.5 0.5 −0.5 1.5, SS = 5 → s² = 5/3
  //   sum = 4,7,9,12 mean 8,  deviations −4 −1 1 4,          SS = 34 → s² = 34/3
  // α = 3/2 · (1 − (14/3)/(34/3)) = 3/2 · 20/34 = 15/17.
  const matrix = [
    [1, 2, 1],
    [2, 2, 3],
    [3, 4, 2],
    [4, 4, 4],
  ];

  it("Cronbach's alpha = 15/17", () => {
    const result = cronbachAlpha(matrix);
    expectClose(result.alpha, 15 / 17, 1e-14);
    expect(result.itemVariances).toEqual([5 / 3, 4 / 3, 5 / 3].map((v) => expect.closeTo(v, 14)));
    expectClose(result.totalVariance, 34 / 3, 1e-14);
  });

  it("dropping i1 leaves α = 2 · (1 − (4/3 + 5/3)/(13/3)) = 8/13", () => {
    // rest = i2 + i3 = 3,5,6,8: mean 5.5, deviations −2.5 −0.5 0.5 2.5, SS = 13 → s² = 13/3.
    expectClose(alphaIfDropped(matrix)[0], 8 / 13, 1e-14);
  });

  it("item–rest correlation of i1 = 8/√(5·13)", () => {
    // Σ dev(i1)·dev(rest) = 3.75 + 0.25 + 0.25 + 3.75 = 8; r = 8/√(SS_i1 · SS_rest) = 8/√65.
    expectClose(itemRestCorrelations(matrix)[0], 8 / Math.sqrt(65), 1e-14);
  });

  it("Feldt interval: n = 2, k = 2 uses F(1, 1) quantiles, oriented low < α < high", () => {
    // low = 1 − (1 − ½)·F_0.975(1, 1), high = 1 − ½·F_0.025(1, 1) = 1 − ½ / F_0.975(1, 1).
    const f = fQuantile(0.975, 1, 1);
    expectClose(f, 647.789011477844, 1e-12); // R: qf(0.975, 1, 1)
    const interval = feldtInterval(0.5, 2, 2);
    expectClose(interval?.low, 1 - 0.5 * f, 1e-14);
    expectClose(interval?.high, 1 - 0.5 / f, 1e-12);
  });
});

describe("reliability edge cases", () => {
  it("returns nulls instead of NaN when there is nothing to estimate", () => {
    expect(cronbachAlpha([]).alpha).toBeNull();
    expect(cronbachAlpha([[1, 2, 3]]).alpha).toBeNull();
    expect(cronbachAlpha([[1, 2, 3]]).itemVariances).toBeNull();
    // No variation in the sum score.
    expect(
      cronbachAlpha([
        [1, 3],
        [2, 2],
        [3, 1],
      ]).alpha,
    ).toBeNull();
    expect(cronbachAlpha([[1], [2], [3]]).alpha).toBeNull();
    expect(
      alphaIfDropped([
        [1, 2],
        [2, 3],
        [3, 3],
      ]),
    ).toEqual([null, null]);
    expect(
      itemRestCorrelations([
        [1, 2],
        [1, 3],
        [1, 3],
      ]),
    ).toEqual([null, null]);
    expect(feldtInterval(0.8, 1, 5)).toBeNull();
  });

  it("listwise deletion drops rows with null or NaN and counts them", () => {
    const { rows, excluded, k } = completeRows([
      [1, 2],
      [null, 2],
      [3, Number.NaN],
      [4, 4],
    ]);
    expect(rows).toEqual([
      [1, 2],
      [4, 4],
    ]);
    expect(excluded).toBe(2);
    expect(k).toBe(2);
    expect(() => completeRows([[1, 2], [3]])).toThrow(RangeError);
  });
});
