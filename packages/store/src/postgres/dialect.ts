import { lateralUnpivot, type SqlDialect } from "../analysis/sql-dialect.js";

/**
 * PostgreSQL's side of the analysis SQL (analysis/sql-dialect.ts): no histogram aggregate, so
 * frequencies are counted over the lateral unpivot; the exact median as percentile_cont; distinct
 * lists as arrays, which the client reads as JavaScript arrays; texts ordered by their bytes.
 */
export const postgresDialect: SqlDialect = {
  double: "DOUBLE PRECISION",
  median: (expr) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr})`,
  unpivot: lateralUnpivot,
  // DuckDB compares text by its UTF-8 bytes; so does PostgreSQL's "C" collation, whatever the database's
  byteOrder: (expr) => `${expr} COLLATE "C"`,
  distinctList: (expr, filter) =>
    `array_agg(DISTINCT ${expr})${filter === undefined ? "" : ` FILTER (WHERE ${filter})`}`,
};
