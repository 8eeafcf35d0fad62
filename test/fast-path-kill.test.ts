import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateExport } from "../bench/measure.js";
import { ingest, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { killWhenGrown, researcherSees, storeState } from "./support/duckdb-kill.js";
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
    await ingest(seeded, join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv"), {
      instrument: "ouderpopulatie",
      school: "De Regenboog",
      wave: "2025-najaar",
    });
    // the fast path is the one under test
    const probe = await zaz(["validate", big, ...flags.slice(0, 6), "--json"]);
    expect(JSON.parse(probe.stdout)).toMatchObject({ path: "duckdb" });

    // kill once the database (or its WAL) grew by so many bytes: early, in the middle, late
    for (const [i, growth] of [200_000, 4_000_000, 12_000_000].entries()) {
      const db = join(dir, `zaz-${i}.duckdb`);
      copyFileSync(seeded, db);
      copyFileSync(`${seeded}.key`, `${db}.key`);
      const before = await storeState(db);
      const researcherBefore = await researcherSees(db);
      // the import must still be running when it is killed, or this moment was not tried
      expect(await killWhenGrown(db, ["ingest", big, ...flags, "--db", db], growth), `growth ${growth}`).toBe(
        true,
      );

      expect(await researcherSees(db), `growth ${growth}`).toEqual(researcherBefore);
      expect(await storeState(db), `growth ${growth}`).toBe(before);
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
