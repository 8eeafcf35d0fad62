import type { Answer } from "@zaz/model";
import { isMissingKind } from "@zaz/model";
import type { ResponseScope, StoredResponse } from "../store.js";
import type { DuckDb } from "./connection.js";
import { Params, scopeCondition } from "./scope-filter.js";

export const defaultBatchSize = 2000;

export interface ResponseBatch {
  responses: StoredResponse[];
  /** the highest response id in the batch: the next batch starts after it */
  lastId: bigint;
}

/**
 * The next `limit` responses of a scope after response id `after`, with their context and
 * answers: three reads, each bounded to the batch's id range (the tables are stored in id order,
 * so DuckDB skips the rest by its min/max indexes). Memory stays bounded by the batch, whatever
 * the size of the scope.
 */
export async function readResponseBatch(
  db: DuckDb,
  scope: ResponseScope,
  after: bigint,
  limit: number = defaultBatchSize,
): Promise<ResponseBatch | undefined> {
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

  const byId = new Map<bigint, StoredResponse>();
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
    byId.set(BigInt(row.id as bigint), response);
    return response;
  });

  // The id range lets DuckDB skip row groups; the semi-join drops responses outside the scope
  // whose ids fall between the batch's (a narrow scope has many).
  const range = new Params();
  const rangeCondition = scopeCondition(scope, range);
  const low = range.add(after);
  const high = range.add(lastId);
  const inBatch = `response_id > ${low} AND response_id <= ${high} AND response_id IN (
    SELECT r.id FROM responses r WHERE ${rangeCondition} AND r.id > ${low} AND r.id <= ${high})`;
  for await (const [id, dimension, value] of db.stream(
    `SELECT response_id, dimension, value FROM response_context WHERE ${inBatch}`,
    range.values,
  )) {
    const response = byId.get(id as bigint);
    if (response !== undefined) response.context[String(dimension)] = String(value);
  }
  for await (const [id, item, code, text, missing] of db.stream(
    `SELECT response_id, item, code, text, missing FROM answers WHERE ${inBatch} ORDER BY response_id, seq`,
    range.values,
  )) {
    byId.get(id as bigint)?.answers.push(toAnswer(item, code, text, missing));
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
