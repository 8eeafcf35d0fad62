import {
  CellStatus,
  type Chart,
  cellStatusOf,
  chartConfig,
  formatNumber,
  formatPercent,
  type TableCell,
  vegaLiteSchemaUrl,
  wrapLabel,
} from "@zaz/charts";
import type { TopLevelSpec } from "vega-lite";
import { resultMessages as msg } from "./messages.js";

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

const palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

/**
 * One dot per category (and series) with its 95% interval as a line; a category without a value
 * shows why at the axis. For values the chart builders of @zaz/charts do not cover: alphas,
 * question means per fase, shares per profieleis.
 */
export function intervalDots(input: IntervalDotsInput): Chart {
  const format = (v: number) => (input.percent === true ? formatPercent(v) : formatNumber(v, 2));
  const series = [...new Set(input.rows.map((r) => r.series))];
  const grouped = series.length > 1 || (series[0] ?? "") !== "";
  const categoryOrder = new Map<string, number>();
  for (const r of input.rows)
    if (!categoryOrder.has(r.category)) categoryOrder.set(r.category, categoryOrder.size);
  const data: Record<string, TableCell>[] = [];
  const table: Record<string, TableCell>[] = [];
  for (const r of input.rows) {
    const status = cellStatusOf(r.value, r.suppressed);
    const shown = status === CellStatus.shown;
    const statusText =
      status === CellStatus.suppressed
        ? msg.suppressed(r.reason ?? "te weinig respondenten")
        : status === CellStatus.noData
          ? msg.noValue
          : null;
    const label = grouped ? `${r.categoryLabel} · ${r.series}` : r.categoryLabel;
    data.push({
      categoryLabel: wrapLabel(r.categoryLabel, 44, 3),
      categoryOrder: categoryOrder.get(r.category)!,
      series: r.series,
      seriesOrder: series.indexOf(r.series),
      value: shown ? r.value : null,
      low: shown ? r.low : null,
      high: shown ? r.high : null,
      status,
      statusText: shown ? null : `${grouped ? `${r.series}: ` : ""}${statusText}`,
      tooltip: shown
        ? `${label}: ${format(r.value!)}${r.low !== null && r.high !== null ? ` [${format(r.low)}; ${format(r.high)}]` : ""} (${msg.nText(r.n ?? 0)})`
        : `${label}: ${statusText}`,
    });
    const round = (v: number | null) => (v === null || !shown ? null : Math.round(v * 1000) / 1000);
    table.push({
      category: r.categoryLabel,
      ...(grouped ? { series: r.series } : {}),
      value: round(r.value),
      low: round(r.low),
      high: round(r.high),
      n: shown ? r.n : null,
      status: statusText,
    });
  }
  const y = {
    field: "categoryLabel",
    type: "nominal",
    sort: { field: "categoryOrder", op: "min" },
    title: null,
    axis: { labelLimit: 0, labelPadding: 8 },
  } as const;
  const yOffset = grouped
    ? { yOffset: { field: "series", type: "nominal", sort: { field: "seriesOrder", op: "min" } } as const }
    : {};
  const x = {
    field: "value",
    type: "quantitative",
    scale: { domain: input.domain, clamp: true },
    axis: {
      title: input.axisTitle,
      ...(input.percent === true ? { format: ".0%" } : {}),
      // Whole-number scales (1–4, 1–5) get their scale points as ticks, not 1,2; 1,4; …
      ...(isWholeScale(input.domain) ? { values: range(input.domain) } : {}),
    },
  } as const;
  const color = grouped
    ? {
        color: {
          field: "series",
          type: "nominal",
          sort: { field: "seriesOrder", op: "min" },
          scale: { range: palette.slice(0, Math.max(1, series.length)) },
          legend: { title: input.seriesTitle ?? null },
        } as const,
      }
    : {};
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
              mark: { type: "rule" as const, strokeDash: [4, 3], color: "#525252" },
              encoding: { x: { datum: input.reference, type: "quantitative" as const } },
            },
          ]),
      {
        transform: [{ filter: { field: "status", equal: CellStatus.shown } }],
        mark: { type: "rule" as const, strokeWidth: 2 },
        encoding: { y, ...yOffset, x: { ...x, field: "low" }, x2: { field: "high" }, ...color },
      },
      {
        transform: [{ filter: { field: "status", equal: CellStatus.shown } }],
        mark: { type: "point" as const, filled: true, size: 70, opacity: 1 },
        encoding: { y, ...yOffset, x, ...color, tooltip: { field: "tooltip", type: "nominal" as const } },
      },
      {
        transform: [{ filter: { not: { field: "status", equal: CellStatus.shown } } }],
        mark: { type: "text" as const, align: "left" as const, dx: 4, fontSize: 11, color: "#525252" },
        encoding: {
          y,
          ...yOffset,
          x: { datum: input.domain[0], type: "quantitative" as const, scale: { domain: input.domain } },
          text: { field: "statusText", type: "nominal" as const },
        },
      },
    ],
  };
  return {
    spec,
    table: {
      columns: [
        { field: "category", title: input.categoryTitle },
        ...(grouped ? [{ field: "series", title: input.seriesTitle ?? msg.columns.series }] : []),
        { field: "value", title: input.axisTitle },
        { field: "low", title: msg.columns.low },
        { field: "high", title: msg.columns.high },
        { field: "n", title: msg.columns.n },
        { field: "status", title: msg.columns.status },
      ],
      rows: table,
    },
  };
}

function isWholeScale([min, max]: [number, number]): boolean {
  return Number.isInteger(min) && Number.isInteger(max) && max - min >= 2 && max - min <= 10;
}

function range([min, max]: [number, number]): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
