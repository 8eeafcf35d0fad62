import {
  CellStatus,
  type Chart,
  cellStatusOf,
  chartConfig,
  type TableCell,
  vegaLiteSchemaUrl,
  wrapLabel,
} from "@zaz/charts";
import type { TopLevelSpec } from "vega-lite";
import { resultMessages as msg } from "./messages.js";

export interface ChangeRow {
  /** what a row is: a groep code or a school id */
  row: string;
  rowLabel: string;
  construct: string;
  constructLabel: string;
  /** current − previous mean; null when not shown */
  change: number | null;
  previous: number | null;
  current: number | null;
  /** respondents in the current wave behind the change */
  n: number | null;
  suppressed: boolean;
  reason?: string;
}

export interface ChangeHeatmapInput {
  title: string;
  description: string;
  /** column title of the row field in the table ("Groep", "School") */
  rowTitle: string;
  rows: ChangeRow[];
}

// A change of a whole scale point is large for a class; the colour saturates there.
const saturation = 1;
const diverging = ["#b35806", "#f7f7f7", "#2166ac"];

/**
 * Heatmap row × construct of the change since the previous wave: blue up, orange down, grey where
 * a wave had too few respondents. Colour is a redundant cue: every cell also prints its number.
 */
export function changeHeatmap(input: ChangeHeatmapInput): Chart {
  const rowOrder = new Map<string, number>();
  const constructOrder = new Map<string, number>();
  for (const r of input.rows) {
    if (!rowOrder.has(r.row)) rowOrder.set(r.row, rowOrder.size);
    if (!constructOrder.has(r.construct)) constructOrder.set(r.construct, constructOrder.size);
  }
  const data: Record<string, TableCell>[] = [];
  const table: Record<string, TableCell>[] = [];
  for (const r of input.rows) {
    const status = cellStatusOf(r.change, r.suppressed);
    const shown = status === CellStatus.shown;
    const statusText =
      status === CellStatus.suppressed
        ? msg.suppressed(r.reason ?? "te weinig respondenten")
        : status === CellStatus.noData
          ? msg.noValue
          : null;
    const strong = shown && Math.abs(r.change!) > saturation * 0.6;
    data.push({
      rowLabel: r.rowLabel,
      rowOrder: rowOrder.get(r.row)!,
      constructLabel: wrapLabel(r.constructLabel, 12, 3),
      constructOrder: constructOrder.get(r.construct)!,
      change: shown ? r.change : null,
      status,
      cellText: shown ? msg.signed(r.change!) : status === CellStatus.suppressed ? "te weinig" : "–",
      textColor: strong ? "#ffffff" : "#1a1a1a",
      tooltip: `${r.rowLabel} · ${r.constructLabel}: ${shown ? `${msg.signed(r.change!)} (${msg.nText(r.n ?? 0)})` : statusText}`,
    });
    table.push({
      row: r.rowLabel,
      construct: r.constructLabel,
      previous: shown && r.previous !== null ? round2(r.previous) : null,
      current: shown && r.current !== null ? round2(r.current) : null,
      change: shown ? round2(r.change!) : null,
      n: shown ? r.n : null,
      status: statusText,
    });
  }
  const x = {
    field: "constructLabel",
    type: "nominal",
    sort: { field: "constructOrder", op: "min" },
    title: null,
    axis: { labelAngle: 0, labelLimit: 0, labelFontSize: 10, domain: false, ticks: false },
  } as const;
  const y = {
    field: "rowLabel",
    type: "nominal",
    sort: { field: "rowOrder", op: "min" },
    title: null,
    axis: { domain: false, ticks: false, labelLimit: 0 },
  } as const;
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: input.title,
    description: input.description,
    data: { values: data },
    config: chartConfig(),
    width: { step: 78 },
    height: { step: 34 },
    layer: [
      {
        mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1, invalid: "show" },
        encoding: {
          x,
          y,
          color: {
            condition: [
              { test: { field: "status", equal: CellStatus.suppressed }, value: "#bdbdbd" },
              { test: { field: "status", equal: CellStatus.noData }, value: "#ffffff" },
            ],
            field: "change",
            type: "quantitative",
            scale: { domain: [-saturation, 0, saturation], range: diverging, clamp: true },
            legend: { title: msg.changeLegend, gradientLength: 160 },
          },
          tooltip: { field: "tooltip", type: "nominal" },
        },
      },
      {
        mark: { type: "text", fontSize: 11 },
        encoding: {
          x,
          y,
          text: { field: "cellText", type: "nominal" },
          color: {
            condition: { test: { field: "textColor", equal: "#ffffff" }, value: "#ffffff" },
            value: "#1a1a1a",
          },
          tooltip: { field: "tooltip", type: "nominal" },
        },
      },
    ],
  };
  const c = msg.changeColumns;
  return {
    spec,
    table: {
      columns: [
        { field: "row", title: input.rowTitle },
        { field: "construct", title: c.construct },
        { field: "previous", title: c.previous },
        { field: "current", title: c.current },
        { field: "change", title: c.change },
        { field: "n", title: msg.columns.n },
        { field: "status", title: msg.columns.status },
      ],
      rows: table,
    },
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
