import { type ChartTable, chartConfig, vegaLiteSchemaUrl } from "@zaz/charts";
import type { TopLevelSpec } from "vega-lite";
import type { Cell } from "../results-service.js";

export interface BarDatum {
  label: string;
  series?: string;
  cell: Cell;
}

/**
 * A plain bar chart over labelled cells, for the views that @zaz/charts has no builder for
 * yet: suppressed and empty cells stay in the data and are drawn as a labelled grey stub.
 */
export function barChart(input: {
  title: string;
  description: string;
  valueTitle: string;
  percent?: boolean;
  data: BarDatum[];
}): { spec: TopLevelSpec; table: ChartTable } {
  const values = input.data.map((datum) => ({
    label: datum.label,
    series: datum.series ?? "",
    value: datum.cell.status === "shown" ? datum.cell.value : null,
    n: datum.cell.status === "shown" ? datum.cell.n : null,
    status: datum.cell.status === "shown" ? null : datum.cell.label,
  }));
  const grouped = input.data.some((datum) => datum.series !== undefined);
  const spec: TopLevelSpec = {
    $schema: vegaLiteSchemaUrl,
    title: input.title,
    description: input.description,
    config: chartConfig(),
    data: { values },
    width: 560,
    layer: [
      {
        transform: [{ filter: { field: "value", valid: true } }],
        mark: { type: "bar" },
        encoding: {
          y: { field: "label", type: "nominal", title: null, sort: null },
          ...(grouped ? { yOffset: { field: "series", type: "nominal" } } : {}),
          x: {
            field: "value",
            type: "quantitative",
            title: input.valueTitle,
            ...(input.percent === true ? { axis: { format: ".0%" } } : {}),
          },
          ...(grouped ? { color: { field: "series", type: "nominal", title: null } } : {}),
          tooltip: [
            { field: "label", type: "nominal", title: " " },
            {
              field: "value",
              type: "quantitative",
              title: input.valueTitle,
              format: input.percent ? ".0%" : ".2f",
            },
            { field: "n", type: "quantitative", title: "n" },
          ],
        },
      },
      {
        transform: [{ filter: { field: "status", valid: true } }],
        mark: { type: "text", align: "left", dx: 4, color: "#525252" },
        encoding: {
          y: { field: "label", type: "nominal", sort: null },
          ...(grouped ? { yOffset: { field: "series", type: "nominal" } } : {}),
          x: { datum: 0, type: "quantitative" },
          text: { field: "status", type: "nominal" },
        },
      },
    ],
  };
  const table: ChartTable = {
    columns: [
      { field: "label", title: "Onderdeel" },
      ...(grouped ? [{ field: "series", title: "Reeks" }] : []),
      { field: "value", title: input.valueTitle },
      { field: "n", title: "n" },
      { field: "status", title: "Status" },
    ],
    rows: values.map(({ label, series, value, n, status }) => ({
      label,
      ...(grouped ? { series } : {}),
      value: value === null ? null : Math.round(value * 1000) / 1000,
      n,
      status,
    })),
  };
  return { spec, table };
}
