import {
  hedgesG,
  mean,
  meanDifferenceInterval,
  median,
  quantile,
  sd,
  summarize,
  tInterval,
  tQuantile,
  variance,
  wilsonInterval,
} from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { expectClose, reference, sample } from "./reference.js";

describe("descriptives", () => {
  it("agree with R's mean, sd, median and quantile(type 7)", () => {
    for (const ref of reference.tIntervals) {
      const values = sample(ref.sample);
      expectClose(mean(values), ref.mean);
      expectClose(sd(values), ref.sd);
      expectClose(median(values), ref.median);
      expectClose(quantile(values, 0.25), ref.q25);
    }
  });

  it("by hand: 2, 4, 9 → mean 5, variance ((−3)² + (−1)² + 4²)/2 = 13, median 4", () => {
    expect(mean([2, 4, 9])).toBe(5);
    expect(variance([2, 4, 9])).toBe(13);
    expect(median([9, 2, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it("keeps precision for values far from zero", () => {
    expectClose(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]), 30, 1e-9);
  });

  it("returns null, not NaN, for too few values", () => {
    expect(mean([])).toBeNull();
    expect(variance([3])).toBeNull();
    expect(sd([])).toBeNull();
    expect(median([])).toBeNull();
    expect(summarize([1])).toBeNull();
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
  });
});

describe("t interval", () => {
  it("agrees with R's t.test", () => {
    for (const ref of reference.tIntervals) {
      const interval = tInterval(sample(ref.sample), ref.level);
      expect(interval?.n).toBe(ref.n);
      expectClose(interval?.mean, ref.mean);
      expectClose(interval?.low, ref.low);
      expectClose(interval?.high, ref.high);
    }
  });

  it("by hand: 2, 4, 6 → 4 ± t_{0.975, 2} · 2/√3", () => {
    // mean 4, s² = (4 + 0 + 4)/2 = 4, s = 2, SE = 2/√3; t_{0.975,2} = 4.302652729749464 (R: qt(0.975, 2)).
    const interval = tInterval([2, 4, 6]);
    expectClose(tQuantile(0.975, 2), 4.302652729749464, 1e-14);
    expectClose(interval?.low, 4 - (4.302652729749464 * 2) / Math.sqrt(3), 1e-14);
    expectClose(interval?.high, 4 + (4.302652729749464 * 2) / Math.sqrt(3), 1e-14);
    expect(interval?.df).toBe(2);
  });

  it("accepts a summary instead of raw values", () => {
    const values = sample("wave1");
    expect(tInterval(summarize(values)!, 0.9)).toEqual(tInterval(values, 0.9));
  });

  it("has no interval for one value and rejects bad levels", () => {
    expect(tInterval([5])).toBeNull();
    expect(() => tInterval([1, 2], 95)).toThrow(RangeError);
  });
});

describe("Welch interval for a difference in means", () => {
  it("agrees with R's t.test(a, b, var.equal = FALSE)", () => {
    for (const ref of reference.twoGroups) {
      const result = meanDifferenceInterval(sample(ref.a), sample(ref.b), ref.level);
      expectClose(result?.difference, ref.difference);
      expectClose(result?.df, ref.welchDf);
      expectClose(result?.low, ref.welchLow);
      expectClose(result?.high, ref.welchHigh);
    }
  });

  it("by hand: 1,2,3 vs 3,4,5 → −2 ± t_{0.975, 4} · √(2/3)", () => {
    // s²/n = 1/3 for both; SE² = 2/3; ν = (2/3)² / ((1/3)²/2 + (1/3)²/2) = (4/9)/(1/9) = 4.
    const result = meanDifferenceInterval([1, 2, 3], [3, 4, 5]);
    expectClose(result?.df, 4, 1e-14);
    expectClose(result?.low, -2 - 2.7764451051977987 * Math.sqrt(2 / 3), 1e-13); // R: qt(0.975, 4)
    expectClose(result?.high, -2 + 2.7764451051977987 * Math.sqrt(2 / 3), 1e-13);
  });

  it("is null when both groups are constant or too small", () => {
    expect(meanDifferenceInterval([2, 2], [3, 3])).toBeNull();
    expect(meanDifferenceInterval([2], [3, 4])).toBeNull();
  });
});

describe("Hedges' g", () => {
  it("agrees with the formula evaluated in R", () => {
    for (const ref of reference.twoGroups) {
      const result = hedgesG(sample(ref.a), sample(ref.b), ref.level);
      expectClose(result?.d, ref.d);
      expectClose(result?.g, ref.g);
      expectClose(result?.se, ref.gSe);
      expectClose(result?.low, ref.gLow);
      expectClose(result?.high, ref.gHigh);
    }
  });

  it("by hand: 1,2,3 vs 3,4,5 → d = −2, J = 0.8, g = −1.6, SE = 0.8", () => {
    // s_p = 1; d = (2 − 4)/1 = −2; J = 1 − 3/(4·6 − 9) = 1 − 3/15 = 0.8; g = −1.6;
    // SE = 0.8 · √(6/9 + 4/12) = 0.8 · √1 = 0.8.
    const result = hedgesG([1, 2, 3], [3, 4, 5]);
    expectClose(result?.d, -2, 1e-14);
    expectClose(result?.j, 0.8, 1e-14);
    expectClose(result?.g, -1.6, 1e-14);
    expectClose(result?.se, 0.8, 1e-14);
  });

  it("is null without spread", () => {
    expect(hedgesG([3, 3, 3], [3, 3])).toBeNull();
    expect(hedgesG([1], [3, 4])).toBeNull();
  });
});

describe("Wilson interval", () => {
  it("agrees with R's prop.test(correct = FALSE)", () => {
    for (const ref of reference.wilson) {
      const interval = wilsonInterval(ref.successes, ref.n, ref.level);
      expectClose(interval?.p, ref.p);
      expectClose(interval?.low, ref.low);
      expectClose(interval?.high, ref.high);
    }
  });

  it("by hand: 3 of 10", () => {
    // z = 1.959963984540054, z²/n = 0.384145882, centre = (0.3 + 0.192072941)/1.384145882 = 0.355505…,
    // half = z·√(0.021 + 0.009603647)/1.384145882 = 0.247716…; so [0.107789, 0.603221].
    const interval = wilsonInterval(3, 10);
    expect(interval?.low).toBeCloseTo(0.10779, 4);
    expect(interval?.high).toBeCloseTo(0.60322, 4);
  });

  it("is null for n = 0 and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 3)).toThrow(RangeError);
  });
});
