import { describe, expect, it } from "vitest";
import { type Chart, type IntervalDotsInput, intervalDots } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { feedbackDotsInput, profieleisDotsInput, reliabilityDotsInput, xss } from "./fixtures.js";
import { specRows } from "./support.js";

/** The data table tells the same story as the chart: row for row, rounded to three decimals. */
function expectTableMatchesChart(chart: Chart, input: IntervalDotsInput): void {
  const rows = specRows(chart.spec);
  expect(chart.table.rows).toHaveLength(rows.length);
  chart.table.rows.forEach((tableRow, i) => {
    const specRow = rows[i]!;
    expect(tableRow.category).toBe(input.rows[i]!.categoryLabel);
    for (const field of ["value", "low", "high"] as const) {
      const value = specRow[field] as number | null;
      expect(tableRow[field]).toBe(value === null ? null : Math.round(value * 1000) / 1000);
    }
    expect(tableRow.status === null).toBe(specRow.status === "shown");
    expect(tableRow.n).toBe(specRow.status === "shown" ? input.rows[i]!.n : null);
  });
}

describe("intervalDots with series (feedback per fase, scale 1–5)", () => {
  const chart = intervalDots(feedbackDotsInput);
  const rows = specRows(chart.spec);

  it("renders a dot per shown value and the status text in place of the others", async () => {
    const svg = await checkChart(chart, {
      markType: "symbol",
      element: "path",
      minMarks: 4,
      hiddenValues: ["1.37", "1,37", "0.58", "0,58", "2.16", "2,16"],
    });
    expect(svg).toContain("Afstudeerfase: onderdrukt: minder dan 5 respondenten");
    expect(svg).toContain("Hoofdfase: geen gegevens");
  });

  it("gives suppressed and empty rows no value, only a status", () => {
    expect(rows[3]).toMatchObject({
      series: "Afstudeerfase",
      status: "suppressed",
      value: null,
      low: null,
      high: null,
      statusText: "Afstudeerfase: onderdrukt: minder dan 5 respondenten",
    });
    expect(rows[4]).toMatchObject({ series: "Hoofdfase", status: "no_data", value: null });
    expect(chart.table.rows[3]).toMatchObject({
      value: null,
      low: null,
      high: null,
      n: null,
      status: "onderdrukt: minder dan 5 respondenten",
    });
    expect(chart.table.rows[4]).toMatchObject({ value: null, n: null, status: "geen gegevens" });
  });

  it("has a data table with a series column that matches the chart", () => {
    expect(chart.table.columns.map((column) => column.title)).toEqual([
      "Vraag",
      "Fase",
      "gemiddelde (1–5)",
      "95%-interval laag",
      "95%-interval hoog",
      "n",
      "Status",
    ]);
    expect(chart.table.rows[0]).toEqual({
      category: "Was de student goed voorbereid op het gesprek?",
      series: "Hoofdfase",
      value: 3.4,
      low: 3,
      high: 3.8,
      n: 14,
      status: null,
    });
    expectTableMatchesChart(chart, feedbackDotsInput);
  });

  it("writes Dutch numbers in the tooltip and keeps the order of categories and series", () => {
    // The same tooltip as the other interval charts (intervalTooltip): series first, then category.
    expect(rows[0]!.tooltip).toBe(
      "Hoofdfase · Was de student goed voorbereid op het gesprek?: 3,40 (95%-BI 3,00–3,80; n = 14)",
    );
    expect(rows[3]!.tooltip).toBe(
      `Afstudeerfase · Luisterde de student echt naar u? ${xss}: onderdrukt: minder dan 5 respondenten`,
    );
    expect(rows[4]!.tooltip).toBe(
      "Hoofdfase · Gaf de student u ruimte voor uw eigen inbreng en voor vragen over de ontwikkeling van uw kind?: geen gegevens",
    );
    expect(rows.map((row) => [row.categoryOrder, row.seriesOrder])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
    // Long questions wrap at about 44 characters.
    expect(rows[4]!.categoryLabel).toBe(
      "Gaf de student u ruimte voor uw eigen\ninbreng en voor vragen over de ontwikkeling\nvan uw kind?",
    );
  });

  it("gives a whole-number scale its scale points as ticks, and colours the series", () => {
    const json = JSON.stringify(chart.spec);
    expect(json).toContain('"values":[1,2,3,4,5]');
    expect(json).toContain('"legend":{"title":"Fase"}');
    expect(json).toContain('"yOffset":{"field":"series"');
  });

  it("describes itself for a screen reader", () => {
    expect(chart.spec.description).toBe(feedbackDotsInput.description);
    expect(chart.spec.title).toBe(feedbackDotsInput.title);
    for (const row of rows) expect(row.tooltip).toEqual(expect.any(String));
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});

describe("intervalDots without series (Cronbach's alpha with a reference line)", () => {
  const chart = intervalDots(reliabilityDotsInput);
  const rows = specRows(chart.spec);

  it("renders dots, escapes labels and leaks nothing suppressed", async () => {
    const svg = await checkChart(chart, {
      markType: "symbol",
      element: "path",
      minMarks: 2,
      hiddenValues: ["0.946", "0.912", "0.969", "0,95", "0,91", "0,97"],
    });
    expect(svg).toContain("onderdrukt: minder dan 5 respondenten");
    expect(svg).toContain("geen gegevens");
  });

  it("draws the reference line and no series: no colour, offset, legend or series column", () => {
    const layers = (chart.spec as { layer: { mark: { type: string }; encoding: object }[] }).layer;
    expect(layers[0]).toEqual({
      mark: { type: "rule", strokeDash: [4, 3], color: "#525252" },
      encoding: { x: { datum: 0.7, type: "quantitative" } },
    });
    for (const layer of layers) {
      expect(layer.encoding).not.toHaveProperty("color");
      expect(layer.encoding).not.toHaveProperty("yOffset");
    }
    expect(chart.table.columns.map((column) => column.field)).toEqual([
      "category",
      "value",
      "low",
      "high",
      "n",
      "status",
    ]);
    expect(rows[2]!.statusText).toBe("onderdrukt: minder dan 5 respondenten");
    expect(rows[0]!.tooltip).toBe("Positieve houding: 0,81 (95%-BI 0,77–0,85; n = 187)");
  });

  it("has a data table that matches the chart", () => {
    expect(chart.table.rows[1]).toEqual({
      category: xss,
      value: 0.64,
      low: 0.57,
      high: 0.7,
      n: 181,
      status: null,
    });
    expectTableMatchesChart(chart, reliabilityDotsInput);
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});

describe("intervalDots in percent (JA shares per profieleis)", () => {
  const chart = intervalDots(profieleisDotsInput);
  const rows = specRows(chart.spec);

  it("renders and leaks nothing suppressed", async () => {
    await checkChart(chart, {
      markType: "symbol",
      element: "path",
      minMarks: 3,
      hiddenValues: ["0.333", "0.061", "0.792", "33%", "79%"],
    });
  });

  it("formats shares as Dutch percentages and rounds the table to three decimals", () => {
    expect(rows[0]!.tooltip).toBe("Hoofdfase · a: voert gesprekken met ouders: 65% (95%-BI 52%–76%; n = 52)");
    expect(JSON.stringify(chart.spec)).toContain('"format":".0%"');
    expect(chart.table.rows[0]).toMatchObject({ value: 0.654, n: 52 });
    expectTableMatchesChart(chart, profieleisDotsInput);
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});
