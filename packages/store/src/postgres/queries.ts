import type { Answer } from "@zaz/model";
import { isMissingKind } from "@zaz/model";
import { Params, scopeCondition } from "../duckdb/scope-filter.js";
import { compareNatural } from "../natural-order.js";
import type { ContextFilter, ImportRecord, ResponseScope, StoredResponse } from "../store.js";
import type { Sql } from "./connection.js";

export async function listImportsPg(db: Sql): Promise<ImportRecord[]> {
  const rows = await db.all(
    `SELECT id, file_name, instrument_id, instrument_version, profile, rows_read,
            to_char(imported_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS imported_at, responses, answers
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

export async function countResponsesPg(db: Sql, scope?: Partial<ResponseScope>): Promise<number> {
  const params = new Params();
  return Number(
    await db.scalar(`SELECT count(*) FROM responses r WHERE ${scopeCondition(scope, params)}`, params.values),
  );
}

export async function contextValuesPg(
  db: Sql,
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

export interface ResponseBatchPg {
  responses: StoredResponse[];
  lastId: bigint;
}

/**
 * The next `limit` responses of a scope after response id `after`, with their context and answers
 * (as duckdb/read-responses.ts): three indexed reads, memory bounded by the batch.
 */
export async function readResponseBatchPg(
  db: Sql,
  scope: ResponseScope,
  after: bigint,
  limit: number,
): Promise<ResponseBatchPg | undefined> {
  const params = new Params();
  const condition = scopeCondition(scope, params);
  const from = params.add(after);
  const heads = await db.all(
    `SELECT r.id, r.import_id, r.instrument_id, r.key, r.row, r.submitted_at FROM responses r
     WHERE ${condition} AND r.id > ${from} ORDER BY r.id LIMIT ${params.add(limit)}`,
    params.values,
  );
  const last = heads.at(-1);
  if (last === undefined) return undefined;
  const lastId = BigInt(last.id as bigint);
  const ids: string[] = [];
  const byId = new Map<string, StoredResponse>();
  const responses = heads.map((row) => {
    const response: StoredResponse = {
      importId: String(row.import_id),
      instrumentId: String(row.instrument_id),
      key: String(row.key),
      row: Number(row.row),
      submittedAt: row.submitted_at === null ? null : String(row.submitted_at),
      context: {},
      answers: [],
    };
    ids.push(String(row.id));
    byId.set(String(row.id), response);
    return response;
  });
  // the batch's ids as one array parameter: an index lookup per id, whatever lies between them
  const batch = [`{${ids.join(",")}}`];
  for (const row of await db.all(
    "SELECT response_id, dimension, value FROM response_context WHERE response_id = ANY(CAST($1 AS BIGINT[]))",
    batch,
  )) {
    const response = byId.get(String(row.response_id));
    if (response !== undefined) response.context[String(row.dimension)] = String(row.value);
  }
  for (const row of await db.all(
    `SELECT response_id, item, code, text, missing FROM answers
     WHERE response_id = ANY(CAST($1 AS BIGINT[])) ORDER BY response_id, seq`,
    batch,
  )) {
    byId.get(String(row.response_id))?.answers.push(toAnswer(row.item, row.code, row.text, row.missing));
  }
  return { responses, lastId };
}

function toAnswer(item: unknown, code: unknown, text: unknown, missing: unknown): Answer {
  return {
    item: String(item),
    code: code === null ? null : Number(code),
    text: text === null ? null : String(text),
    missing: isMissingKind(missing) ? missing : null,
  };
}
