import { meanDifferenceInterval } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { differenceFromRest, positionAmong, restOf } from "../src/sections/reference-position.js";

// School [1, 2, 3]; the other schools [4, 5, 6, 7]; the board all seven.
const sd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const school = { mean: 2, sd: 1, n: 3, deff: 1 };
const board = { mean: 4, sd: sd([1, 2, 3, 4, 5, 6, 7]), n: 7, deff: 1 };

describe("the other schools of the board", () => {
  it("are the board minus the school, from means, SDs and n", () => {
    const rest = restOf(board, school);
    expect(rest?.n).toBe(4);
    expect(rest?.mean).toBeCloseTo(5.5, 12);
    expect(rest?.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it("give the same Welch interval as the raw scores", () => {
    const d = differenceFromRest(school, board);
    const raw = meanDifferenceInterval([1, 2, 3], [4, 5, 6, 7]);
    expect(d?.difference).toBeCloseTo(-3.5, 12);
    expect(d?.low).toBeCloseTo(raw!.low, 10);
    expect(d?.high).toBeCloseTo(raw!.high, 10);
    expect(d?.restN).toBe(4);
  });

  it("widen the interval by the design effects", () => {
    const plain = differenceFromRest(school, board)!;
    const widened = differenceFromRest({ ...school, deff: 2 }, { ...board, deff: 2 })!;
    // both variances doubled: the standard error grows by √2 (df stays the same)
    expect(widened.high - widened.difference).toBeCloseTo((plain.high - plain.difference) * Math.SQRT2, 10);
  });

  it("are none when the school is the whole board", () => {
    expect(differenceFromRest(school, { ...school })).toBeNull();
  });
});

describe("position among the other schools", () => {
  it("is the share of other schools below, ties counting half", () => {
    // others 3, 4, 3,5, 2 against 3,5: two below, one tie → (2 + 0,5) / 4 = 62,5
    expect(positionAmong(3.5, [3, 4, 3.5, 2])).toEqual({ below: 2, ties: 1, count: 4, percentile: 62.5 });
    expect(positionAmong(3.5, [])).toBeNull();
  });
});
