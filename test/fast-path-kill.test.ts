import { spawn } from "node:child_process";
import { copyFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { openDuckDbStore, researcherViewNames } from "@zaz/store";
import { describe, expect, it } from "vitest";
import { generateExport } from "../bench/measure.js";
import { repoRoot, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { onPostgres } from "./support/test-database.js";

/**
 * `zaz ingest` on the DuckDB fast path killed (SIGKILL) at several moments — while it reads the
 * file, between its committed steps, while it hashes — leaves the database as it was for zaz and
 * for a researcher's own DuckDB connection, and the next run imports the file.
 */
// DuckDB only: the fast path (DuckDB reading the CSV itself) exists only in the DuckDB store
describe.skipIf(onPostgres)("an interrupted fast-path ingest", () => {
  it("leaves the database as it was at every moment tried", async () => {
    const dir = tempDir();
    const seeded = join(dir, "seeded.duckdb");
    const big = join(dir, "groot.csv");
    generateExport(60_000, big, { quiet: true });
    const flags = [
      "--instrument",
      "ouderpopulatie",
      "--school",
      "Groot",
      "--wave",
      "2026-voorjaar",
      "--nieuwe-school",
    ];
    const seed = await zaz([
      "ingest",
      join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv"),
      "--instrument",
      "ouderpopulatie",
      "--school",
      "De Regenboog",
      "--wave",
      "2025-najaar",
      "--nieuwe-school",
      "--db",
      seeded,
    ]);
    expect(seed.code, seed.stderr).toBe(0);
    // the fast path is the one under test
    const probe = await zaz(["validate", big, ...flags.slice(0, 6), "--json"]);
    expect(JSON.parse(probe.stdout)).toMatchObject({ path: "duckdb" });

    // kill once the database (or its WAL) grew by so many bytes: early, in the middle, late
    for (const [i, growth] of [200_000, 4_000_000, 12_000_000].entries()) {
      const db = join(dir, `zaz-${i}.duckdb`);
      copyFileSync(seeded, db);
      copyFileSync(`${seeded}.key`, `${db}.key`);
      const before = await state(db);
      const researcherBefore = await researcherSees(db);
      const args = ["--conditions=zaz-source", "--import", "tsx", "apps/cli/src/bin.ts", "ingest", big];
      const child = spawn(process.execPath, [...args, ...flags, "--db", db], {
        cwd: repoRoot,
        stdio: "ignore",
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const size = () => [db, `${db}.wal`].reduce((a, f) => a + (existsSync(f) ? statSync(f).size : 0), 0);
      const start = size();
      const deadline = Date.now() + 60_000;
      let done = false;
      void exited.then(() => {
        done = true;
      });
      while (!done && size() < start + growth && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      // the import must still be running when it is killed, or this moment was not tried
      expect(done, `growth ${growth}`).toBe(false);
      child.kill("SIGKILL");
      await exited;

      expect(await researcherSees(db), `growth ${growth}`).toEqual(researcherBefore);
      expect(await state(db), `growth ${growth}`).toBe(before);
      const again = await zaz(["ingest", big, ...flags, "--db", db, "--json"]);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        status: "imported",
        responsesAdded: 60000,
        path: "duckdb",
      });
    }
  }, 300_000);
});

async function state(db: string): Promise<string> {
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

/** The documented views as plain DuckDB reads them: rows and a checksum each. */
async function researcherSees(file: string): Promise<Record<string, string>> {
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
