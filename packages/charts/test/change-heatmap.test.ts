import { describe, expect, it } from "vitest";
import { type ChangeRow, changeHeatmap } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { changeHeatmapInput, xss } from "./fixtures.js";
import { specRows } from "./support.js";

describe("changeHeatmap", () => {
  const chart = changeHeatmap(changeHeatmapInput);
  const rows = specRows(chart.spec);
  const cell = (rowLabel: string, construct: string) =>
    rows[changeHeatmapInput.rows.findIndex((r) => r.rowLabel === rowLabel && r.construct === construct)]!;

  it("renders a cell per row, escapes labels and leaks nothing suppressed", async () => {
    const svg = await checkChart(chart, {
      markType: "rect",
      element: "path",
      minMarks: 12,
      hiddenValues: ["0.87", "0,87", "2.19", "2,19", "3.06", "3,06"],
    });
    expect(svg).toContain("+0,75");
    expect(svg).toContain("−0,40");
    expect(svg).toContain("te weinig");
  });

  it("gives a suppressed cell no change, only its status", () => {
    expect(cell("Groep 6", "educatief")).toMatchObject({
      status: "suppressed",
      change: null,
      cellText: "te weinig",
      tooltip: "Groep 6 · Educatief partnerschap: onderdrukt: minder dan 5 respondenten",
    });
    expect(chart.table.rows.find((r) => r.row === "Groep 6" && r.status !== null)).toEqual({
      row: "Groep 6",
      construct: "Educatief partnerschap",
      previous: null,
      current: null,
      change: null,
      n: null,
      status: "onderdrukt: minder dan 5 respondenten",
    });
  });

  it("tells 'no data' apart from suppressed, and drops the numbers a caller left in", () => {
    expect(cell(xss, "heldere_communicatie")).toMatchObject({
      status: "no_data",
      change: null,
      cellText: "–",
    });
    // The caller passed current 3,3 and n = 21 with a null change: neither may show.
    expect(chart.table.rows[changeHeatmapInput.rows.findIndex((r) => r.change === null)]).toMatchObject({
      previous: null,
      current: null,
      change: null,
      n: null,
      status: "geen gegevens",
    });
  });

  it("has a data table that tells the same story as the chart", () => {
    expect(chart.table.columns.map((column) => column.title)).toEqual([
      "Groep",
      "Schaal",
      "Vorige",
      "Nu",
      "Verschil",
      "n",
      "Status",
    ]);
    expect(chart.table.rows).toHaveLength(rows.length);
    chart.table.rows.forEach((tableRow, i) => {
      const specRow = rows[i]!;
      const input = changeHeatmapInput.rows[i]!;
      expect(tableRow.row).toBe(input.rowLabel);
      expect(tableRow.construct).toBe(input.constructLabel);
      expect(tableRow.change).toBe(specRow.change);
      expect(tableRow.status === null).toBe(specRow.status === "shown");
      if (specRow.status === "shown") {
        expect(tableRow).toMatchObject({ previous: input.previous, current: input.current, n: input.n });
      }
    });
  });

  it("names the row column as the caller asks", () => {
    const schools = changeHeatmap({ ...changeHeatmapInput, rowTitle: "School" });
    expect(schools.table.columns[0]).toEqual({ field: "row", title: "School" });
  });

  it("writes changes the Dutch way, with a sign, a real minus and no signed zero", () => {
    expect(cell("Groep 4", "positieve_houding").cellText).toBe("+0,25");
    expect(cell("Groep 4", "heldere_communicatie").cellText).toBe("−0,40");
    expect(cell("Groep 4", "maatschappelijk").cellText).toBe("0,00");
    expect(cell("Groep 4", "positieve_houding").tooltip).toBe(
      "Groep 4 · Positieve houding naar alle ouders: +0,25 (n = 24)",
    );
    const tiny = changeHeatmap({
      ...changeHeatmapInput,
      rows: [{ ...changeHeatmapInput.rows[0]!, change: -0.004 }],
    });
    expect(specRows(tiny.spec)[0]!.cellText).toBe("0,00");
  });

  it("labels the axes and legend in Dutch, constructs wrapped in the order given", () => {
    const labels = [...new Set(rows.map((row) => row.constructLabel))];
    expect(labels).toEqual([
      "Positieve\nhouding naar\nalle ouders",
      "Heldere\ncommunicatie\nover…",
      "Educatief\npartnerschap",
      "Maatschappelijk\npartnerschap",
    ]);
    expect([...new Set(rows.map((row) => row.rowLabel))]).toEqual(["Groep 4", "Groep 6", xss]);
    expect(JSON.stringify(chart.spec)).toContain('"legend":{"title":"verschil (nu − vorige)"');
  });

  it("colours on a diverging scale saturating at one scale point, text dark or white by contrast", () => {
    expect(JSON.stringify(chart.spec)).toContain(
      '"scale":{"domain":[-1,0,1],"range":["#b35806","#f7f7f7","#2166ac"],"interpolate":"rgb","clamp":true}',
    );
    // The fixture's strongest changes (+0,75 on #578abf, −0,70 on #c7884e) still read better in dark
    // text: WCAG contrast 4,8 and 5,9 for #1a1a1a, only 3,6 and 3,0 for white.
    expect(rows.map((row) => [row.cellText, row.textColor])).toEqual([
      ["+0,25", "#1a1a1a"],
      ["−0,40", "#1a1a1a"],
      ["+0,75", "#1a1a1a"],
      ["0,00", "#1a1a1a"],
      ["−0,70", "#1a1a1a"],
      ["+0,10", "#1a1a1a"],
      ["te weinig", "#1a1a1a"],
      ["+0,30", "#1a1a1a"],
      ["+0,05", "#1a1a1a"],
      ["–", "#1a1a1a"],
      ["−0,15", "#1a1a1a"],
      ["+0,45", "#1a1a1a"],
    ]);
    // White text only where the cell's colour is dark: towards the ends of the ramp, and beyond
    // them (the scale clamps). Blue turns dark sooner than orange.
    const changes = [1.5, 1, 0.88, 0.87, -0.87, -0.96, -0.97, -1, -1.5];
    const strong = changeHeatmap({
      ...changeHeatmapInput,
      rows: changes.map((change, i) => ({ ...changeHeatmapInput.rows[0]!, construct: `c${i}`, change })),
    });
    expect(specRows(strong.spec).map((row) => [row.cellText, row.textColor])).toEqual([
      ["+1,50", "#ffffff"],
      ["+1,00", "#ffffff"],
      ["+0,88", "#ffffff"],
      ["+0,87", "#1a1a1a"],
      ["−0,87", "#1a1a1a"],
      ["−0,96", "#1a1a1a"],
      ["−0,97", "#ffffff"],
      ["−1,00", "#ffffff"],
      ["−1,50", "#ffffff"],
    ]);
  });

  it("outlines a 'no data' cell with a dashed line, so it is not white on white", () => {
    const layers = (chart.spec as { layer: { transform?: unknown; mark: object }[] }).layer;
    expect(layers.map((layer) => layer.transform ?? null)).toEqual([
      null,
      [{ filter: { field: "status", equal: "no_data" } }],
      null,
    ]);
    expect(layers[1]!.mark).toEqual({
      type: "rect",
      fill: null,
      stroke: "#969696",
      strokeDash: [4, 3],
      strokeWidth: 1,
    });
  });

  it("describes itself for a screen reader, and every cell carries text besides its colour", () => {
    expect(chart.spec.description).toBe(changeHeatmapInput.description);
    expect(chart.spec.title).toBe(changeHeatmapInput.title);
    for (const row of rows) {
      expect(row.cellText).toEqual(expect.any(String));
      expect(row.tooltip).toMatch(/ · .+: /);
    }
  });

  it("keeps two rows with the same label apart", () => {
    const twin: ChangeRow = { ...changeHeatmapInput.rows[0]!, row: "g4b" };
    const chart2 = changeHeatmap({ ...changeHeatmapInput, rows: [changeHeatmapInput.rows[0]!, twin] });
    expect(specRows(chart2.spec).map((row) => row.rowLabel)).toEqual(["Groep 4", "Groep 4 (2)"]);
    expect(chart2.table.rows.map((row) => row.row)).toEqual(["Groep 4", "Groep 4"]);
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});
