import type { DuckDBAppender } from "@duckdb/node-api";
import type { Answer } from "@zaz/model";

/**
 * Row writers for DuckDB's Appender, one per table, in the tables' column order (migrations.ts).
 * The Appender buffers rows and hands them to the connection's open transaction in chunks: no
 * per-row round trip and no awaiting.
 */

export function appendResponse(
  appender: DuckDBAppender,
  id: bigint,
  importId: string,
  instrumentId: string,
  key: string,
  row: number,
  submittedAt: string | null,
): void {
  appender.appendBigInt(id);
  appender.appendVarchar(importId);
  appender.appendVarchar(instrumentId);
  appender.appendVarchar(key);
  appender.appendInteger(row);
  appendNullableVarchar(appender, submittedAt);
  // content_hash: filled per chunk from the stored answers (content-hash.ts)
  appender.appendNull();
  appender.endRow();
}

export function appendContext(appender: DuckDBAppender, id: bigint, dimension: string, value: string): void {
  appender.appendBigInt(id);
  appender.appendVarchar(dimension);
  appender.appendVarchar(value);
  appender.endRow();
}

export function appendAnswer(appender: DuckDBAppender, id: bigint, seq: number, answer: Answer): void {
  appender.appendBigInt(id);
  appender.appendInteger(seq);
  appender.appendVarchar(answer.item);
  if (answer.code === null) appender.appendNull();
  else appender.appendDouble(answer.code);
  appendNullableVarchar(appender, answer.text);
  appendNullableVarchar(appender, answer.missing);
  appender.endRow();
}

function appendNullableVarchar(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

/** Drops rows not yet handed over, then closes; used when an import fails half-way. */
export function discardAppender(appender: DuckDBAppender): void {
  try {
    appender.clear();
    appender.closeSync();
  } catch {
    // The transaction is rolled back anyway; a failing close must not hide the original error.
  }
}
