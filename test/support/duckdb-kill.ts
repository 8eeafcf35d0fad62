import { existsSync, statSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { openDuckDbStore, researcherViewNames } from "@zaz/store";
import { spawnZaz } from "./zaz-child.js";

/**
 * What the kill tests (test/kill.test.ts, test/fast-path-kill.test.ts) compare before and after a
 * `zaz ingest` into a DuckDB file is killed with SIGKILL.
 */

/** What zaz shows of the database: its imports, its number of responses and its registry, as one text. */
export async function storeState(db: string): Promise<string> {
  const store = await openDuckDbStore(db);
  try {
    return JSON.stringify({
      imports: await store.listImports(),
      n: await store.countResponses(),
      registry: await store.registry.list(),
    });
  } finally {
    await store.close();
  }
}

/**
 * The documented views (README, "The database") as a researcher's own DuckDB connection reads
 * them, before any zaz command could clean up: rows and a checksum each.
 */
export async function researcherSees(file: string): Promise<Record<string, string>> {
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  try {
    const connection = await instance.connect();
    try {
      const seen: Record<string, string> = {};
      for (const view of researcherViewNames) {
        const reader = await connection.runAndReadAll(
          `SELECT count(*) || ' ' || coalesce(sum(hash(v))::VARCHAR, '') FROM ${view} v`,
        );
        seen[view] = String(reader.getRowsJS()[0]?.[0]);
      }
      return seen;
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * `zaz ARGS` (writing into `db`), killed with SIGKILL once the database file and its WAL grew by
 * `growth` bytes, or after `withinMs`. Whether it was still running when killed: if not, the moment
 * was not tried.
 */
export async function killWhenGrown(
  db: string,
  args: readonly string[],
  growth: number,
  withinMs = 60_000,
): Promise<boolean> {
  const size = () => [db, `${db}.wal`].reduce((a, f) => a + (existsSync(f) ? statSync(f).size : 0), 0);
  const start = size();
  const { child, ended } = spawnZaz(args);
  let running = true;
  void ended.then(() => {
    running = false;
  });
  const deadline = Date.now() + withinMs;
  while (running && size() < start + growth && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const killed = running && child.kill("SIGKILL");
  await ended;
  return killed;
}
