import type { TopLevelSpec } from "vega-lite";

/** One column of a chart's data table: the field in the rows and its Dutch column title. */
export interface TableColumn {
  field: string;
  title: string;
}

export type TableCell = string | number | null;

/**
 * The numbers behind a chart, for a "toon tabel" view and CSV export. Suppressed cells are in
 * it with empty values and a status, so the table tells the same story as the chart.
 */
export interface ChartTable {
  columns: TableColumn[];
  rows: Record<string, TableCell>[];
}

/** What every builder returns: the Vega-Lite spec and the table a reader can inspect instead. */
export interface Chart {
  spec: TopLevelSpec;
  table: ChartTable;
}

export const vegaLiteSchemaUrl = "https://vega.github.io/schema/vega-lite/v6.json";
