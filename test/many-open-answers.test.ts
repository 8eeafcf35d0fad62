import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { generateExport } from "../bench/measure.js";
import { tempDir, zaz } from "./run-zaz.js";
import { onPostgres } from "./support/test-database.js";

/**
 * An export whose open question has a different answer in every row: the fast path converts and
 * joins each distinct value, so past a budget of their characters (csv-conversion.ts's
 * distinctChars) the import takes the streaming path, by that check. 200,000 such answers ran out
 * of the fast path's memory and the whole import was refused.
 */
const open = "Wat gaat er goed in de samenwerking tussen u en de school?";

function withOpenAnswers(responses: number): string {
  const dir = tempDir("zaz-open-");
  const generated = join(dir, "gegenereerd.csv");
  generateExport(responses, generated, { quiet: true });
  const [header, ...rows] = parse(readFileSync(generated, "utf8")) as string[][];
  const at = header?.indexOf(open) ?? -1;
  if (header === undefined || at < 0) throw new Error(`kolom niet gevonden: ${open}`);
  const quote = (f: string) => (/[",\n\r]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  const lines = [header, ...rows.map((r, i) => r.map((f, c) => (c === at ? answer(i) : f)))].map((r) =>
    r.map(quote).join(","),
  );
  const file = join(dir, "open-antwoorden.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** a different answer per row, about 110 characters */
function answer(i: number): string {
  return `Opmerking ${i}: de leerkracht van groep ${(i % 8) + 1} is goed bereikbaar en ik wil graag vaker horen hoe het gaat (${(i * 7919) % 100003}).`;
}

// DuckDB only: the fast path is DuckDB's
describe.skipIf(onPostgres)("an export of many different open answers", () => {
  it("imports every answer on the streaming path, chosen by the check", async () => {
    const responses = 80_000;
    const file = withOpenAnswers(responses);
    const db = join(tempDir("zaz-open-db-"), "zaz.duckdb");
    const args = ["--instrument", "ouderpopulatie", "--school", "Open", "--wave", "2026-voorjaar"];
    const checked = await zaz(["validate", file, ...args, "--json"]);
    expect(checked.code).toBe(0);
    expect((JSON.parse(checked.stdout) as { path: string }).path).toBe("stream");
    const r = await zaz(["ingest", file, ...args, "--nieuwe-school", "--db", db, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { responsesAdded: number; path: string };
    expect(summary).toMatchObject({ responsesAdded: responses, path: "stream" });
    const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
    try {
      const connection = await instance.connect();
      const stored = await connection.runAndReadAll(
        "SELECT count(DISTINCT text) AS n, min(text) FILTER (WHERE text LIKE 'Opmerking 7:%') AS seven FROM onderzoek_answers WHERE text LIKE 'Opmerking %'",
      );
      const row = stored.getRowObjectsJS()[0];
      expect(Number(row?.n)).toBe(responses);
      expect(row?.seven).toBe(answer(7));
      connection.closeSync();
    } finally {
      instance.closeSync();
    }
  }, 240_000);
});
