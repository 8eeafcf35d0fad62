import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateExport } from "../bench/measure.js";
import { ingest, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { killWhenGrown, researcherSees, storeState } from "./support/duckdb-kill.js";
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
    await ingest(db, join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv"), {
      instrument: "ouderpopulatie",
      school: "De Regenboog",
      wave: "2025-najaar",
    });
    const before = await storeState(db);
    const researcherBefore = await researcherSees(db);

    const args = [
      "ingest",
      big,
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
    // killed once the import has visibly started writing (the database or its WAL grows)
    expect(await killWhenGrown(db, args, 2_000_000)).toBe(true);

    // a researcher opening the file directly, before any zaz command cleans up, sees it as it was
    expect(await researcherSees(db)).toEqual(researcherBefore);
    expect(await storeState(db)).toBe(before);
    const again = await zaz([...args, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: "imported", responsesAdded: 40000 });
  }, 180_000);
});
