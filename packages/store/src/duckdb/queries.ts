import type { Answer } from "@zaz/model";
import { isMissingKind } from "@zaz/model";
import { compareNatural } from "../natural-order.js";
import type { ContextFilter, ImportRecord, ResponseScope, StoredResponse } from "../store.js";
import type { DuckDb } from "./connection.js";
import { Params, scopeCondition } from "./scope-filter.js";

export async function listImports(db: DuckDb): Promise<ImportRecord[]> {
  const rows = await db.all(
    `SELECT id, file_name, instrument_id, instrument_version, profile, rows_read,
            strftime(imported_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS imported_at, responses, answers
     FROM imports ORDER BY imported_at, id`,
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

/**
 * Three streamed reads (responses, their context, their answers), each in response-id order, put
 * together by id; no row is fetched twice and no N+1 queries.
 */
export async function selectResponses(db: DuckDb, scope: ResponseScope): Promise<StoredResponse[]> {
  const params = new Params();
  const condition = scopeCondition(scope, params);
  const inScope = `SELECT r.id FROM responses r WHERE ${condition}`;
  const byId = new Map<number, StoredResponse>();
  const list: StoredResponse[] = [];
  for await (const [id, importId, instrumentId, key, row, submittedAt] of db.stream(
    `SELECT r.id, r.import_id, r.instrument_id, r.key, r.row, r.submitted_at FROM responses r
     WHERE ${condition} ORDER BY r.id`,
    params.values,
  )) {
    const response: StoredResponse = {
      importId: String(importId),
      instrumentId: String(instrumentId),
      key: String(key),
      row: Number(row),
      submittedAt: submittedAt === null ? null : String(submittedAt),
      context: {},
      answers: [],
    };
    byId.set(Number(id), response);
    list.push(response);
  }
  if (list.length === 0) return list;
  for await (const [id, dimension, value] of db.stream(
    `SELECT response_id, dimension, value FROM response_context WHERE response_id IN (${inScope})`,
    params.values,
  )) {
    const response = byId.get(Number(id));
    if (response !== undefined) response.context[String(dimension)] = String(value);
  }
  for await (const [id, item, code, text, missing] of db.stream(
    `SELECT response_id, item, code, text, missing FROM answers
     WHERE response_id IN (${inScope}) ORDER BY response_id, seq`,
    params.values,
  )) {
    byId.get(Number(id))?.answers.push(toAnswer(item, code, text, missing));
  }
  return list;
}

function toAnswer(item: unknown, code: unknown, text: unknown, missing: unknown): Answer {
  return {
    item: String(item),
    code: code === null ? null : Number(code),
    text: text === null ? null : String(text),
    missing: isMissingKind(missing) ? missing : null,
  };
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
