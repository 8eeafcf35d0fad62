import type { AnalysisTable } from "./analysis-table.js";
import type { Params } from "./params.js";
import { quoteIdent as q, type SqlDialect } from "./sql-dialect.js";
import { col, type ProjectionPlan, projectSelection, selectionCondition } from "./table-projection.js";
import type { Selection, ValueCount } from "./types.js";

/** Distinct combinations of dimension values, with their responses. */
export function valuesSql(
  plan: ProjectionPlan,
  selection: Selection,
  dimensions: readonly string[],
  dialect: SqlDialect,
  params: Params,
): string {
  const dims = dimensions.map((d) => `p.${q(col.dim(d))}`);
  return `SELECT ${dims.map((d) => `${d}, `).join("")}count(*) AS n
FROM (${projectSelection(plan, selection, { dims: dimensions }, dialect, params)}) p
${dims.length === 0 ? "" : `GROUP BY ${dims.join(", ")}`}`;
}

export function readValues(
  dimensions: readonly string[],
  rows: readonly Record<string, unknown>[],
): ValueCount[] {
  return rows
    .map((row) => ({
      values: Object.fromEntries(
        dimensions.map((d) => {
          const v = row[col.dim(d)];
          return [d, v === null || v === undefined ? "" : String(v)];
        }),
      ),
      responses: Number(row.n),
    }))
    .filter((v) => v.responses > 0);
}

/** Responses per instrument key in the selection. */
export function instrumentsInSql(
  tables: readonly AnalysisTable[],
  selection: Selection,
  params: Params,
): string {
  if (tables.length === 0) return "SELECT 0 AS key, 0 AS n WHERE FALSE";
  return tables
    .map(
      (t) =>
        `SELECT ${t.key} AS key, count(*) AS n FROM ${q(t.layout.table)} f WHERE ${selectionCondition(t, selection, params)}`,
    )
    .join("\nUNION ALL\n");
}
