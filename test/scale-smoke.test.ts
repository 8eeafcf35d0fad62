import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { ShownCell } from "@zaz/views";
import { describe, expect, it } from "vitest";
import { handMeans } from "../bench/hand-query.js";
import { generateExport } from "../bench/measure.js";
import { repoRoot, reportJson, tempDir } from "./run-zaz.js";
import { onPostgres } from "./support/test-database.js";

/**
 * A school board's scale in the test suite: 200,000 responses of one school, made by the example
 * generator, read in with the built `zaz` and reported on. The numbers are held to the
 * hand-written query of the benchmarks (bench/hand-query.ts) on the same database. Timing goals
 * live in `npm run bench:reports`; this only proves the path works at this size.
 */
const responses = 200_000;

// DuckDB only: the yardstick (bench/hand-query.ts) is DuckDB SQL over the file; the PostgreSQL store is
// held to DuckDB's numbers by packages/store/test/postgres/store-parity.test.ts
describe.skipIf(onPostgres)("200,000 responses in one school", () => {
  it("ingest and the class overview agree with a hand-written query over the stored answers", async () => {
    const dir = tempDir("zaz-scale-");
    const file = join(dir, "groot.csv");
    const db = join(dir, "zaz.duckdb");
    generateExport(responses, file, { quiet: true });
    const flags = [
      "--instrument",
      "ouderpopulatie",
      "--bestuur",
      "Bestuur",
      "--school",
      "Groot",
      "--wave",
      "2026-voorjaar",
      "--nieuwe-school",
    ];
    const ingested = spawnSync(
      process.execPath,
      [join(repoRoot, "apps", "cli", "bin", "zaz.js"), "ingest", file, ...flags, "--db", db],
      { cwd: repoRoot, encoding: "utf8" },
    );
    expect(ingested.status, ingested.stderr).toBe(0);

    const view = await reportJson(db, ["report", "klassen", "--school", "Groot", "--wave", "2026-voorjaar"]);
    const respons = view.sections.find((s) => s.id === "respons")!.tables[0]!;
    expect(respons.rows.at(-1)?.n).toMatchObject({ status: "shown", value: responses });

    // the store holds the school's registry id, the slug of its name
    const hand = await handMeans(db, "school", "groot", "2026-voorjaar");
    const bakker = view.sections.find((s) => s.id === "ervaring-bakker")!.tables[0]!;
    let compared = 0;
    for (const row of bakker.rows) {
      const groep = /Groep (\d)/.exec(String(row.groep))?.[1];
      if (groep === undefined) continue;
      for (const construct of ["positieve_houding", "heldere_communicatie", "uitnodigend_klimaat"]) {
        const cell = row[construct] as ShownCell;
        const expected = hand.find((h) => h.g === groep && h.construct === construct)!;
        expect(cell.n, `${groep} ${construct}`).toBe(expected.n);
        expect(cell.value, `${groep} ${construct}`).toBeCloseTo(expected.mean, 3);
        compared++;
      }
    }
    expect(compared).toBe(24);
    // The analysis tables hold exactly the stored responses.
    const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
    const connection = await instance.connect();
    const count = await connection.runAndReadAll("SELECT count(*) FROM facts_1");
    expect(Number(count.getRows()[0]?.[0])).toBe(responses);
    connection.closeSync();
    instance.closeSync();
  }, 300_000);
});
