import type { TopLevelSpec } from "vega-lite";
import { axisLabels, axisOrder } from "./axis-labels.js";
import { CellStatus, cellStateOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig } from "./chart-config.js";
import { firstSeen } from "./first-seen.js";
import { heatmapLayers } from "./heatmap-layers.js";
import { changeTexts, changeTooltip, signedChange, statusTexts, tableTitles } from "./messages.js";
import { darkText, divergingHex, divergingRamp } from "./palette.js";
import { roundTo } from "./round-to.js";
import { textColorOn } from "./text-color.js";

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
    const { status, shown, label } = cellStateOf(
      r.change,
      r.suppressed,
      r.reason,
      statusTexts.suppressedLong,
    );
    const change = shown ? r.change! : null;
    const n = shown ? r.n : null;
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
      // The colour the scale gives this cell (clamped at the saturation), and the text that reads on it.
      textColor: change === null ? darkText : textColorOn(divergingHex(change / saturation)),
      tooltip: changeTooltip(r.rowLabel, r.constructLabel, change, n, label),
    });
    tableRows.push({
      row: r.rowLabel,
      construct: r.constructLabel,
      previous: shown ? roundTo(r.previous, 2) : null,
      current: shown ? roundTo(r.current, 2) : null,
      change: roundTo(change, 2),
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
    layer: heatmapLayers({
      x,
      y,
      color: {
        field: "change",
        type: "quantitative" as const,
        scale: {
          domain: [-saturation, 0, saturation],
          range: [...divergingRamp],
          interpolate: "rgb" as const,
          clamp: true,
        },
        legend: { title: changeTexts.legend, gradientLength: 160 },
      },
    }),
  };

  return { spec, table: { columns, rows: tableRows } };
}
