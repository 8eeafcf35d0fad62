import { compareNatural } from "../natural-order.js";
import type { ContextFilter, ImportRecord, ResponseScope } from "../store.js";
import type { DuckDb } from "./connection.js";
import { Params, scopeCondition } from "./scope-filter.js";

export async function listImports(db: DuckDb): Promise<ImportRecord[]> {
  const rows = await db.all(
    `SELECT id, file_name, instrument_id, instrument_version, profile, rows_read,
            strftime(imported_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS imported_at, responses, answers
     FROM imports WHERE NOT pending ORDER BY seq`,
  );
  const contexts = new Map<string, Record<string, string>>();
  for (const row of await db.all("SELECT import_id, dimension, value FROM import_context")) {
    const id = String(row.import_id);
    const context = contexts.get(id) ?? {};
    context[String(row.dimension)] = String(row.value);
    contexts.set(id, context);
  }
  return rows.map((row) => ({
    id: String(row.id),
    fileName: String(row.file_name),
    instrumentId: String(row.instrument_id),
    instrumentVersion: String(row.instrument_version),
    profile: String(row.profile),
    context: contexts.get(String(row.id)) ?? {},
    rowsRead: Number(row.rows_read),
    importedAt: String(row.imported_at),
    responses: Number(row.responses),
    answers: Number(row.answers),
  }));
}

export async function countResponses(db: DuckDb, scope?: Partial<ResponseScope>): Promise<number> {
  const params = new Params();
  const sql = `SELECT count(*) FROM responses r WHERE ${scopeCondition(scope, params)}`;
  return Number(await db.scalar(sql, params.values));
}

export async function contextValues(
  db: DuckDb,
  instrumentId: string,
  dimension: string,
  where?: ContextFilter,
): Promise<string[]> {
  const params = new Params();
  const inScope = `SELECT r.id FROM responses r WHERE ${scopeCondition({ instrumentId, where }, params)}`;
  const rows = await db.all(
    `SELECT DISTINCT value FROM response_context
     WHERE dimension = ${params.add(dimension)} AND response_id IN (${inScope})`,
    params.values,
  );
  return rows.map((row) => String(row.value)).sort(compareNatural);
}
