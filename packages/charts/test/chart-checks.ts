import { expect } from "vitest";
import type { Chart } from "../src/index.js";
import { renderSvg } from "../src/index.js";
import { xss } from "./fixtures.js";
import { countMarks, leakedNumbers, specRows, vegaExpressions } from "./support.js";

/**
 * The checks every chart must pass: it renders without warnings, with the expected marks; the
 * hostile label is escaped text in the SVG and never in an expression; suppressed rows carry no
 * numbers in the spec or the table, and the given numbers of suppressed input appear nowhere.
 */
export async function checkChart(
  chart: Chart,
  expected: { markType: string; element: string; minMarks: number; hiddenValues: readonly string[] },
): Promise<string> {
  const warnings: string[] = [];
  const svg = await renderSvg(chart.spec, { onWarning: (message) => warnings.push(message) });
  expect(warnings).toEqual([]);
  expect(countMarks(svg, expected.markType, expected.element)).toBeGreaterThanOrEqual(expected.minMarks);

  expect(svg).not.toContain("<script");
  expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  for (const expression of vegaExpressions(chart.spec)) {
    expect(expression).not.toContain("alert");
    expect(expression).not.toContain("script");
  }

  expect(leakedNumbers(specRows(chart.spec))).toEqual([]);
  expect(leakedNumbers(chart.table.rows)).toEqual([]);
  const json = JSON.stringify(chart);
  for (const value of expected.hiddenValues) {
    expect(json).not.toContain(value);
    expect(svg).not.toContain(value);
  }
  // Every table row only uses declared columns.
  const fields = new Set(chart.table.columns.map((column) => column.field));
  for (const row of chart.table.rows) for (const field of Object.keys(row)) expect(fields).toContain(field);
  expect(JSON.stringify(chart.spec)).toContain(xss.replace(/"/g, '\\"'));
  return svg;
}
