import type { TopLevelSpec } from "vega-lite";
import { axisLabels, axisOrder } from "./axis-labels.js";
import { cellStateOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig } from "./chart-config.js";
import { formatNumber, formatPercent } from "./dutch-number.js";
import { firstSeen } from "./first-seen.js";
import { intervalLayers } from "./interval-layers.js";
import {
  intervalDotsTexts,
  intervalTooltip,
  seriesStatusText,
  statusTexts,
  tableTitles,
} from "./messages.js";
import { mutedText, okabeIto } from "./palette.js";
import { roundTo } from "./round-to.js";

export interface DotRow {
  category: string;
  categoryLabel: string;
  /** a second grouping within the category (a fase); "" for none */
  series: string;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number | null;
  suppressed: boolean;
  reason?: string;
}

export interface IntervalDotsInput {
  title: string;
  description: string;
  axisTitle: string;
  domain: [number, number];
  percent?: boolean;
  /** a reference line, e.g. 0.70 for alpha */
  reference?: number;
  /** column titles of the table */
  categoryTitle: string;
  seriesTitle?: string;
  rows: DotRow[];
}

/**
 * One dot per category (and series) with its 95% interval as a line; a category without a value
 * shows why at the axis. For values the other builders do not cover: alphas, question means per
 * fase, shares per profieleis. Categories and series keep the order in which they first appear.
 */
export function intervalDots(input: IntervalDotsInput): Chart {
  const format = (v: number) => (input.percent === true ? formatPercent(v) : formatNumber(v, 2));
  const series = firstSeen(
    input.rows,
    (r) => r.series,
    (r) => r.series,
  ).map(([id]) => id);
  const grouped = series.length > 1 || (series[0] ?? "") !== "";
  const categories = firstSeen(
    input.rows,
    (r) => r.category,
    (r) => r.categoryLabel,
  );
  const categoryOrder = axisOrder(categories);
  const categoryLabels = axisLabels(categories, { lineLength: 44, maxLines: 3 });

  const data: Record<string, TableCell>[] = [];
  const tableRows: Record<string, TableCell>[] = [];
  for (const r of input.rows) {
    const { status, shown, label } = cellStateOf(r.value, r.suppressed, r.reason, statusTexts.suppressedLong);
    const value = shown ? r.value : null;
    const low = shown ? r.low : null;
    const high = shown ? r.high : null;
    const n = shown ? r.n : null;
    data.push({
      categoryLabel: categoryLabels.get(r.category)!,
      categoryOrder: categoryOrder.get(r.category)!,
      series: r.series,
      seriesOrder: series.indexOf(r.series),
      value,
      low,
      high,
      status,
      statusText: shown ? null : grouped ? seriesStatusText(r.series, label!) : label,
      tooltip: intervalTooltip({
        category: r.categoryLabel,
        ...(grouped ? { series: r.series } : {}),
        value: value === null ? null : format(value),
        low: low === null ? null : format(low),
        high: high === null ? null : format(high),
        n,
        status: label,
      }),
    });
    tableRows.push({
      category: r.categoryLabel,
      ...(grouped ? { series: r.series } : {}),
      value: roundTo(value, 3),
      low: roundTo(low, 3),
      high: roundTo(high, 3),
      n,
      status: label,
    });
  }

  const columns: TableColumn[] = [
    { field: "category", title: input.categoryTitle },
    ...(grouped ? [{ field: "series", title: input.seriesTitle ?? intervalDotsTexts.series }] : []),
    { field: "value", title: input.axisTitle },
    // Interval columns only where some row has an interval: empty "95%" columns read as missing data.
    ...(input.rows.some((r) => r.low !== null && r.high !== null)
      ? [
          { field: "low", title: intervalDotsTexts.low },
          { field: "high", title: intervalDotsTexts.high },
        ]
      : []),
    { field: "n", title: tableTitles.n },
    { field: "status", title: tableTitles.status },
  ];

  const y = {
    field: "categoryLabel",
    type: "nominal",
    sort: { field: "categoryOrder", op: "min" },
    title: null,
    axis: { labelLimit: 0, labelPadding: 8 },
  } as const;
  const x = {
    scale: { domain: input.domain, clamp: true },
    axis: {
      title: input.axisTitle,
      ...(input.percent === true ? { format: ".0%" } : {}),
      // Whole-number scales (1–4, 1–5) get their scale points as ticks, not 1,2; 1,4; …
      ...(isWholeScale(input.domain) ? { values: range(input.domain) } : {}),
    },
  };
  const layers = intervalLayers({
    x,
    y,
    ...(grouped
      ? {
          yOffset: { field: "series", type: "nominal", sort: { field: "seriesOrder", op: "min" } } as const,
          color: {
            field: "series",
            type: "nominal",
            sort: { field: "seriesOrder", op: "min" },
            scale: { range: okabeIto.slice(0, Math.max(1, series.length)) },
            legend: { title: input.seriesTitle ?? null },
          } as const,
        }
      : {}),
    statusAt: input.domain[0],
  });

  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: input.title,
    description: input.description,
    data: { values: data },
    config: chartConfig(),
    width: 380,
    // With a yOffset the step is that of one series, not of a category.
    height: { step: grouped ? Math.max(14, Math.ceil(54 / series.length)) : 32 },
    layer: [
      ...(input.reference === undefined
        ? []
        : [
            {
              mark: { type: "rule" as const, strokeDash: [4, 3], color: mutedText },
              encoding: { x: { datum: input.reference, type: "quantitative" as const } },
            },
          ]),
      ...layers,
    ],
  };

  return { spec, table: { columns, rows: tableRows } };
}

function isWholeScale([min, max]: [number, number]): boolean {
  return Number.isInteger(min) && Number.isInteger(max) && max - min >= 2 && max - min <= 10;
}

function range([min, max]: [number, number]): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
