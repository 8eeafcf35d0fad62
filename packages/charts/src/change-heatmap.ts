import type { TopLevelSpec } from "vega-lite";
import { axisLabels, axisOrder } from "./axis-labels.js";
import { CellStatus, cellStatusOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig } from "./chart-config.js";
import { firstSeen } from "./first-seen.js";
import {
  changeTexts,
  changeTooltip,
  signedChange,
  statusLabel,
  statusTexts,
  tableTitles,
} from "./messages.js";
import { darkText, divergingRamp } from "./palette.js";
import { statusFillConditions } from "./status-encoding.js";
import { lightText, textColorEncoding } from "./text-color.js";

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
// Beyond this share of the saturation the cell is dark enough for white text.
const strongShare = 0.6;

/**
 * Heatmap row × construct of the change since the previous wave: blue up, orange down, grey where
 * a wave had too few respondents. Colour is a redundant cue: every cell also prints its number.
 * Rows and constructs keep the order in which they first appear.
 */
export function changeHeatmap(input: ChangeHeatmapInput): Chart {
  const rowsSeen = firstSeen(
    input.rows,
    (r) => r.row,
    (r) => r.rowLabel,
  );
  const rowOrder = axisOrder(rowsSeen);
  const rowLabels = axisLabels(rowsSeen);
  const constructs = firstSeen(
    input.rows,
    (r) => r.construct,
    (r) => r.constructLabel,
  );
  const constructOrder = axisOrder(constructs);
  const constructLabels = axisLabels(constructs, { lineLength: 12, maxLines: 3 });

  const data: Record<string, TableCell>[] = [];
  const tableRows: Record<string, TableCell>[] = [];
  for (const r of input.rows) {
    const status = cellStatusOf(r.change, r.suppressed);
    const shown = status === CellStatus.shown;
    const change = shown ? r.change! : null;
    const n = shown ? r.n : null;
    const label = statusLabel(
      status,
      status === CellStatus.suppressed ? (r.reason ?? statusTexts.suppressedLong) : null,
    );
    const strong = change !== null && Math.abs(change) > saturation * strongShare;
    data.push({
      rowLabel: rowLabels.get(r.row)!,
      rowOrder: rowOrder.get(r.row)!,
      constructLabel: constructLabels.get(r.construct)!,
      constructOrder: constructOrder.get(r.construct)!,
      change,
      status,
      cellText:
        change !== null
          ? signedChange(change)
          : status === CellStatus.suppressed
            ? statusTexts.suppressedShort
            : changeTexts.noDataCell,
      textColor: strong ? lightText : darkText,
      tooltip: changeTooltip(r.rowLabel, r.constructLabel, change, n, label),
    });
    tableRows.push({
      row: r.rowLabel,
      construct: r.constructLabel,
      previous: shown ? round2(r.previous) : null,
      current: shown ? round2(r.current) : null,
      change: round2(change),
      n,
      status: label,
    });
  }

  const columns: TableColumn[] = [
    { field: "row", title: input.rowTitle },
    { field: "construct", title: changeTexts.construct },
    { field: "previous", title: changeTexts.previous },
    { field: "current", title: changeTexts.current },
    { field: "change", title: changeTexts.change },
    { field: "n", title: tableTitles.n },
    { field: "status", title: tableTitles.status },
  ];

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
        // "show": keep rows whose change is null, so the status conditions can colour them.
        mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1, invalid: "show" },
        encoding: {
          x,
          y,
          color: {
            condition: statusFillConditions,
            field: "change",
            type: "quantitative",
            scale: { domain: [-saturation, 0, saturation], range: [...divergingRamp], clamp: true },
            legend: { title: changeTexts.legend, gradientLength: 160 },
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
          color: textColorEncoding,
          tooltip: { field: "tooltip", type: "nominal" },
        },
      },
    ],
  };

  return { spec, table: { columns, rows: tableRows } };
}

function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
