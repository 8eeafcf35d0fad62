import { describe, expect, it } from "vitest";
import { jaShare } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { jaShareInput } from "./fixtures.js";
import { specRows } from "./support.js";

describe("jaShare", () => {
  const chart = jaShare(jaShareInput);

  it("renders a dot and a Wilson interval per shown cell, one panel per section", async () => {
    const svg = await checkChart(chart, {
      markType: "symbol",
      element: "path",
      minMarks: 5,
      hiddenValues: ["0.667", "0.208", "0.939", "67%"],
    });
    expect(svg).toContain("Afstudeerfase: te weinig respondenten");
    expect(svg).toContain("Kennismakingsgesprek");
    expect(svg).toContain("Algemene gespreksvaardigheden");
  });

  it("orders the phases as the leerlijn does and labels them in Dutch", () => {
    const fasen = [...new Set(specRows(chart.spec).map((row) => row.faseLabel))];
    expect(fasen).toEqual(["Hoofdfase", "Afstudeerfase"]);
  });

  it("has a Dutch table with shares as fractions", () => {
    expect(chart.table.columns.map((column) => column.title)).toContain("Aandeel JA");
    expect(chart.table.rows[0]).toMatchObject({ fase: "Hoofdfase", share: 0.55, n: 31 });
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});
