import { partnershipForms } from "@zaz/model";
import type { TopLevelSpec } from "vega-lite";
import { axisLabels, axisOrder } from "./axis-labels.js";
import { CellStatus, cellStateOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig } from "./chart-config.js";
import { formatNumber } from "./dutch-number.js";
import { firstSeen, inDomainOrder } from "./first-seen.js";
import { intervalLayers } from "./interval-layers.js";
import {
  intervalTooltip,
  profileAxisTitle,
  profileDescription,
  profileTexts,
  seriesStatusText,
  statusTexts,
  tableTitles,
} from "./messages.js";
import { okabeIto } from "./palette.js";
import { roundTo } from "./round-to.js";

export interface ProfileRow {
  /** partnership form id, e.g. "educatief" */
  form: string;
  formLabel: string;
  /** what is compared, e.g. "Groep 5" or "School" */
  series: string;
  mean: number | null;
  /** 95% confidence interval */
  low: number | null;
  high: number | null;
  n: number | null;
  suppressed?: boolean;
  reason?: string;
}

export interface PartnershipProfileInput {
  title?: string;
  description?: string;
  scaleMin: number;
  scaleMax: number;
  rows: ProfileRow[];
}

const plotWidth = 420;

/**
 * A groep's profile over the partnership forms against its school: per form one dot per series
 * (the mean) with a line for its 95% confidence interval.
 */
export function partnershipProfile(input: PartnershipProfileInput): Chart {
  if (!(input.scaleMax > input.scaleMin)) throw new RangeError("scaleMax must be greater than scaleMin");
  const forms = inDomainOrder(
    firstSeen(
      input.rows,
      (row) => row.form,
      (row) => row.formLabel,
    ),
    partnershipForms.map((form) => form.id),
  );
  const formLabels = axisLabels(forms, { lineLength: 24, maxLines: 2 });
  const formOrder = axisOrder(forms);
  const series = firstSeen(
    input.rows,
    (row) => row.series,
    (row) => row.series,
  ).map(([id]) => id);

  let suppressed = 0;
  let noData = 0;
  const data: Record<string, TableCell>[] = [];
  const tableRows: Record<string, TableCell>[] = [];
  const sorted = [...input.rows].sort(
    (a, b) =>
      formOrder.get(a.form)! - formOrder.get(b.form)! || series.indexOf(a.series) - series.indexOf(b.series),
  );
  for (const row of sorted) {
    const { status, shown, label } = cellStateOf(row.mean, row.suppressed, row.reason);
    if (status === CellStatus.suppressed) suppressed++;
    if (status === CellStatus.noData) noData++;
    const value = shown ? row.mean : null;
    const low = shown ? row.low : null;
    const high = shown ? row.high : null;
    const n = shown ? row.n : null;
    const statusText = status === CellStatus.suppressed ? statusTexts.suppressedLong : statusTexts.noData;
    const formLabel = forms[formOrder.get(row.form)!]![1];
    data.push({
      formLabel: formLabels.get(row.form)!,
      formOrder: formOrder.get(row.form)!,
      series: row.series,
      seriesOrder: series.indexOf(row.series),
      value,
      low,
      high,
      n,
      status,
      statusText: shown ? null : seriesStatusText(row.series, statusText),
      tooltip: intervalTooltip({
        category: formLabel,
        series: row.series,
        value: value === null ? null : formatNumber(value, 2),
        low: low === null ? null : formatNumber(low, 2),
        high: high === null ? null : formatNumber(high, 2),
        n,
        status: label,
      }),
    });
    tableRows.push({
      form: formLabel,
      series: row.series,
      mean: roundTo(value, 2),
      low: roundTo(low, 2),
      high: roundTo(high, 2),
      n,
      status: label,
    });
  }

  const columns: TableColumn[] = [
    { field: "form", title: profileTexts.form },
    { field: "series", title: profileTexts.series },
    { field: "mean", title: profileTexts.mean },
    { field: "low", title: profileTexts.low },
    { field: "high", title: profileTexts.high },
    { field: "n", title: tableTitles.n },
    { field: "status", title: tableTitles.status },
  ];

  const description =
    input.description ??
    profileDescription({
      forms: forms.length,
      series,
      scaleMin: input.scaleMin,
      scaleMax: input.scaleMax,
      suppressed,
      noData,
    });

  const color = {
    field: "series",
    type: "nominal" as const,
    sort: { field: "seriesOrder", op: "min" as const },
    scale: { range: okabeIto.slice(0, Math.max(1, series.length)) },
    legend: { title: null },
  };

  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: input.title ?? profileTexts.title,
    description,
    data: { values: data },
    config: chartConfig(),
    width: plotWidth,
    height: { step: Math.max(16, 12 * series.length) },
    layer: intervalLayers({
      x: {
        scale: { domain: [input.scaleMin, input.scaleMax] },
        axis: { title: profileAxisTitle(input.scaleMin, input.scaleMax), tickMinStep: 1 },
      },
      y: {
        field: "formLabel",
        type: "nominal",
        sort: { field: "formOrder", op: "min" },
        title: null,
        axis: { labelLimit: 0, labelPadding: 8 },
      } as const,
      yOffset: {
        field: "series",
        type: "nominal",
        sort: { field: "seriesOrder", op: "min" },
        scale: { paddingOuter: 0.5 },
      } as const,
      color,
      statusAt: input.scaleMin,
    }),
  };

  return { spec, table: { columns, rows: tableRows } };
}
