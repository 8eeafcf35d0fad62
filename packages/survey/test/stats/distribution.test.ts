import { distribution, topBox, wilsonInterval } from "@zaz/survey";
import { describe, expect, it } from "vitest";

describe("distribution", () => {
  it("counts every code, zeros included, in the order given", () => {
    const result = distribution([4, 3, 4, 1, 4, 3], [1, 2, 3, 4]);
    expect(result.n).toBe(6);
    expect(result.outside).toBe(0);
    expect(result.entries.map((e) => e.count)).toEqual([1, 0, 2, 3]);
    expect(result.entries[3]?.share).toBe(0.5);
  });

  it("keeps values outside the codes apart", () => {
    const result = distribution([1, 9, 2], [1, 2]);
    expect(result.n).toBe(2);
    expect(result.outside).toBe(1);
    expect(result.entries.map((e) => e.share)).toEqual([0.5, 0.5]);
  });

  it("has null shares when empty", () => {
    expect(distribution([], [1, 2]).entries.map((e) => e.share)).toEqual([null, null]);
  });
});

describe("topBox", () => {
  it("shares of agree codes from a Map or from distribution entries", () => {
    // 3 + 4 of 1 + 2 + 3 + 4 = 7/10.
    const counts = new Map([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(topBox(counts, [3, 4])).toEqual({ successes: 7, n: 10, share: 0.7 });
    const entries = distribution([4, 3, 4, 1, 2, 4], [1, 2, 3, 4]).entries;
    expect(topBox(entries, [3, 4])).toEqual({ successes: 4, n: 6, share: 4 / 6 });
    expect(topBox([], [1]).share).toBeNull();
  });

  it("feeds the Wilson interval", () => {
    const { successes, n } = topBox(
      new Map([
        [1, 7],
        [2, 3],
      ]),
      [2],
    );
    expect(wilsonInterval(successes, n)?.p).toBe(0.3);
  });
});
