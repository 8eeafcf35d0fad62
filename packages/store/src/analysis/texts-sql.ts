import type { Params } from "./params.js";
import { quoteIdent as q, type SqlDialect, sqlText } from "./sql-dialect.js";
import { col, type ProjectionPlan, projectSelection } from "./table-projection.js";
import type { GroupTexts, Selection, TextRequest } from "./types.js";

/**
 * Free-text answers of the given groups, from the answers table: only where the response was asked
 * the item, non-empty, at most `limit` per group and item (alphabetically first), with their total.
 */
export function textsSql(
  plan: ProjectionPlan,
  selection: Selection,
  request: TextRequest,
  dialect: SqlDialect,
  params: Params,
): string {
  const needs = { dims: request.by, texts: request.items, responseId: true };
  const dims = request.by.map((d) => `p.${q(col.dim(d))}`);
  const asked = `CASE a.item ${request.items.map((i) => `WHEN ${sqlText(i)} THEN p.${q(col.asked(i))}`).join(" ")} ELSE FALSE END`;
  const groups =
    request.by.length === 0
      ? "TRUE"
      : request.groups
          .map(
            (group) =>
              `(${request.by
                .map((d) => {
                  const value = group[d] ?? "";
                  return value === ""
                    ? `p.${q(col.dim(d))} IS NULL`
                    : `p.${q(col.dim(d))} = ${params.add(value)}`;
                })
                .join(" AND ")})`,
          )
          .join(" OR ") || "FALSE";
  const partition = [...dims, "a.item"].join(", ");
  const items = request.items.map(sqlText).join(", ") || "NULL";
  const limit = params.add(request.limit);
  return `SELECT * FROM (
  SELECT ${dims.map((d, i) => `${d} AS ${q(col.dim(request.by[i]!))}, `).join("")}a.item, trim(a.text) AS text,
    count(*) OVER (PARTITION BY ${partition}) AS total,
    row_number() OVER (PARTITION BY ${partition} ORDER BY ${dialect.byteOrder?.("trim(a.text)") ?? "trim(a.text)"}) AS rn
  FROM (${projectSelection(plan, selection, needs, dialect, params)}) p
  JOIN answers a ON a.response_id = p.rid
  WHERE a.item IN (${items}) AND a.text IS NOT NULL AND trim(a.text) <> '' AND (${asked}) AND (${groups})
) t WHERE rn <= ${limit}`;
}

const collator = new Intl.Collator("nl");

export function readTexts(request: TextRequest, rows: readonly Record<string, unknown>[]): GroupTexts[] {
  const found = new Map<
    string,
    { key: Record<string, string>; item: string; texts: string[]; total: number }
  >();
  for (const row of rows) {
    const key: Record<string, string> = {};
    for (const d of request.by) {
      const v = row[col.dim(d)];
      key[d] = v === null || v === undefined ? "" : String(v);
    }
    const item = String(row.item);
    const id = `${JSON.stringify(key)}\u0000${item}`;
    const entry = found.get(id) ?? { key, item, texts: [], total: Number(row.total) };
    entry.texts.push(String(row.text));
    found.set(id, entry);
  }
  // In Dutch order, so the order links a text neither to a time nor to another item's text.
  return [...found.values()].map((e) => ({ ...e, texts: e.texts.sort(collator.compare) }));
}
