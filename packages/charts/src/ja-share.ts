import type { TopLevelSpec } from "vega-lite";
import { axisLabels, axisOrder } from "./axis-labels.js";
import { CellStatus, cellStateOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig } from "./chart-config.js";
import { formatPercent } from "./dutch-number.js";
import { firstSeen, inDomainOrder } from "./first-seen.js";
import { intervalLayers } from "./interval-layers.js";
import {
  faseLabels,
  intervalTooltip,
  jaShareDescription,
  jaShareTexts,
  seriesStatusText,
  statusTexts,
  tableTitles,
} from "./messages.js";
import { okabeIto } from "./palette.js";
import { roundTo } from "./round-to.js";

export interface JaShareRow {
  /** observation item id */
  item: string;
  itemText: string;
  /** section of the observation form, e.g. "3.3" with its label "Kennismakingsgesprek" */
  section: string;
  sectionLabel: string;
  /** study phase id, e.g. "hoofdfase" or "afstudeerfase" */
  fase: string;
  /** share of JA among the JA/NEE scores, 0–1 */
  share: number | null;
  /** Wilson 95% interval */
  low: number | null;
  high: number | null;
  n: number | null;
  suppressed?: boolean;
  reason?: string;
}

export interface JaShareInput {
  title?: string;
  description?: string;
  rows: JaShareRow[];
}

const phaseOrder: readonly string[] = ["propedeuse", "hoofdfase", "afstudeerfase"];

/**
 * Share of JA per observation item, per study phase, with Wilson intervals; one panel per
 * section of the observation form. Shares of a group, never of one student teacher: the forms
 * are for development, not assessment.
 */
export function jaShare(input: JaShareInput): Chart {
  const sections = firstSeen(
    input.rows,
    (row) => row.section,
    (row) => row.sectionLabel,
  );
  const items = firstSeen(
    input.rows,
    (row) => row.item,
    (row) => row.itemText,
  );
  const itemLabels = axisLabels(items, { lineLength: 40, maxLines: 2 });
  const itemOrder = axisOrder(items);
  const fasen = inDomainOrder(
    firstSeen(
      input.rows,
      (row) => row.fase,
      (row) => faseLabels[row.fase] ?? row.fase,
    ),
    phaseOrder,
  );
  const faseOrder = axisOrder(fasen);
  const faseLabelOf = new Map(fasen);

  let suppressed = 0;
  let noData = 0;
  const data: Record<string, TableCell>[] = [];
  const tableRows: Record<string, TableCell>[] = [];
  for (const row of input.rows) {
    if (row.share !== null && !row.suppressed && (row.share < 0 || row.share > 1)) {
      throw new RangeError(`share of ${row.item} must be a fraction between 0 and 1, got ${row.share}`);
    }
    const { status, shown, label } = cellStateOf(row.share, row.suppressed, row.reason);
    if (status === CellStatus.suppressed) suppressed++;
    if (status === CellStatus.noData) noData++;
    const share = shown ? row.share : null;
    const low = shown ? row.low : null;
    const high = shown ? row.high : null;
    const n = shown ? row.n : null;
    const faseLabel = faseLabelOf.get(row.fase)!;
    data.push({
      section: row.section,
      itemLabel: itemLabels.get(row.item)!,
      itemOrder: itemOrder.get(row.item)!,
      faseLabel,
      faseOrder: faseOrder.get(row.fase)!,
      value: share,
      low,
      high,
      n,
      status,
      statusText: shown
        ? null
        : seriesStatusText(
            faseLabel,
            status === CellStatus.suppressed ? statusTexts.suppressedLong : statusTexts.noData,
          ),
      tooltip: intervalTooltip({
        category: row.itemText,
        series: faseLabel,
        value: share === null ? null : formatPercent(share),
        low: low === null ? null : formatPercent(low),
        high: high === null ? null : formatPercent(high),
        n,
        status: label,
      }),
    });
    tableRows.push({
      section: row.sectionLabel,
      item: row.itemText,
      fase: faseLabel,
      share: roundTo(share, 3),
      low: roundTo(low, 3),
      high: roundTo(high, 3),
      n,
      status: label,
    });
  }

  const columns: TableColumn[] = [
    { field: "section", title: jaShareTexts.section },
    { field: "item", title: jaShareTexts.item },
    { field: "fase", title: jaShareTexts.fase },
    { field: "share", title: jaShareTexts.share },
    { field: "low", title: jaShareTexts.low },
    { field: "high", title: jaShareTexts.high },
    { field: "n", title: tableTitles.n },
    { field: "status", title: tableTitles.status },
  ];

  const description =
    input.description ??
    jaShareDescription({
      items: items.length,
      sections: sections.length,
      fasen: fasen.map(([, label]) => label),
      suppressed,
      noData,
    });

  const color = {
    field: "faseLabel",
    type: "nominal" as const,
    sort: { field: "faseOrder", op: "min" as const },
    scale: { range: okabeIto.slice(0, Math.max(1, fasen.length)) },
    legend: { title: jaShareTexts.fase },
  };

  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: input.title ?? jaShareTexts.title,
    description,
    data: { values: data },
    config: chartConfig(),
    resolve: { scale: { y: "independent", color: "shared" } },
    spacing: 20,
    vconcat: sections.map(([section, sectionLabel], index) => ({
      title: { text: sectionLabel, fontSize: 13, anchor: "start" as const },
      transform: [{ filter: { field: "section", equal: section } }],
      width: 360,
      height: { step: Math.max(16, 11 * fasen.length) },
      layer: intervalLayers({
        x: {
          scale: { domain: [0, 1] },
          axis: {
            format: ".0%",
            values: [0, 0.25, 0.5, 0.75, 1],
            // Only the last panel names the axis; the others share it.
            title: index === sections.length - 1 ? jaShareTexts.axis : null,
          },
        },
        y: {
          field: "itemLabel",
          type: "nominal",
          sort: { field: "itemOrder", op: "min" },
          title: null,
          axis: { labelLimit: 0, labelPadding: 8 },
        } as const,
        yOffset: {
          field: "faseLabel",
          type: "nominal",
          sort: { field: "faseOrder", op: "min" },
          scale: { paddingOuter: 0.5 },
        } as const,
        color,
        statusAt: 0,
      }),
    })),
  };

  return { spec, table: { columns, rows: tableRows } };
}
