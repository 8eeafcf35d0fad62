import type { FactsLayout } from "./facts-layout.js";
import { missingCodeSql } from "./missing-code.js";
import { quoteIdent, sqlNumber, sqlText } from "./sql-dialect.js";

/**
 * INSERT … SELECT that fills an analysis table from the long tables, for the responses with ids in
 * ($1, $2] of import $3: one pass over that range of answers and context, grouped by response.
 * Portable SQL (FILTER, VALUES, bit_or and << are in DuckDB and PostgreSQL alike).
 */
export function fillFactsSql(layout: FactsLayout): string {
  const contextColumns = layout.dimensions.map(
    (d) => `max(value) FILTER (WHERE dimension = ${sqlText(d.id)}) AS ${quoteIdent(d.column)}`,
  );
  const answerColumns = layout.items.flatMap((item) => {
    const isItem = `a.item = ${sqlText(item.id)}`;
    const missing = `max(${missingCodeSql("a.missing")}) FILTER (WHERE ${isItem})`;
    if (item.kind === "choice")
      return [`coalesce(min(m.idx) FILTER (WHERE ${isItem}), ${missing}) AS ${quoteIdent(item.column)}`];
    if (item.kind === "multiple")
      // any valid choice wins over a missing value, as in the analysis of single responses
      return [
        `CASE WHEN count(m.idx) FILTER (WHERE ${isItem}) > 0
          THEN bit_or(CAST(1 AS BIGINT) << m.idx) FILTER (WHERE ${isItem}) ELSE ${missing} END AS ${quoteIdent(item.column)}`,
      ];
    return [
      `min(a.code) FILTER (WHERE ${isItem} AND a.missing IS NULL) AS ${quoteIdent(item.column)}`,
      `${missing} AS ${quoteIdent(item.missingColumn)}`,
    ];
  });
  const labelRows = layout.items.flatMap((item) =>
    item.kind === "number"
      ? []
      : item.codes.map((code, idx) => `(${sqlText(item.id)}, ${sqlNumber(code)}, ${idx})`),
  );
  const columns = [
    "response_id",
    "import_id",
    ...layout.dimensions.map((d) => d.column),
    ...layout.items.flatMap((i) => (i.kind === "number" ? [i.column, i.missingColumn] : [i.column])),
  ].map(quoteIdent);
  const selected = [
    "r.id",
    "r.import_id",
    ...layout.dimensions.map((d) => `c.${quoteIdent(d.column)}`),
    ...layout.items.flatMap((i) =>
      i.kind === "number"
        ? [`a.${quoteIdent(i.column)}`, `a.${quoteIdent(i.missingColumn)}`]
        : [`a.${quoteIdent(i.column)}`],
    ),
  ];
  const inRange = (column: string) => `${column} > $1 AND ${column} <= $2`;
  const answers =
    answerColumns.length === 0
      ? ""
      : `LEFT JOIN (
  SELECT a.response_id, ${answerColumns.join(",\n    ")}
  FROM answers a
  ${
    labelRows.length === 0
      ? "LEFT JOIN (SELECT CAST(NULL AS VARCHAR) AS item, 0 AS code, 0 AS idx) m ON FALSE"
      : `LEFT JOIN (VALUES ${labelRows.join(", ")}) AS m(item, code, idx)
    ON m.item = a.item AND m.code = a.code AND a.missing IS NULL`
  }
  WHERE ${inRange("a.response_id")} AND a.item IN (${layout.items.map((i) => sqlText(i.id)).join(", ")})
  GROUP BY a.response_id
) a ON a.response_id = r.id`;
  return `INSERT INTO ${quoteIdent(layout.table)} (${columns.join(", ")})
SELECT ${selected.join(", ")}
FROM responses r
LEFT JOIN (
  SELECT response_id, ${contextColumns.join(",\n    ")}
  FROM response_context WHERE ${inRange("response_id")}
  GROUP BY response_id
) c ON c.response_id = r.id
${answers}
WHERE ${inRange("r.id")} AND r.import_id = $3`;
}
