import { describe, expect, it } from "vitest";
import { trend } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { trendInput } from "./fixtures.js";
import { specRows } from "./support.js";

describe("trend", () => {
  const chart = trend(trendInput);
  const rows = specRows(chart.spec);

  it("renders lines, bands and points, and a marker for the suppressed wave", async () => {
    await checkChart(chart, {
      markType: "symbol",
      element: "path",
      minMarks: 8 + 1,
      hiddenValues: ["1.23", "0.77", "1.69"],
    });
  });

  it("breaks a construct's line at a suppressed wave instead of bridging it", () => {
    const gericht = rows.filter((row) => row.constructOrder === 2);
    expect(gericht.map((row) => [row.wave, row.status, row.segment])).toEqual([
      ["najaar 2023", "shown", "2-1"],
      ["voorjaar 2024", "suppressed", "2-1"],
      ["najaar 2024", "shown", "2-2"],
    ]);
    expect(new Set(rows.filter((row) => row.constructOrder === 0).map((row) => row.segment))).toEqual(
      new Set(["0-1"]),
    );
  });

  it("summarises the change from first to last wave in Dutch", () => {
    expect(chart.spec.description).toContain("Heldere communicatie van 3,1 naar 3,6");
    expect(chart.spec.description).toContain("1 meetpunt niet getoond wegens te weinig respondenten");
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});
