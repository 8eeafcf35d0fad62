import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { testStoreKind } from "./test-database.js";

/**
 * Whether `text` can still be read anywhere in the database at `target`. DuckDB: in the bytes of the
 * file and its WAL (the store must be closed). PostgreSQL: in any row of any table of the database, as
 * SQL sees it — its files are the server's, and what VACUUM leaves in free pages is not readable by SQL.
 */
export async function databaseHolds(target: string, text: string): Promise<boolean> {
  if (testStoreKind() === "duckdb") {
    const needle = Buffer.from(text, "utf8");
    for (const file of [target, `${target}.wal`]) {
      if (existsSync(file) && (await readFile(file)).includes(needle)) return true;
    }
    return false;
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const { name } of tables.rows) {
      const hit = await client.query(`SELECT 1 FROM ${name} t WHERE strpos(t::text, $1) > 0 LIMIT 1`, [text]);
      if (hit.rowCount !== null && hit.rowCount > 0) return true;
    }
    return false;
  } finally {
    await client.end();
  }
}
