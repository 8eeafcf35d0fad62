/**
 * Issue 12: a `zaz ingest` into PostgreSQL killed with SIGKILL while its import is under way leaves
 * the database exactly as before — in what the store shows, in the researcher views and in the raw
 * tables — and the same file imports in full afterwards. PostgreSQL only: the DuckDB case is
 * test/kill.test.ts (and the store's own, packages/store/test/kill.test.ts).
 */
import { join } from "node:path";
import { openStore, researcherViewNames } from "@zaz/store";
import { describe, expect, it, onTestFinished } from "vitest";
import { generateExport } from "../bench/measure.js";
import { ingest, tempDir, voorbeeld } from "./run-zaz.js";
import { rawCount, withRawDatabase } from "./support/raw-database.js";
import { newTestDatabase, onPostgres } from "./support/test-database.js";
import { eventually, reportWhenSlow, spawnZaz, watchImports } from "./support/zaz-child.js";

const where = { instrument: "ouderpopulatie", bestuur: "Stichting Samen Leren", school: "De Regenboog" };

/** What the store shows, what a researcher's own SQL shows, and the raw tables. */
async function state(db: string) {
  const store = await openStore(db);
  try {
    const store_ = {
      imports: (await store.listImports()).map((r) => [r.id, r.responses, r.answers]),
      responses: await store.countResponses(),
      waves: await store.contextValues("ouderpopulatie", "wave"),
      dataVersion: await store.dataVersion(),
    };
    const raw = await withRawDatabase(db, async (sql) => {
      const counts: Record<string, number> = {};
      for (const view of researcherViewNames)
        counts[view] = await rawCount(sql, `SELECT count(*) FROM ${view}`);
      for (const table of ["imports", "responses", "answers", "response_context", "facts_1"])
        counts[table] = await rawCount(sql, `SELECT count(*) FROM ${table}`);
      return counts;
    });
    return { store: store_, raw };
  } finally {
    await store.close();
  }
}

describe.skipIf(!onPostgres)("a PostgreSQL import killed with SIGKILL", () => {
  it("leaves the database as before, holds no lock, and the file imports in full afterwards", async () => {
    const dir = tempDir("zaz-pg-kill-");
    const db = await newTestDatabase(dir);
    // it took 6–17 s, but twice in CI ran into its timeout without saying where
    onTestFinished(reportWhenSlow(db, 120_000, "postgres-kill"));
    await ingest(db, join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv"), {
      ...where,
      wave: "2025-najaar",
    });
    const big = join(dir, "groot.csv");
    const responses = 8_000;
    generateExport(responses, big, { quiet: true });
    const before = await state(db);
    const args = [
      "ingest",
      big,
      "--instrument",
      where.instrument,
      "--bestuur",
      where.bestuur,
      "--school",
      where.school,
      "--wave",
      "2026-voorjaar",
      "--db",
      db,
    ];

    const imports = await watchImports(db);
    const importer = spawnZaz(args);
    // killed while its transaction holds written rows
    expect(await eventually(() => imports.running(), 120_000)).toBe(true);
    importer.child.kill("SIGKILL");
    const killed = await importer.ended;
    expect(killed.signal).toBe("SIGKILL");

    // the server notices the lost client and rolls its transaction back
    expect(await eventually(async () => !(await imports.running()), 10_000)).toBe(true);
    await imports.close();
    expect(await state(db)).toEqual(before);

    // nothing of it blocks the next import: the same file, in full
    const again = await ingest(db, big, { ...where, wave: "2026-voorjaar" });
    expect(again.code).toBe(0);
    const after = await state(db);
    expect(after.store.responses).toBe(before.store.responses + responses);
    expect(after.store.waves).toEqual(["2025-najaar", "2026-voorjaar"]);
    expect(after.raw.onderzoek_responses).toBe((before.raw.onderzoek_responses ?? 0) + responses);
  }, 240_000);
});
