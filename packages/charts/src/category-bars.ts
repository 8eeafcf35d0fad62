import type { TopLevelSpec } from "vega-lite";
import { axisLabels, axisOrder } from "./axis-labels.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig } from "./chart-config.js";
import { formatPercent } from "./dutch-number.js";
import { firstSeen } from "./first-seen.js";
import { categoryBarsDescription, categoryBarsTexts, categoryTooltip, tableTitles } from "./messages.js";
import { darkText, okabeIto } from "./palette.js";
import { roundTo } from "./round-to.js";

export interface CategoryRow {
  /** the answer's code, e.g. "1" */
  category: string;
  label: string;
  /** respondents who chose it */
  count: number;
}

export interface CategoryBarsInput {
  title: string;
  description?: string;
  /** respondents with a valid answer: every share is of them */
  n: number;
  /** multiple choice: one respondent may be in several bars */
  multiple?: boolean;
  rows: CategoryRow[];
}

/**
 * The distribution of a background question (home language, Dutch, contact preference) for a group
 * that passed suppression: one bar per answer, its share of the respondents with its count and n.
 * Nominal answers, so one colour: no order or judgement is suggested between languages.
 */
export function categoryBars(input: CategoryBarsInput): Chart {
  if (!Number.isInteger(input.n) || input.n < 0) throw new RangeError(`n must be a count, got ${input.n}`);
  const seen = firstSeen(
    input.rows,
    (row) => row.category,
    (row) => row.label,
  );
  const labels = axisLabels(seen, { lineLength: 28, maxLines: 2 });
  const order = axisOrder(seen);
  const data: Record<string, TableCell>[] = [];
  const tableRows: Record<string, TableCell>[] = [];
  for (const row of input.rows) {
    if (!Number.isInteger(row.count) || row.count < 0 || row.count > input.n)
      throw new RangeError(`count of ${row.category} must be between 0 and n, got ${row.count}`);
    const share = input.n === 0 ? 0 : row.count / input.n;
    data.push({
      label: labels.get(row.category)!,
      order: order.get(row.category)!,
      value: share,
      text: `${formatPercent(share)} (${row.count})`,
      tooltip: categoryTooltip(row.label, share, row.count, input.n),
    });
    tableRows.push({ category: row.label, count: row.count, share: roundTo(share, 3), n: input.n });
  }
  const top = input.rows.reduce<CategoryRow | null>(
    (a, b) => (a === null || b.count > a.count ? b : a),
    null,
  );
  const columns: TableColumn[] = [
    { field: "category", title: categoryBarsTexts.category },
    { field: "count", title: categoryBarsTexts.count },
    { field: "share", title: categoryBarsTexts.share },
    { field: "n", title: tableTitles.n },
  ];
  const y = {
    field: "label",
    type: "nominal" as const,
    sort: { field: "order", op: "min" as const },
    title: null,
    axis: { labelLimit: 0, labelPadding: 8 },
  };
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: input.title,
    description:
      input.description ??
      categoryBarsDescription({
        categories: input.rows.length,
        n: input.n,
        multiple: input.multiple === true,
        top: top === null || input.n === 0 ? null : { label: top.label, share: top.count / input.n },
      }),
    data: { values: data },
    config: chartConfig(),
    width: 360,
    height: { step: 22 },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", color: okabeIto[0]! },
        encoding: {
          tooltip: { field: "tooltip", type: "nominal" },
          x: {
            field: "value",
            type: "quantitative",
            scale: { domain: [0, 1] },
            axis: { format: ".0%", values: [0, 0.25, 0.5, 0.75, 1], title: categoryBarsTexts.axis },
          },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, color: darkText },
        encoding: { x: { field: "value", type: "quantitative" }, text: { field: "text" } },
      },
    ],
  };
  return { spec, table: { columns, rows: tableRows } };
}
