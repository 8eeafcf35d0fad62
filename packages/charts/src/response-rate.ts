import type { TopLevelSpec } from "vega-lite";
import { CellStatus, cellStatusOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig } from "./chart-config.js";
import {
  emptyCellSubtitle,
  responseRateDescription,
  responseRateLabel,
  responseRateTexts,
  statusLabel,
  statusTexts,
  tableTitles,
} from "./messages.js";
import { darkText, noDataStroke, okabeIto } from "./palette.js";
import { statusFillConditions, statusIs } from "./status-encoding.js";
import { uniqueLabels } from "./unique-labels.js";

export interface ResponseRateRow {
  groep: string;
  groepLabel: string;
  /** questionnaires filled in */
  responses: number | null;
  /** families (households) asked */
  families: number | null;
  /** responses / families, a fraction 0–1 */
  rate: number | null;
  suppressed?: boolean;
  reason?: string;
}

export interface ResponseRateInput {
  title?: string;
  description?: string;
  rows: ResponseRateRow[];
}

const trackFill = "#f0f0f0";
const barColor = okabeIto[0]!;

/** Response rate per groep: a bar from 0 to 100% on a light track, labelled "34 van 52 (65%)". */
export function responseRate(input: ResponseRateInput): Chart {
  const labels = uniqueLabels(input.rows.map((row) => row.groepLabel));
  let suppressed = 0;
  let noData = 0;
  let responses = 0;
  let families = 0;
  let lowest: { groep: string; rate: number } | null = null;
  const data: Record<string, TableCell>[] = [];
  const tableRows: Record<string, TableCell>[] = [];

  input.rows.forEach((row, order) => {
    if (row.rate !== null && !row.suppressed && (row.rate < 0 || row.rate > 1)) {
      throw new RangeError(`rate of ${row.groep} must be a fraction between 0 and 1, got ${row.rate}`);
    }
    const complete = row.rate !== null && row.responses !== null && row.families !== null;
    const status = cellStatusOf(complete ? row.rate : null, row.suppressed);
    const shown = status === CellStatus.shown;
    if (status === CellStatus.suppressed) suppressed++;
    if (status === CellStatus.noData) noData++;
    const reason = status === CellStatus.suppressed ? (row.reason ?? null) : null;
    const rate = shown ? row.rate! : null;
    if (shown) {
      // Totals only over shown groepen: a total that includes a suppressed groep would reveal it.
      responses += row.responses!;
      families += row.families!;
      if (lowest === null || rate! < lowest.rate) lowest = { groep: row.groepLabel, rate: rate! };
    }
    data.push({
      groepLabel: labels[order]!,
      order,
      responses: shown ? row.responses : null,
      families: shown ? row.families : null,
      rate,
      status,
      label: shown
        ? responseRateLabel(row.responses!, row.families!, rate!)
        : status === CellStatus.suppressed
          ? statusTexts.suppressedLong
          : statusTexts.noData,
    });
    tableRows.push({
      groep: row.groepLabel,
      responses: shown ? row.responses : null,
      families: shown ? row.families : null,
      rate: rate === null ? null : Math.round(rate * 1000) / 10,
      status: statusLabel(status, reason),
    });
  });

  const columns: TableColumn[] = [
    { field: "groep", title: responseRateTexts.groep },
    { field: "responses", title: responseRateTexts.responses },
    { field: "families", title: responseRateTexts.families },
    { field: "rate", title: responseRateTexts.rate },
    { field: "status", title: tableTitles.status },
  ];

  const description =
    input.description ??
    responseRateDescription({ groepen: input.rows.length, responses, families, lowest, suppressed, noData });

  const y = {
    field: "groepLabel",
    type: "nominal" as const,
    sort: { field: "order", op: "min" as const },
    title: null,
    axis: { labelLimit: 0, domain: false, ticks: false },
  };
  const xScale = { domain: [0, 1] };

  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: {
      text: input.title ?? responseRateTexts.title,
      ...emptyCellSubtitle(suppressed, noData),
    },
    description,
    data: { values: data },
    config: chartConfig(),
    width: 400,
    height: { step: 26 },
    layer: [
      {
        // The track, 0–100%: light for shown groepen, grey or white (dashed) for the others.
        mark: { type: "bar", stroke: null },
        encoding: {
          y,
          x: {
            datum: 0,
            type: "quantitative",
            scale: xScale,
            axis: { title: responseRateTexts.axis, format: ".0%", values: [0, 0.25, 0.5, 0.75, 1] },
          },
          x2: { datum: 1 },
          color: { condition: statusFillConditions, value: trackFill },
        },
      },
      {
        transform: [{ filter: statusIs(CellStatus.noData) }],
        mark: { type: "bar", fill: null, stroke: noDataStroke, strokeDash: [4, 3] },
        encoding: { y, x: { datum: 0, type: "quantitative" }, x2: { datum: 1 } },
      },
      {
        transform: [{ filter: statusIs(CellStatus.shown) }],
        mark: { type: "bar", color: barColor },
        encoding: {
          y,
          x: { field: "rate", type: "quantitative", scale: xScale },
          tooltip: { field: "label", type: "nominal" },
        },
      },
      {
        // Labels right of the track, so they never sit on the bar.
        mark: { type: "text", align: "left", dx: 6, color: darkText },
        encoding: { y, x: { datum: 1, type: "quantitative" }, text: { field: "label", type: "nominal" } },
      },
    ],
  };

  return { spec, table: { columns, rows: tableRows } };
}
