import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { openDuckDbStore, researcherViewNames } from "@zaz/store";
import { describe, expect, it } from "vitest";
import { generateExport } from "../bench/measure.js";
import { repoRoot, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { onPostgres } from "./support/test-database.js";

/** `zaz ingest` killed half-way (SIGKILL, no chance to clean up) leaves the database as before. */
// DuckDB only: what a researcher's own DuckDB connection sees in the file while zaz cleans up; the
// PostgreSQL case (one transaction, killed by SIGKILL) is test/postgres-kill.test.ts
describe.skipIf(onPostgres)("an interrupted ingest", () => {
  it("leaves the database as it was, and the next run succeeds", async () => {
    const dir = tempDir();
    const db = join(dir, "zaz.duckdb");
    const big = join(dir, "groot.csv");
    generateExport(40_000, big, { quiet: true });

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
      db,
    ]);
    expect(seed.code, seed.stderr).toBe(0);
    const state = async () => {
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
    };
    const before = await state();
    const researcherBefore = await researcherSees(db);

    const args = ["--conditions=zaz-source", "--import", "tsx", "apps/cli/src/bin.ts", "ingest", big];
    const flags = [
      "--instrument",
      "ouderpopulatie",
      "--school",
      "Groot",
      "--wave",
      "2026-voorjaar",
      // registers "Groot" with the import: the killed import must not leave it registered
      "--nieuwe-school",
      "--db",
      db,
    ];
    const child = spawn(process.execPath, [...args, ...flags], { cwd: repoRoot, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Kill once the import has visibly started writing (the database or its WAL grows).
    const size = () => [db, `${db}.wal`].reduce((a, f) => a + (existsSync(f) ? statSync(f).size : 0), 0);
    const start = size();
    const deadline = Date.now() + 60_000;
    while (size() < start + 2_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(size()).toBeGreaterThan(start);
    child.kill("SIGKILL");
    await exited;

    // a researcher opening the file directly, before any zaz command cleans up, sees it as it was
    expect(await researcherSees(db)).toEqual(researcherBefore);

    expect(await state()).toBe(before);
    const again = await zaz(["ingest", big, ...flags, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: "imported", responsesAdded: 40000 });
  }, 180_000);
});

/** The documented views (README, "The database") as plain DuckDB reads them: rows and a checksum each. */
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
