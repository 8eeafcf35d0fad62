import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { openDuckDbStore } from "@zaz/store";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "./example-db.js";
import { repoRoot, tempDir, zaz } from "./run-zaz.js";
import { onPostgres } from "./support/test-database.js";

let db = "";
beforeAll(async () => {
  db = await exampleDatabase();
}, 120_000);

// DuckDB only: the lock of an embedded file; PostgreSQL serves any number of processes
describe.skipIf(onPostgres)("zaz on a database another program has open", () => {
  it("says so in Dutch, without 'Onverwachte fout', for every kind of command", async () => {
    const path = join(tempDir(), "zaz.duckdb");
    const store = await openDuckDbStore(path);
    try {
      for (const args of [
        ["report", "klassen", "--school", "De Regenboog", "--wave", "2026-voorjaar"],
        ["imports"],
        ["user", "list"],
      ]) {
        // a second process: DuckDB's lock is per process
        const run = spawnSync(
          process.execPath,
          ["--conditions=zaz-source", "--import", "tsx", "apps/cli/src/bin.ts", ...args, "--db", path],
          { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 },
        );
        expect(run.stderr, args.join(" ")).toMatch(
          /^fout: De database .* is al geopend door een ander programma/,
        );
        expect(run.stderr).not.toContain("Onverwachte fout");
        expect(run.status, args.join(" ")).toBe(1);
      }
    } finally {
      await store.close();
    }
  });
});

describe("zaz export", () => {
  it("takes the same filters as zaz report, and gives the same view", async () => {
    const filters = ["--opleiding", "Pabo HvA", "--fase", "hoofdfase", "--gesprekssoort", "kennismaking"];
    const exported = await zaz(["export", "leerlijn", ...filters, "--delimiter", ",", "--db", db]);
    expect(exported.stderr).toBe("");
    const reported = await zaz(["report", "leerlijn", ...filters, "--format", "csv", "--db", db]);
    expect(exported.stdout).toBe(reported.stdout);
    const unfiltered = await zaz([
      "export",
      "leerlijn",
      "--opleiding",
      "Pabo HvA",
      "--delimiter",
      ",",
      "--db",
      db,
    ]);
    expect(unfiltered.stdout).not.toBe(exported.stdout);
  });

  it("names the option a report needs, as a usage error", async () => {
    const r = await zaz(["export", "klassen", "--school", "De Regenboog", "--db", db]);
    expect(r.stderr).toContain("zaz export klassen heeft --wave nodig.");
    expect(r.code).toBe(2);
  });
});
