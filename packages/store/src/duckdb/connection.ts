import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";

import type { SqlValue } from "../analysis/params.js";

export type { SqlValue };
export type SqlRow = Record<string, unknown>;

/**
 * DuckDB keeps its buffer pool filled up to memory_limit, and RSS follows it almost one to one
 * (measured on a 1M-response import: 64MB → 301 MB peak RSS, 128MB → 355 MB). The store's work is
 * scanning and appending, which spill gracefully, so a small pool is the default.
 */
export const defaultMemoryLimit = "64MB";

export interface DuckDbOptions {
  /** DuckDB's memory_limit, e.g. "256MB"; default 64MB */
  memoryLimit?: string;
  /** worker threads; DuckDB's default is one per core */
  threads?: number;
}

/** One open DuckDB database and the single connection the store uses for it. */
export class DuckDb {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, options: DuckDbOptions = {}): Promise<DuckDb> {
    const config: Record<string, string> = {
      memory_limit: options.memoryLimit ?? defaultMemoryLimit,
      // row groups are merged only by a checkpoint that asks for it (checkpoint.ts's vacuum)
      max_vacuum_tasks: "0",
    };
    if (options.threads !== undefined) config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(path, config);
    try {
      return new DuckDb(path, instance, await instance.connect());
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await this.connection.run(sql, toDuckDbValues(params));
    return Number(result.rowsChanged);
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    const reader = await this.connection.runAndReadAll(sql, toDuckDbValues(params));
    return reader.getRowObjectsJS() as SqlRow[];
  }

  /** Rows in chunks as DuckDB produces them, so a large result is never held twice. */
  async *stream(sql: string, params: readonly SqlValue[] = []): AsyncGenerator<unknown[]> {
    const result = await this.connection.stream(sql, toDuckDbValues(params));
    for await (const rows of result.yieldRowsJs()) yield* rows;
  }

  async scalar(sql: string, params: readonly SqlValue[] = []): Promise<unknown> {
    const rows = await this.connection.runAndReadAll(sql, toDuckDbValues(params));
    return rows.getRowsJS()[0]?.[0];
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.run("BEGIN TRANSACTION");
    let result: T;
    try {
      result = await work();
    } catch (error) {
      // A failed statement can leave the transaction aborted; ROLLBACK then still ends it, and
      // the original error is the one worth reporting.
      await this.run("ROLLBACK").catch(() => undefined);
      throw error;
    }
    await this.run("COMMIT");
    return result;
  }

  /** Runs `work` with a DuckDB setting changed, and puts the previous value back afterwards. */
  async withSetting<T>(name: string, value: string, work: () => Promise<T>): Promise<T> {
    const previous = String(await this.scalar(`SELECT current_setting(${sqlString(name)})`));
    await this.run(`SET ${sqlIdentifier(name)} = ${sqlString(value)}`);
    try {
      return await work();
    } finally {
      await this.run(`SET ${sqlIdentifier(name)} = ${sqlString(previous)}`);
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function toDuckDbValues(params: readonly SqlValue[]): DuckDBValue[] {
  return [...params];
}

/** Drops a work table; after a failed statement the transaction may refuse, and rollback drops it anyway. */
export async function dropTempTable(db: DuckDb, name: string): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS ${sqlIdentifier(name)}`).catch(() => undefined);
}

/** A string literal for the few statements that take no parameters (ATTACH). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
