import { type DuckDb, dropTempTable } from "./connection.js";

/**
 * The fast path's work tables (csv-import.ts): temp tables of this connection, holding converted
 * values, pseudonyms, response keys or raw item fields, never a raw identifier.
 */
export const tables = {
  cells: "zaz_csv_cells",
  codedCells: "zaz_csv_coded_cells",
  counts: "zaz_csv_counts",
  contexts: "zaz_csv_contexts",
  contextRows: "zaz_csv_context_rows",
  factDims: "zaz_csv_fact_dims",
  cellTexts: "zaz_csv_cell_texts",
  warned: "zaz_csv_warned",
  stage: "zaz_csv_stage",
} as const;

/** the fast path's temp types (csv-stage.ts's contextLookup) */
export const types = {
  context: "zaz_csv_context",
  before: "zaz_csv_key_before",
  after: "zaz_csv_key_after",
} as const;

/** an appender on a temp table */
export function appender(db: DuckDb, table: string) {
  return db.connection.createAppender(table, null, "temp");
}

export async function dropTables(db: DuckDb): Promise<void> {
  for (const t of Object.values(tables)) await dropTempTable(db, t);
  for (const t of Object.values(types)) await db.run(`DROP TYPE IF EXISTS ${t}`).catch(() => undefined);
}

/** a query's rows as arrays */
export async function rowsOf(db: DuckDb, sql: string): Promise<unknown[][]> {
  const reader = await db.connection.runAndReadAll(sql);
  return reader.getRowsJS() as unknown[][];
}
