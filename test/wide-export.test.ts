import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { onPostgres } from "./support/test-database.js";

/**
 * A wide instrument at a Pabo's scale: the observation form has 196 items, so 9,200 forms are 1.8
 * million answers and an analysis table of 211 columns. Both import paths once ran out of the
 * import's 96 MB on such a file (an UNPIVOT of every column at once, answer chunks counted in
 * forms, analysis rows in one transaction); now they write in parts sized by the width.
 */

/** the example observation export, its rows repeated `times` times, each with its own id */
function repeatedExport(times: number): string {
  const text = readFileSync(join(voorbeeld, "observatie-cohorten-2023-2024-limesurvey.csv"), "utf8");
  // the example has no line breaks inside fields: one line per record
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== "");
  const out = [header];
  let id = 0;
  for (let t = 0; t < times; t++) {
    for (const line of lines) out.push(line.replace(/^\d+,/, () => `${++id},`));
  }
  const file = join(tempDir("zaz-wide-"), `observatie-${id}.csv`);
  writeFileSync(file, `${out.join("\n")}\n`);
  return file;
}

// DuckDB only: the memory limit of an import is DuckDB's
describe.skipIf(onPostgres)("a wide export of observation forms", () => {
  // The fast path takes three times as many: at 27,600 forms its statements once built their join's
  // hash table from the file's records instead of the 92 contexts, and ran out of memory
  // (csv-records.ts's withContextsBuilt). The streaming path's release then needs more than 64 MB.
  const cases = [
    { path: "default", times: 300 },
    { path: "stream", times: 100 },
  ] as const;
  for (const { path, times } of cases)
    it(`imports ${times * 92} forms on the ${path === "default" ? "DuckDB fast" : "streaming"} path`, async () => {
      const file = repeatedExport(times);
      const db = join(tempDir("zaz-wide-db-"), "zaz.duckdb");
      const env: Record<string, string> = path === "stream" ? { ZAZ_IMPORT_PATH: "stream" } : {};
      const r = await zaz(
        ["ingest", file, "--instrument", "observatie", "--nieuwe-school", "--db", db, "--json"],
        env,
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const summary = JSON.parse(r.stdout) as { responsesAdded: number; path: string };
      expect(summary.responsesAdded).toBe(times * 92);
      expect(summary.path).toBe(path === "stream" ? "stream" : "duckdb");
    }, 180_000);
});
