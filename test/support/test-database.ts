import { join } from "node:path";
import { createDatabaseAt } from "./postgres-cluster.js";

export type TestStoreKind = "duckdb" | "postgres";

/** Which store this test run is about: `ZAZ_TEST_STORE=postgres` (the vitest project "postgres"), else DuckDB. */
export function testStoreKind(): TestStoreKind {
  const kind = process.env.ZAZ_TEST_STORE;
  if (kind === undefined || kind === "" || kind === "duckdb") return "duckdb";
  if (kind === "postgres") return "postgres";
  throw new Error(`ZAZ_TEST_STORE=${kind}: verwacht duckdb of postgres`);
}

/** True on the PostgreSQL run: for `describe.skipIf(onPostgres)` on tests about DuckDB's own files. */
export const onPostgres = testStoreKind() === "postgres";

/**
 * A database for one test: a DuckDB file path in `dir`, or on the PostgreSQL run the URL of a fresh
 * database on the run's server (`ZAZ_TEST_PG_URL`, set by test/postgres-global-setup.ts). Both are what
 * `--db`, `ZAZ_DB` and `openStore` take.
 */
export async function newTestDatabase(dir: string, name = "zaz.duckdb"): Promise<string> {
  if (testStoreKind() === "duckdb") return join(dir, name);
  const server = process.env.ZAZ_TEST_PG_URL;
  if (server === undefined || server === "") {
    throw new Error(
      "ZAZ_TEST_STORE=postgres zonder ZAZ_TEST_PG_URL: draai de tests via vitest (project postgres)",
    );
  }
  return createDatabaseAt(server);
}
