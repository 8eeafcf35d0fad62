import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";

/** Reads one value with plain SQL: for checks a test makes beside the store. */
export type RawScalar = (sql: string) => Promise<unknown>;

/**
 * Opens the database at `target` beside the store — a DuckDB file (the store must be closed: one
 * process, one owner) or a PostgreSQL URL — and runs `work` with a reader of single values.
 */
export async function withRawDatabase<T>(
  target: string,
  work: (scalar: RawScalar) => Promise<T>,
): Promise<T> {
  if (/^postgres(ql)?:\/\//.test(target)) {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      return await work(async (sql) => {
        const r = await client.query({ text: sql, rowMode: "array" });
        return (r.rows[0] as unknown[] | undefined)?.[0];
      });
    } finally {
      await client.end();
    }
  }
  const instance = await DuckDBInstance.create(target);
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowsJS()[0]?.[0]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** `SELECT count(*) …` as a number, on either database (PostgreSQL gives bigint as a string). */
export async function rawCount(scalar: RawScalar, sql: string): Promise<number> {
  return Number(await scalar(sql));
}
