import { fCdf, fQuantile, normalQuantile, regularizedBeta, tCdf, tQuantile } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { expectRelative, reference } from "./reference.js";

describe("t quantile", () => {
  it("agrees with R's qt to 1e-9 relative", () => {
    expect(reference.qt.length).toBeGreaterThan(100);
    for (const { p, df, q } of reference.qt) expectRelative(tQuantile(p, df), q, 1e-9);
  });

  it("matches the closed forms for 1 and 2 degrees of freedom", () => {
    for (const p of [0.001, 0.1, 0.3, 0.75, 0.975]) {
      // df = 1 is the Cauchy distribution: t = tan(π(p − ½)).
      expectRelative(tQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-12);
      // df = 2: t = (2p − 1) / √(2p(1 − p)).
      expectRelative(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-12);
    }
  });

  it("inverts its own CDF", () => {
    for (const df of [1, 3.5, 12, 250]) {
      for (const p of [0.0001, 0.02, 0.4, 0.5, 0.9, 0.999])
        expectRelative(tCdf(tQuantile(p, df), df), p, 1e-12);
    }
  });

  it("handles the ends and rejects nonsense", () => {
    expect(tQuantile(0.5, 7)).toBe(0);
    expect(tQuantile(1, 7)).toBe(Number.POSITIVE_INFINITY);
    expect(tQuantile(0, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(() => tQuantile(1.2, 7)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe("F quantile", () => {
  it("agrees with R's qf to 1e-9 relative", () => {
    expect(reference.qf.length).toBeGreaterThan(50);
    for (const { p, df1, df2, q } of reference.qf) expectRelative(fQuantile(p, df1, df2), q, 1e-9);
  });

  it("is closer than R where R's qf is off: F_0.001(1, 10)", () => {
    // R's qf gives 1.6511977740663042e-6 (P = 0.00099999999980640); 40-digit mpmath root of
    // I_{f/(f+10)}(½, 5) = 0.001 is 1.651197774705659e-6. Within the 1e-9 tolerance either way.
    expectRelative(fQuantile(0.001, 1, 10), 1.651197774705659e-6, 1e-13);
  });

  it("satisfies F(1, d) = t(d)² and F_p(d1, d2) = 1 / F_{1−p}(d2, d1)", () => {
    for (const d of [1, 4, 30]) expectRelative(fQuantile(0.95, 1, d), tQuantile(0.975, d) ** 2, 1e-12);
    expectRelative(fQuantile(0.025, 7, 19), 1 / fQuantile(0.975, 19, 7), 1e-12);
  });

  it("inverts its own CDF", () => {
    for (const [d1, d2] of [
      [1, 1],
      [3, 40],
      [50, 4],
    ] as const) {
      for (const p of [0.001, 0.3, 0.975]) expectRelative(fCdf(fQuantile(p, d1, d2), d1, d2), p, 1e-12);
    }
  });
});

describe("normal quantile", () => {
  it("agrees with R's qnorm", () => {
    for (const { p, q } of reference.qnorm) expectRelative(normalQuantile(p), q, 1e-14);
  });
});

describe("regularised incomplete beta", () => {
  it("matches closed forms: I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a", () => {
    // Hand check: I_0.2(1, 3) = 1 − 0.8³ = 1 − 0.512 = 0.488.
    expect(regularizedBeta(0.2, 1, 3).lower).toBeCloseTo(0.488, 14);
    expectRelative(regularizedBeta(0.9, 4.5, 1).lower, 0.9 ** 4.5, 1e-13);
    expectRelative(regularizedBeta(1e-6, 1, 1500).lower, -Math.expm1(1500 * Math.log1p(-1e-6)), 1e-12);
  });
});
