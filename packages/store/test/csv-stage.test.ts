import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuckDb, type SqlValue } from "../src/duckdb/connection.js";
import type { CsvConversion } from "../src/duckdb/csv-conversion.js";
import { importCsv } from "../src/duckdb/csv-import.js";
import type { CsvFile } from "../src/duckdb/csv-read.js";
import { migrate } from "../src/duckdb/migrations.js";
import { openDuckDbStore } from "../src/index.js";
import { newImport, onPostgres, type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await dir.remove();
});

const rows = 3000;
const items = 12;

/** the header of the exports below: the third column named `third` */
const headerWith = (third: string) =>
  ["Tijdstempel", "E-mail", third, "Groep", ...Array.from({ length: items }, (_, i) => `q${i + 1}`)].join(
    ",",
  );

/** how DuckDB reads the exports below */
const csvFile = (path: string): CsvFile => ({
  path,
  delimiter: ",",
  columns: 4 + items,
  headerRecords: 1,
  firstRow: 2,
  maxRecordChars: 1 << 20,
  head: [],
});

/** Tijdstempel, E-mail, Naam, Groep, q1…q12: every e-mail address and name holds "geheim" */
function exportWithIdentifiers(path: string): void {
  const lines = [headerWith("Naam")];
  for (let r = 0; r < rows; r++) {
    const email = r % 7 === 0 ? "" : `ouder${r}.geheim@voorbeeld.nl`;
    const codes = Array.from({ length: items }, (_, i) =>
      (r + i) % 6 === 5 ? "" : String((r * (i + 1)) % 5),
    );
    lines.push(
      [
        `6-10-2025 8:${String(r % 60).padStart(2, "0")}:00`,
        email,
        `Geheim ${r}`,
        `Groep ${1 + (r % 8)}`,
        ...codes,
      ].join(","),
    );
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

const pseudonym = (value: string) => `p:${createHash("sha256").update(value).digest("hex").slice(0, 16)}`;

/** A conversion as survey's distinct-conversion.ts gives one, for the export above. */
const conversion: CsvConversion = {
  items: Array.from({ length: items }, (_, p) => ({
    column: 4 + p,
    item: `q${p + 1}`,
    condition: undefined,
  })),
  dimensions: [3],
  conditions: 0,
  submittedAt: 0,
  responseId: undefined,
  identifiers: [1, 2],
  cell: (p, raw) => [
    raw === ""
      ? { item: `q${p + 1}`, code: null, text: null, missing: "leeg" }
      : { item: `q${p + 1}`, code: Number(raw), text: null, missing: null },
  ],
  warned: () => false,
  warnAt: () => undefined,
  context: (values) => ({ context: { groep: values[0] ?? "" }, applies: [] }),
  keyContext: (context) => ({ before: `groep=${context.groep ?? ""}`, after: "" }),
  submitted: (raw) => (raw === "" ? null : raw),
  respondent: (values) => {
    const identifier = values.find((v) => v.trim() !== "");
    return identifier === undefined ? undefined : pseudonym(identifier);
  },
  responseKeyId: (raw) => raw,
};

describe.skipIf(onPostgres)("the fast path's stage", () => {
  it("holds pseudonyms and keys, never a raw identifier, nor does any work table beside it", async () => {
    const path = dir.file("export.csv");
    exportWithIdentifiers(path);
    const db = await DuckDb.open(dir.file("stage.duckdb"));
    try {
      await migrate(db);
      // every temp table's rows, each time the stage has just been written
      const seen: string[] = [];
      const run = db.run.bind(db);
      db.run = async (sql: string, params?: readonly SqlValue[]) => {
        const changed = await run(sql, params);
        if (sql.includes("TEMP TABLE zaz_csv_stage")) {
          const temp = await db.all("SELECT table_name FROM duckdb_tables() WHERE temporary");
          for (const t of temp) {
            const table = String(t.table_name);
            const all = await db.all(`SELECT * FROM "${table}"`);
            seen.push(`${table}: ${JSON.stringify(all, (_, v) => (typeof v === "bigint" ? String(v) : v))}`);
          }
        }
        return changed;
      };
      const result = await importCsv(
        db,
        newImport("a", { rowsRead: rows }),
        csvFile(path),
        conversion,
        "96MB",
      );
      expect(result.ok).toBe(true);
      const stage = seen.find((s) => s.startsWith("zaz_csv_stage:")) ?? "";
      // the stage was seen, with the pseudonyms of the e-mail addresses (or of the name without one)
      expect(stage).toContain(pseudonym("ouder1.geheim@voorbeeld.nl"));
      expect(stage).toContain(pseudonym("Geheim 7"));
      expect(seen.join("\n")).not.toMatch(/geheim/i);
      // and what was stored says the same
      const respondents = await db.all(
        "SELECT count(DISTINCT value) AS n FROM response_context WHERE dimension = '_respondent'",
      );
      expect(Number(respondents[0]?.n)).toBe(rows);
    } finally {
      db.close();
    }
  });

  // 12 MB in DuckDB's 4 MiB buffers, read by 4 threads, 300 groups and quoted line breaks; with
  // the notes as a second context column, 13,600 contexts, many alike in their key parts
  for (const dimensions of [[3], [3, 2]])
    it(`numbers the records in the file's order, read on every core (context columns ${dimensions.join(", ")})`, async () => {
      const path = dir.file("groot.csv");
      const n = 40_000;
      const lines = [headerWith("Opmerking")];
      // each record's fields as the response key reads them (line ends as LF, trimmed)
      const records: string[][] = [];
      for (let r = 0; r < n; r++) {
        const note =
          r % 3 === 0 ? `regel ${r}\r\n"tweede" regel,\nderde ${"x".repeat(r % 400)}` : "y".repeat(r % 200);
        const fields = [`6-10-2025 8:00:00`, `ouder${r}@voorbeeld.nl`, note, `Groep ${r % 300}`];
        const codes = Array.from({ length: items }, (_, i) => String((r + i) % 5));
        records.push([...fields, ...codes].map((f) => f.replaceAll("\r\n", "\n").trim()));
        const quoted = r % 3 === 0 ? `"${note.replaceAll('"', '""')}"` : note;
        lines.push([fields[0], fields[1], quoted, fields[3], ...codes].join(","));
      }
      writeFileSync(path, `${lines.join("\n")}\n`);
      const db = await DuckDb.open(dir.file("order.duckdb"), { threads: 4 });
      try {
        await migrate(db);
        const result = await importCsv(
          db,
          newImport("a", { rowsRead: n }),
          csvFile(path),
          { ...conversion, dimensions },
          "96MB",
        );
        expect(result.ok).toBe(true);
        // each response's row, pseudonym and context are its own record's (rn = its position)
        const stored = await db.all(
          `SELECT r.row, p.value AS respondent, g.value AS groep FROM responses r
           JOIN response_context p ON p.response_id = r.id AND p.dimension = '_respondent'
           JOIN response_context g ON g.response_id = r.id AND g.dimension = 'groep' ORDER BY r.row`,
        );
        expect(stored.length).toBe(n);
        const wrong = stored.filter(
          (s, i) =>
            Number(s.row) !== i + 2 ||
            s.respondent !== pseudonym(`ouder${i}@voorbeeld.nl`) ||
            s.groep !== `Groep ${i % 300}`,
        );
        expect(wrong.slice(0, 3)).toEqual([]);
        // and each response key is its own record's, from its context's key parts (keyContext)
        const keys = await db.all("SELECT key FROM responses ORDER BY row");
        const sha = (text: string) => createHash("sha256").update(text).digest("hex");
        const expected = records.map((fields, i) => {
          const context = `groep=Groep ${i % 300}\u0000_respondent=${pseudonym(`ouder${i}@voorbeeld.nl`)}`;
          return `row:${sha(`${context}\u0001${fields.map((f) => `\u0000${f}`).join("")}`).slice(0, 32)}`;
        });
        expect(keys.map((k) => k.key)).toEqual(expected);
      } finally {
        db.close();
      }
    }, 60_000);

  it("leaves no spill file of a killed import once the database is opened again", async () => {
    // what a kill -9 during a large import leaves beside the file: DuckDB removes its spill files
    // only when it closes
    const path = dir.file("zaz.duckdb");
    await (await openDuckDbStore(path)).close();
    mkdirSync(`${path}.tmp`);
    const spill = `${path}.tmp/duckdb_temp_storage_DEFAULT-0.tmp`;
    const other = `${path}.tmp/notities.txt`;
    writeFileSync(spill, "p:1234 stage");
    writeFileSync(other, "van de gebruiker");
    const store = await openDuckDbStore(path);
    await store.close();
    expect(existsSync(spill)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });
});
