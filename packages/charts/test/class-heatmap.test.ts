import { describe, expect, it } from "vitest";
import { classHeatmap } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { heatmapInput } from "./fixtures.js";
import { specRows } from "./support.js";

describe("classHeatmap", () => {
  const chart = classHeatmap(heatmapInput);
  const rows = specRows(chart.spec);

  it("renders every cell of the 3 × 7 grid, escapes labels and leaks nothing suppressed", async () => {
    const svg = await checkChart(chart, {
      markType: "rect",
      element: "path",
      minMarks: 21,
      hiddenValues: ["4.87", "4,87"],
    });
    expect(svg).toContain("te weinig");
    expect(svg).toContain("geen gegevens");
  });

  it("completes the grid: a missing combination becomes a 'no data' cell", () => {
    expect(rows).toHaveLength(21);
    const formeel = rows.find((row) => row.groep === "g3" && row.construct === "formeel")!;
    expect(formeel).toMatchObject({ status: "no_data", mean: null, cellText: "geen gegevens" });
    const suppressed = rows.find((row) => row.groep === "g7" && row.construct === "maatschappelijk")!;
    expect(suppressed).toMatchObject({ status: "suppressed", mean: null, n: null, cellText: "te weinig" });
  });

  it("orders constructs as the model does and shows mean with n in Dutch", () => {
    const g5 = rows.filter((row) => row.groep === "g5").map((row) => row.construct);
    expect(g5).toEqual([
      "positieve_houding",
      "heldere_communicatie",
      "gerichte_verzoeken",
      "informatie_feedback",
      "educatief",
      "formeel",
      "maatschappelijk",
    ]);
    // Groep 3, positieve houding: 2.2 + 0 + 0 = 2.2 → "2,2", n = 18.
    expect(rows.find((row) => row.groep === "g3" && row.construct === "positieve_houding")!.cellText).toBe(
      "2,2\nn = 18",
    );
  });

  it("uses the response scale's range as the colour domain", () => {
    expect(JSON.stringify(chart.spec)).toContain('"domain":[1,5]');
  });

  it("has a Dutch table with the suppression reason", () => {
    expect(chart.table.columns.map((column) => column.title)).toEqual([
      "Groep",
      "Onderwerp",
      "Kader",
      "Gemiddelde",
      "n",
      "Status",
    ]);
    const row = chart.table.rows.find(
      (r) => r.construct === "Maatschappelijk partnerschap" && r.status !== null,
    )!;
    expect(row).toMatchObject({ mean: null, n: null, status: "onderdrukt: minder dan 5 respondenten" });
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});
