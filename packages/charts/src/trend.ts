import type { TopLevelSpec } from "vega-lite";
import { axisLabels } from "./axis-labels.js";
import { CellStatus, cellStateOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig } from "./chart-config.js";
import { formatNumber } from "./dutch-number.js";
import { firstSeen } from "./first-seen.js";
import {
  intervalTooltip,
  statusTexts,
  tableTitles,
  trendAxisTitle,
  trendDescription,
  trendTexts,
} from "./messages.js";
import { okabeIto } from "./palette.js";
import { roundTo } from "./round-to.js";
import { statusIs } from "./status-encoding.js";

export interface TrendRow {
  /** the wave as users name it, e.g. "najaar 2023"; rows come in wave order */
  wave: string;
  construct: string;
  constructLabel: string;
  mean: number | null;
  /** 95% confidence interval */
  low: number | null;
  high: number | null;
  n: number | null;
  suppressed?: boolean;
  reason?: string;
}

export interface TrendInput {
  title?: string;
  description?: string;
  scaleMin: number;
  scaleMax: number;
  rows: TrendRow[];
}

/**
 * The mean of each construct over the waves: a line per construct (its colour) inside a band
 * for the 95% confidence interval. A wave without a shown value breaks the line rather than
 * bridging it, and gets a marker at the bottom saying why.
 */
export function trend(input: TrendInput): Chart {
  if (!(input.scaleMax > input.scaleMin)) throw new RangeError("scaleMax must be greater than scaleMin");
  const waves = firstSeen(
    input.rows,
    (row) => row.wave,
    (row) => row.wave,
  ).map(([wave]) => wave);
  const constructs = firstSeen(
    input.rows,
    (row) => row.construct,
    (row) => row.constructLabel,
  );
  const constructLabels = axisLabels(constructs);

  let suppressed = 0;
  let noData = 0;
  const data: Record<string, TableCell>[] = [];
  const tableRows: Record<string, TableCell>[] = [];
  const changes: { construct: string; from: number; to: number }[] = [];

  constructs.forEach(([construct, rawLabel], constructOrder) => {
    const rows = new Map(
      input.rows.filter((row) => row.construct === construct).map((row) => [row.wave, row]),
    );
    // A new segment starts after every gap, so a line never bridges a suppressed wave.
    let segment = 0;
    let previousShown = false;
    const shownMeans: number[] = [];
    waves.forEach((wave, waveOrder) => {
      const row = rows.get(wave);
      const { status, shown, label } = cellStateOf(row?.mean, row?.suppressed, row?.reason);
      if (shown && !previousShown) segment++;
      previousShown = shown;
      if (status === CellStatus.suppressed) suppressed++;
      if (status === CellStatus.noData && row !== undefined) noData++;
      // A wave a construct was never measured in is not drawn at all; only rows that exist are.
      if (row === undefined) return;
      const mean = shown ? row.mean : null;
      const low = shown ? row.low : null;
      const high = shown ? row.high : null;
      const n = shown ? row.n : null;
      if (mean !== null) shownMeans.push(mean);
      data.push({
        wave,
        waveOrder,
        constructLabel: constructLabels.get(construct)!,
        constructOrder,
        segment: `${constructOrder}-${segment}`,
        mean,
        low,
        high,
        n,
        status,
        statusText: shown
          ? null
          : status === CellStatus.suppressed
            ? statusTexts.suppressedLong
            : statusTexts.noData,
        tooltip: intervalTooltip({
          category: rawLabel,
          series: wave,
          value: mean === null ? null : formatNumber(mean, 2),
          low: low === null ? null : formatNumber(low, 2),
          high: high === null ? null : formatNumber(high, 2),
          n,
          status: label,
        }),
      });
      tableRows.push({
        wave,
        construct: rawLabel,
        mean: roundTo(mean, 2),
        low: roundTo(low, 2),
        high: roundTo(high, 2),
        n,
        status: label,
      });
    });
    if (shownMeans.length >= 2) {
      changes.push({ construct: rawLabel, from: shownMeans[0]!, to: shownMeans[shownMeans.length - 1]! });
    }
  });

  const columns: TableColumn[] = [
    { field: "wave", title: trendTexts.wave },
    { field: "construct", title: trendTexts.construct },
    { field: "mean", title: trendTexts.mean },
    { field: "low", title: trendTexts.low },
    { field: "high", title: trendTexts.high },
    { field: "n", title: tableTitles.n },
    { field: "status", title: tableTitles.status },
  ];

  const description =
    input.description ??
    trendDescription({ waves, constructs: constructs.length, changes, suppressed, noData });

  const x = {
    field: "wave",
    type: "ordinal" as const,
    sort: { field: "waveOrder", op: "min" as const },
    title: null,
    axis: { labelAngle: 0, labelLimit: 0 },
    scale: { padding: 0.4 },
  };
  const color = {
    field: "constructLabel",
    type: "nominal" as const,
    sort: { field: "constructOrder", op: "min" as const },
    scale: { range: [...okabeIto] },
    legend: { title: null, orient: "top" as const, columns: 3, symbolOpacity: 1, symbolType: "circle" },
  };
  const shown = statusIs(CellStatus.shown);
  const y = {
    field: "mean",
    type: "quantitative" as const,
    scale: { domain: [input.scaleMin, input.scaleMax] },
    axis: { title: trendAxisTitle(input.scaleMin, input.scaleMax), tickMinStep: 0.5 },
  };

  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: input.title ?? trendTexts.title,
    description,
    data: { values: data },
    config: chartConfig(),
    width: 520,
    height: 260,
    layer: [
      {
        transform: [
          { filter: { and: [shown, { field: "low", valid: true }, { field: "high", valid: true }] } },
        ],
        mark: { type: "area", opacity: 0.15 },
        encoding: {
          x,
          y: { field: "low", type: "quantitative", scale: y.scale, axis: y.axis },
          y2: { field: "high" },
          color,
          detail: { field: "segment", type: "nominal" },
        },
      },
      {
        transform: [{ filter: shown }],
        mark: { type: "line", strokeWidth: 2 },
        encoding: { x, y, color, detail: { field: "segment", type: "nominal" } },
      },
      {
        transform: [{ filter: shown }],
        mark: { type: "point", filled: true, size: 50, opacity: 1 },
        encoding: { x, y, color, tooltip: { field: "tooltip", type: "nominal" } },
      },
      {
        // Waves without a value: a marker on the bottom edge, shaped by why nothing is shown.
        transform: [{ filter: { not: shown } }],
        mark: { type: "point", size: 80, strokeWidth: 2, opacity: 1 },
        encoding: {
          x,
          y: { datum: input.scaleMin, type: "quantitative" },
          color,
          shape: {
            field: "statusText",
            type: "nominal",
            scale: { domain: [statusTexts.suppressedLong, statusTexts.noData], range: ["cross", "circle"] },
            legend: { title: trendTexts.notShown },
          },
          tooltip: { field: "tooltip", type: "nominal" },
        },
      },
    ],
  };

  return { spec, table: { columns, rows: tableRows } };
}
