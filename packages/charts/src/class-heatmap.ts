import { conceptIds, type Framework } from "@zaz/model";
import type { TopLevelSpec } from "vega-lite";
import { axisLabels } from "./axis-labels.js";
import { CellStatus, cellStatusOf } from "./cell-status.js";
import { type Chart, type TableCell, type TableColumn, vegaLiteSchemaUrl } from "./chart.js";
import { chartConfig, pageWidth } from "./chart-config.js";
import { firstSeen, inDomainOrder } from "./first-seen.js";
import { heatmapLayers } from "./heatmap-layers.js";
import {
  emptyCellSubtitle,
  frameworkLabels,
  heatmapDescription,
  heatmapTexts,
  heatmapTooltip,
  meanCellText,
  meanLegendTitle,
  statusLabel,
  statusTexts,
  tableTitles,
} from "./messages.js";
import { darkText, interpolateHex, sequentialRamp } from "./palette.js";
import { roundTo } from "./round-to.js";
import { textColorOn } from "./text-color.js";

export interface HeatmapRow {
  groep: string;
  groepLabel: string;
  construct: string;
  constructLabel: string;
  framework: Framework;
  mean: number | null;
  n: number | null;
  suppressed: boolean;
  reason?: string;
}

export interface ClassHeatmapInput {
  title?: string;
  description?: string;
  /** the response scale's range, the colour scale's domain */
  scaleMin: number;
  scaleMax: number;
  rows: HeatmapRow[];
}

interface Extreme {
  groep: string;
  construct: string;
  mean: number;
}

const frameworkOrder: readonly Framework[] = ["bakker", "partnerschap"];

/**
 * Heatmap groep × construct, the constructs grouped by framework (Bakker conditions, partnership
 * forms) under a header each. Colour and text give the mean with n; a combination without a row
 * is drawn as "no data", so the grid is always complete.
 */
export function classHeatmap(input: ClassHeatmapInput): Chart {
  if (!(input.scaleMax > input.scaleMin)) throw new RangeError("scaleMax must be greater than scaleMin");
  const groepen = firstSeen(
    input.rows,
    (row) => row.groep,
    (row) => row.groepLabel,
  );
  const groepLabels = axisLabels(groepen);
  const constructs = frameworkOrder.flatMap((framework) =>
    inDomainOrder(
      firstSeen(
        input.rows.filter((row) => row.framework === framework),
        (row) => row.construct,
        (row) => row.constructLabel,
      ),
      conceptIds.get(framework) ?? [],
    ).map(([id, label]) => ({ id, label, framework })),
  );
  const constructLabels = axisLabels(
    constructs.map((c) => [c.id, c.label] as const),
    { lineLength: 12, maxLines: 3 },
  );
  const byCell = new Map(input.rows.map((row) => [`${row.groep}\u0000${row.construct}`, row] as const));

  const data: Record<string, TableCell>[] = [];
  const tableRows: Record<string, TableCell>[] = [];
  let suppressed = 0;
  let noData = 0;
  // Assigned inside callbacks, so TypeScript must not narrow them to null.
  let highest = null as Extreme | null;
  let lowest = null as Extreme | null;

  groepen.forEach(([groep, rawGroepLabel], groepOrder) => {
    constructs.forEach((construct, constructOrder) => {
      const row = byCell.get(`${groep}\u0000${construct.id}`);
      const status = cellStatusOf(row?.mean, row?.suppressed);
      const shown = status === CellStatus.shown;
      const mean = shown ? row!.mean! : null;
      const n = shown ? (row!.n ?? null) : null;
      const reason = status === CellStatus.suppressed ? (row?.reason ?? null) : null;
      const t = mean === null ? 0 : (mean - input.scaleMin) / (input.scaleMax - input.scaleMin);
      data.push({
        groep,
        groepLabel: groepLabels.get(groep)!,
        construct: construct.id,
        constructLabel: constructLabels.get(construct.id)!,
        framework: construct.framework,
        frameworkLabel: frameworkLabels[construct.framework],
        groepOrder,
        constructOrder,
        frameworkOrder: frameworkOrder.indexOf(construct.framework),
        mean,
        n,
        status,
        cellText:
          mean !== null
            ? meanCellText(mean, n)
            : status === CellStatus.suppressed
              ? statusTexts.suppressedShort
              : statusTexts.noData,
        textColor: mean === null ? darkText : textColorOn(interpolateHex(...sequentialRamp, t)),
        reason,
        tooltip: heatmapTooltip(rawGroepLabel, construct.label, mean, n, statusLabel(status, reason)),
      });
      tableRows.push({
        groep: rawGroepLabel,
        construct: construct.label,
        framework: frameworkLabels[construct.framework],
        mean: roundTo(mean, 2),
        n,
        status: statusLabel(status, reason),
      });
      if (status === CellStatus.suppressed) suppressed++;
      if (status === CellStatus.noData) noData++;
      if (mean !== null) {
        const cell = { groep: rawGroepLabel, construct: construct.label, mean };
        if (highest === null || mean > highest.mean) highest = cell;
        if (lowest === null || mean < lowest.mean) lowest = cell;
      }
    });
  });

  const columns: TableColumn[] = [
    { field: "groep", title: heatmapTexts.groep },
    { field: "construct", title: heatmapTexts.construct },
    { field: "framework", title: heatmapTexts.framework },
    { field: "mean", title: heatmapTexts.mean },
    { field: "n", title: tableTitles.n },
    { field: "status", title: tableTitles.status },
  ];

  const description =
    input.description ??
    heatmapDescription({
      groepen: groepen.length,
      constructs: constructs.length,
      scaleMin: input.scaleMin,
      scaleMax: input.scaleMax,
      highest,
      lowest,
      suppressed,
      noData,
    });

  // Cells share the page width; narrower than 48 px the "3,4 / n = 12" text no longer fits.
  const frameworksShown = new Set(constructs.map((c) => c.framework)).size;
  const step = Math.max(
    48,
    Math.min(80, Math.floor((pageWidth - 120 - 16 * frameworksShown) / Math.max(1, constructs.length))),
  );
  const x = {
    field: "constructLabel",
    type: "nominal",
    sort: { field: "constructOrder", op: "min" },
    title: null,
    axis: { labelAngle: 0, labelLimit: 0, labelFontSize: 11, domain: false, ticks: false },
  } as const;
  const y = {
    field: "groepLabel",
    type: "nominal",
    sort: { field: "groepOrder", op: "min" },
    title: null,
    axis: { domain: false, ticks: false, labelLimit: 0 },
  } as const;

  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: { text: input.title ?? heatmapTexts.title, ...emptyCellSubtitle(suppressed, noData) },
    description,
    data: { values: data },
    config: chartConfig(),
    resolve: { scale: { y: "shared" } },
    spacing: 16,
    hconcat: frameworkOrder
      .filter((framework) => constructs.some((c) => c.framework === framework))
      .map((framework, index) => ({
        title: { text: frameworkLabels[framework], fontSize: 13, anchor: "start" as const, offset: 6 },
        transform: [{ filter: { field: "framework", equal: framework } }],
        width: { step },
        height: { step: 40 },
        layer: heatmapLayers({
          x,
          // One y axis, at the left of the first panel.
          y: index === 0 ? y : { ...y, axis: null },
          color: {
            field: "mean",
            type: "quantitative" as const,
            scale: {
              domain: [input.scaleMin, input.scaleMax],
              range: [...sequentialRamp],
              interpolate: "rgb" as const,
            },
            legend: { title: meanLegendTitle(input.scaleMin, input.scaleMax), gradientLength: 200 },
          },
        }),
      })),
  };

  return { spec, table: { columns, rows: tableRows } };
}
