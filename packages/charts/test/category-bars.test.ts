import { describe, expect, it } from "vitest";
import { categoryBars } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { categoryInput } from "./fixtures.js";
import { specRows } from "./support.js";

describe("categoryBars", () => {
  const chart = categoryBars(categoryInput);

  it("renders one bar per answer, with its share and count", async () => {
    const svg = await checkChart(chart, { markType: "rect", element: "path", minMarks: 4, hiddenValues: [] });
    // 61 of 84 = 72.6%: the share and the count it rests on
    expect(svg).toContain("73% (61)");
    expect(svg).toContain("Nederlands");
  });

  it("keeps the answers in questionnaire order", () => {
    expect(specRows(chart.spec).map((r) => r.order)).toEqual([0, 1, 2, 3]);
  });

  it("says in its description that multiple choice adds up to more than 100%", () => {
    expect(JSON.stringify(chart.spec)).toContain("meer dan 100%");
    expect(chart.table.rows[1]).toMatchObject({ category: "Arabisch", count: 17, share: 0.202, n: 84 });
  });

  it("refuses a count above n", () => {
    expect(() =>
      categoryBars({ ...categoryInput, rows: [{ category: "1", label: "x", count: 85 }] }),
    ).toThrow(RangeError);
  });
});
