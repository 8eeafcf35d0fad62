/**
 * What differs between the SQL databases behind the Store, for the analysis queries. Everything
 * else in src/analysis is plain SQL that DuckDB and PostgreSQL both run.
 */
export interface SqlDialect {
  /** the type of a double-precision column */
  readonly double: string;
  /** exact median of `expr` over the group (the mean of the two middle values for an even count) */
  median(expr: string): string;
  /**
   * An aggregate counting each non-null value of `expr` in the group, as a map from value to count,
   * where the database has one; without it, frequencies are counted over an unpivot.
   */
  readonly histogram?: (expr: string) => string;
  /**
   * Count maps per statement. Every map is an aggregate state per group and thread, and DuckDB holds
   * them all in memory: 200 maps in one statement outgrow its 64 MB limit even on a small database.
   */
  readonly mapsPerStatement?: number;
  /**
   * `expr` (text) as an ORDER BY key in byte order, where the database would sort by a language's
   * rules (a PostgreSQL database's collation); which texts come first must not depend on the server
   */
  readonly byteOrder?: (expr: string) => string;
  /** the distinct non-null values of `expr` in the group as a list, where `filter` holds */
  distinctList(expr: string, filter?: string): string;
  /**
   * A query turning each row of `source` (alias p) into one row per tuple of `rows`: columns `keep`
   * (expressions on p, with their names) and then `names`, each tuple giving their expressions.
   */
  unpivot(
    source: string,
    keep: readonly string[],
    names: readonly string[],
    rows: readonly (readonly string[])[],
  ): string;
}

/** Portable: a lateral join with VALUES (PostgreSQL; DuckDB copies every input column per tuple). */
export function lateralUnpivot(
  source: string,
  keep: readonly string[],
  names: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  return `SELECT ${[...keep.map((k) => `p.${k}`), ...names.map((n) => `u.${n}`)].join(", ")}
FROM (${source}) p
CROSS JOIN LATERAL (VALUES ${rows.map((r) => `(${r.join(", ")})`).join(",\n  ")}) AS u(${names.join(", ")})`;
}

export const duckDbDialect: SqlDialect = {
  double: "DOUBLE",
  histogram: (expr) => `histogram(${expr})`,
  mapsPerStatement: 32,
  median: (expr) => `median(${expr})`,
  // unnest of lists built per row: only the listed values travel, not the whole wide row per tuple
  unpivot: (source, keep, names, rows) =>
    `SELECT ${[
      ...keep.map((k) => `p.${k}`),
      ...names.map((n, i) => `unnest([${rows.map((r) => r[i]).join(", ")}]) AS ${n}`),
    ].join(", ")}
FROM (${source}) p`,
  distinctList: (expr, filter) =>
    `list(DISTINCT ${expr})${filter === undefined ? "" : ` FILTER (WHERE ${filter})`}`,
};

/** A string literal; only for identifiers and codes that come from a validated instrument. */
export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A number literal as SQL writes it (instrument codes are finite numbers). */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

/** DuckDB without its own aggregates: the SQL a PostgreSQL store runs, for testing that path. */
export const portableDuckDbDialect: SqlDialect = {
  double: duckDbDialect.double,
  median: duckDbDialect.median,
  unpivot: lateralUnpivot,
  distinctList: duckDbDialect.distinctList,
};
