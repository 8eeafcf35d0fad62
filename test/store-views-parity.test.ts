import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadOrCreateKey, pseudonymKeyPath } from "@zaz/store";
import type { View } from "@zaz/views";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportJson, tempDir, zaz } from "./run-zaz.js";
import { createDatabaseAt } from "./support/postgres-cluster.js";
import { onPostgres } from "./support/test-database.js";

/**
 * The same example data loaded into a DuckDB file and into a PostgreSQL database, with one pseudonym
 * key, give the same views, number for number: the analysis SQL runs on both (issue 12). Runs on the
 * PostgreSQL run, which has a server.
 */

const cases = [
  ["report", "klassen", "--school", "De Regenboog", "--wave", "2026-voorjaar"],
  ["report", "groep", "--school", "De Regenboog", "--wave", "2026-voorjaar", "--groep", "3"],
  ["report", "groep", "--school", "Het Palet", "--wave", "2025-najaar", "--groep", "5"],
  ["report", "scholen", "--bestuur", "Stichting Samen Leren"],
  ["report", "leerlijn", "--opleiding", "Pabo HvA", "--fase", "afstudeerfase"],
];

/** Everything of a view but when it was made. */
function numbers(view: View) {
  const { generatedAt: _, ...rest } = view;
  return rest;
}

describe.skipIf(!onPostgres)("DuckDB and PostgreSQL give the same views", () => {
  const stores: string[] = [];

  beforeAll(async () => {
    const duckdb = join(tempDir("zaz-parity-"), "zaz.duckdb");
    const server = process.env.ZAZ_TEST_PG_URL;
    if (server === undefined) throw new Error("ZAZ_TEST_PG_URL is not set");
    const postgres = await createDatabaseAt(server);
    // one key for both, so the pseudonyms (and the groups of respondents) are the same: the
    // database's (perhaps the run's ZAZ_KEY_FILE, shared by other tests: read, never written)
    const key = await loadOrCreateKey(postgres);
    mkdirSync(dirname(pseudonymKeyPath(duckdb)), { recursive: true });
    writeFileSync(pseudonymKeyPath(duckdb), key, { mode: 0o600 });
    for (const db of [duckdb, postgres]) {
      const r = await zaz(["voorbeeld", "--db", db]);
      if (r.code !== 0) throw new Error(`zaz voorbeeld --db ${db}: ${r.stderr}`);
      stores.push(db);
    }
    // statistics, as autovacuum gathers them on a server in use: with them the planner chose plans
    // (a Memoize over the unpivot) that failed on the wide observation instrument
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    await client.query("ANALYZE");
    await client.end();
  }, 180_000);

  afterAll(() => {
    // the key file of this test's database in the user's configuration folder, unless the run names one
    const shared = process.env.ZAZ_KEY_FILE;
    if (stores[1] !== undefined && (shared === undefined || shared === ""))
      rmSync(pseudonymKeyPath(stores[1]), { force: true });
  });

  it("stores every response with the same content hash (DuckDB's fast path, PostgreSQL's COPY)", async () => {
    const [duckdb, postgres] = stores as [string, string];
    const sql = "SELECT import_id || '/' || key AS k, content_hash AS h FROM responses";
    const byKey = (rows: readonly Record<string, unknown>[]) =>
      rows.map((r) => `${String(r.k)} ${String(r.h)}`).sort();
    const instance = await DuckDBInstance.create(duckdb, { access_mode: "READ_ONLY" });
    const connection = await instance.connect();
    const fromDuckDb = byKey((await connection.runAndReadAll(sql)).getRowObjectsJS());
    connection.closeSync();
    instance.closeSync();
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    const fromPostgres = byKey((await client.query(sql)).rows);
    await client.end();
    expect(fromDuckDb.length).toBeGreaterThan(1000);
    expect(fromPostgres).toEqual(fromDuckDb);
  });

  for (const args of cases) {
    it(`${args.slice(1).join(" ")}`, async () => {
      const [duckdb, postgres] = stores as [string, string];
      const fromDuckDb = await reportJson(duckdb, [...args, "--vers"]);
      const fromPostgres = await reportJson(postgres, [...args, "--vers"]);
      expect(JSON.stringify(fromDuckDb).length).toBeGreaterThan(1000);
      expect(numbers(fromPostgres)).toEqual(numbers(fromDuckDb));
    });
  }
});
