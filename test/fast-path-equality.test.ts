import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { pseudonymKeyPath } from "@zaz/store";
import { describe, expect, it } from "vitest";
import { generateExport } from "../bench/measure.js";
import { fixtures, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { csvField, csvRecords } from "./support/csv-records.js";
import { onPostgres } from "./support/test-database.js";

/**
 * The proof of the DuckDB fast path: the same exports imported through it and through the
 * streaming path store the same rows in every table (ZAZ_IMPORT_PATH=stream forces the latter).
 */

interface Example {
  file: string;
  instrument: string;
  flags: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(voorbeeld, "manifest.json"), "utf8")) as { files: Example[] };

/** every table an import writes, each row as text, sorted; the import's own timestamp left out */
async function storedRows(db: string): Promise<Record<string, string[]>> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const facts = (
      await connection.runAndReadAll(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'facts_%' ORDER BY 1",
      )
    ).getRowsJS();
    const tables: Record<string, string> = {
      imports: "SELECT * EXCLUDE (imported_at) FROM imports",
      import_context: "SELECT * FROM import_context",
      responses: "SELECT * FROM responses",
      response_context: "SELECT * FROM response_context",
      answers: "SELECT * FROM answers",
      registry: "SELECT * EXCLUDE (registered_at) FROM registry",
      ...Object.fromEntries(facts.map(([t]) => [String(t), `SELECT * FROM "${String(t)}"`])),
    };
    const out: Record<string, string[]> = {};
    for (const [name, sql] of Object.entries(tables)) {
      const rows = (await connection.runAndReadAll(sql)).getRowsJS();
      out[name] = rows
        .map((r) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? String(v) : v)))
        .sort();
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function flagArgs(flags: Record<string, string>): string[] {
  return Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]);
}

/** `zaz ingest` of `file` into `db`, registering its school, the summary as JSON */
function ingestArgs(file: string, instrument: string, flags: Record<string, string>, db: string): string[] {
  return [
    "ingest",
    file,
    "--instrument",
    instrument,
    ...flagArgs(flags),
    "--nieuwe-school",
    "--db",
    db,
    "--json",
  ];
}

/** Imports `files` in order through one path; returns the paths the imports took and the stored rows. */
async function importAll(
  files: readonly { path: string; instrument: string; flags: Record<string, string> }[],
  path: "stream" | "default",
  key: Buffer,
): Promise<{ paths: string[]; rows: Record<string, string[]>; summaries: unknown[] }> {
  const db = join(tempDir("zaz-fast-"), "zaz.duckdb");
  // one pseudonym key for both databases, or pseudonyms (and the keys holding them) would differ
  writeFileSync(pseudonymKeyPath(db), key, { mode: 0o600 });
  const env: Record<string, string> = path === "stream" ? { ZAZ_IMPORT_PATH: "stream" } : {};
  const paths: string[] = [];
  const summaries: unknown[] = [];
  for (const f of files) {
    const r = await zaz(ingestArgs(f.path, f.instrument, f.flags, db), env);
    if (r.code !== 0) throw new Error(`${f.path}: ${r.stderr}${r.stdout}`);
    // what the user is told (counts, warnings and their groups), apart from the path taken
    const { path: taken, ...summary } = JSON.parse(r.stdout) as { path: string };
    paths.push(taken);
    summaries.push(summary);
  }
  return { paths, rows: await storedRows(db), summaries };
}

async function expectSameStore(files: Parameters<typeof importAll>[0]): Promise<string[]> {
  const key = randomBytes(32);
  const stream = await importAll(files, "stream", key);
  const fast = await importAll(files, "default", key);
  expect(stream.paths.every((p) => p === "stream")).toBe(true);
  expect(fast.summaries).toEqual(stream.summaries);
  expect(Object.keys(fast.rows)).toEqual(Object.keys(stream.rows));
  for (const table of Object.keys(stream.rows)) {
    expect(fast.rows[table]?.length, table).toBe(stream.rows[table]?.length);
    expect(fast.rows[table], table).toEqual(stream.rows[table]);
  }
  return fast.paths;
}

// DuckDB only: the fast path exists only in the DuckDB store (PostgreSQL always streams)
describe.skipIf(onPostgres)("the DuckDB fast path stores what the streaming path stores", () => {
  it("for every example export, imported one after the other into one database", async () => {
    const files = manifest.files.map((f) => ({
      path: join(voorbeeld, f.file),
      instrument: f.instrument,
      flags: f.flags,
    }));
    const paths = await expectSameStore(files);
    // the fast path ran where its checks allow (UTF-8, no per-choice columns …), not nowhere
    expect(paths.filter((p) => p === "duckdb").length).toBeGreaterThanOrEqual(5);
  }, 240_000);

  it("and `zaz validate` on the fast path reports what the streaming path reports", async () => {
    for (const f of manifest.files) {
      const args = [
        "validate",
        join(voorbeeld, f.file),
        "--instrument",
        f.instrument,
        ...flagArgs(f.flags),
        "--json",
      ];
      const stream = await zaz(args, { ZAZ_IMPORT_PATH: "stream" });
      const fast = await zaz(args);
      expect(fast.code, f.file).toBe(stream.code);
      const { path: streamPath, ...streamSummary } = JSON.parse(stream.stdout) as { path: string };
      const { path: fastPath, ...fastSummary } = JSON.parse(fast.stdout) as { path: string };
      expect(streamPath).toBe("stream");
      expect(["duckdb", "stream"]).toContain(fastPath);
      expect(fastSummary, f.file).toEqual(streamSummary);
    }
  }, 240_000);

  it("for a generated export of a few thousand responses, and its re-import (nothing new)", async () => {
    const file = join(tempDir("zaz-fast-gen-"), "ouderpopulatie-3000.csv");
    generateExport(3000, file, { quiet: true });
    const flags = { school: "Benchmarkschool", wave: "2026-voorjaar" };
    const paths = await expectSameStore([
      { path: file, instrument: "ouderpopulatie", flags },
      {
        path: join(voorbeeld, "ouderpopulatie-de-regenboog-2026-voorjaar-google-forms.csv"),
        instrument: "ouderpopulatie",
        flags: { ...flags, school: "De Regenboog" },
      },
    ]);
    expect(paths).toEqual(["duckdb", "duckdb"]);
  }, 240_000);

  it("for an export with identifiers, an id column, a taal column, a context column, multi-line answers and duplicates", async () => {
    const paths = await expectSameStore([
      {
        path: join(fixtures, "fast-path", "ouderpopulatie-kenmerken.csv"),
        instrument: "ouderpopulatie",
        flags: { school: "De Regenboog", wave: "2026-voorjaar" },
      },
    ]);
    expect(paths).toEqual(["duckdb"]);
  }, 120_000);

  it("for open answers that all differ (content hashes through a join), fields with spaces around them and odd submission times", async () => {
    // the fixture's rows again and again, each with its own open answers (some over two lines)
    // and some cells padded with spaces; half without an id, so their key hashes the whole row
    const source = readFileSync(join(fixtures, "fast-path", "ouderpopulatie-kenmerken.csv"), "utf8");
    const records = csvRecords(source, ";");
    const [header, ...rows] = records;
    if (header === undefined) throw new Error("fixture without header");
    const out = [header];
    const times = [
      "15-10-2025 20:18:12",
      "7-10-2025 9:10:38",
      "6-10-2025 08:20:00",
      "29-02-2024 10:00:00",
      "29-02-2023 10:00:00",
      "31-04-2025 1:00:00",
      "1-1-2025 24:00:00",
      "1-1-2025 23:60:00",
      "1-1-2025 23:59:60",
      "1-13-2025 1:01:01",
      "0-1-2025 1:01:01",
      "29-02-1900 10:00:00",
      "29-02-0000 10:00:00",
      "01-01-0999 10:00:00",
      "2025-10-15 20:18:12",
      "2025-2-28 1:00:00",
      "2025-2-29 1:00:00",
      "2025-10-15T20:18:12",
      "2025-10-15 8:20:00 p.m.",
      "2025/10/15 20:18:12",
      "10/15/2025 8:20:00 PM",
      " 6-10-2025 8:20:00 ",
      "6-10-2025  8:20:00",
      "6-10-2025 8:20",
      "6-10-2025",
      "",
      "niet ingevuld",
      "６-10-2025 8:20:00",
    ];
    for (let i = 0; i < 150; i++) {
      const row = [...(rows[i % rows.length] ?? [])];
      row[0] = i % 2 === 0 ? String(i + 1) : "";
      row[row.length - 2] =
        i % 3 === 0 ? `Fijn, opmerking ${i}\r\nen een tweede regel` : `Opmerking nummer ${i}`;
      row[row.length - 1] = i % 5 === 0 ? "" : `  Idee ${i * 7} `;
      if (i % 4 === 1) row[12] = ` ${row[12] ?? ""}  `;
      // submission times the fast path reads in SQL, or leaves to JavaScript (csv-submitted.ts)
      row[1] = times[i % times.length] ?? "";
      row[2] = times[(i + 1) % times.length] ?? "";
      out.push(row);
    }
    const file = join(tempDir("zaz-fast-open-"), "open-antwoorden.csv");
    writeFileSync(file, `${out.map((r) => r.map((f) => csvField(f, ";")).join(";")).join("\r\n")}\r\n`);
    const paths = await expectSameStore([
      { path: file, instrument: "ouderpopulatie", flags: { school: "De Regenboog", wave: "2026-voorjaar" } },
    ]);
    expect(paths).toEqual(["duckdb"]);
  }, 120_000);

  it("for values with warnings (own answers beside Anders, a formula), more of them than the summary keeps", async () => {
    const file = exportWithWarnings(join(tempDir("zaz-fast-warn-"), "eigen-antwoorden.csv"));
    const flags = { school: "Benchmarkschool", wave: "2026-voorjaar" };
    const paths = await expectSameStore([{ path: file, instrument: "ouderpopulatie", flags }]);
    expect(paths).toEqual(["duckdb"]);
    // more warnings than the summary keeps (100), of both kinds
    const checked = await zaz([
      "validate",
      file,
      "--instrument",
      "ouderpopulatie",
      ...flagArgs(flags),
      "--json",
    ]);
    const summary = JSON.parse(checked.stdout) as {
      path: string;
      warnings: number;
      warningGroups: { code: string; count: number }[];
    };
    expect(summary.path).toBe("duckdb");
    expect(summary.warnings).toBeGreaterThan(100);
    expect(summary.warningGroups.map((g) => g.code).sort()).toEqual(["formula-cell", "other-choice"]);
  }, 120_000);

  it("and a refused import (a changed response) reports the same problems and warnings on both paths", async () => {
    // the fixture (with an id column) with own answers beside "Anders", then one answer changed
    const source = readFileSync(join(fixtures, "fast-path", "ouderpopulatie-kenmerken.csv"), "utf8");
    const [header, ...rows] = csvRecords(source, ";");
    if (header === undefined) throw new Error("fixture without header");
    const language = header.findIndex((h) => h.startsWith("Welke taal"));
    const serious = header.indexOf("De school neemt mij als ouder serieus.");
    const withOwn = rows.map((r, i) =>
      r.map((f, c) => (c === language && i % 2 === 0 ? `${f}Tigrinya;` : f)),
    );
    const dir = tempDir("zaz-fast-refused-");
    const write = (name: string, records: string[][]) => {
      const path = join(dir, name);
      writeFileSync(
        path,
        `${[header, ...records].map((r) => r.map((f) => csvField(f, ";")).join(";")).join("\r\n")}\r\n`,
      );
      return path;
    };
    const base = write("basis.csv", withOwn);
    // a row whose id no other row has (the fixture repeats one on purpose)
    const unique = withOwn.findIndex((r) => withOwn.filter((o) => o[0] === r[0]).length === 1);
    const edited = write(
      "bewerkt.csv",
      withOwn.map((r, i) =>
        i === unique
          ? r.map((f, c) => (c === serious ? (f === "Mee eens" ? "Mee oneens" : "Mee eens") : f))
          : r,
      ),
    );
    const flags = { school: "De Regenboog", wave: "2026-voorjaar" };
    const key = randomBytes(32);
    const outputs: unknown[] = [];
    for (const path of ["stream", "default"] as const) {
      const db = join(tempDir("zaz-fast-refused-db-"), "zaz.duckdb");
      writeFileSync(pseudonymKeyPath(db), key, { mode: 0o600 });
      const env: Record<string, string> = path === "stream" ? { ZAZ_IMPORT_PATH: "stream" } : {};
      const args = (file: string) => ingestArgs(file, "ouderpopulatie", flags, db);
      const first = await zaz(args(base), env);
      expect(first.code, first.stderr).toBe(0);
      expect((JSON.parse(first.stdout) as { path: string }).path).toBe(
        path === "stream" ? "stream" : "duckdb",
      );
      const refused = await zaz(args(edited), env);
      expect(refused.code).toBe(1);
      outputs.push(JSON.parse(refused.stdout));
    }
    expect(outputs[0]).toMatchObject({ ok: false, errors: [{ code: "responses-changed" }] });
    expect((outputs[0] as { warnings: unknown[] }).warnings.length).toBeGreaterThan(0);
    expect(outputs[1]).toEqual(outputs[0]);
  }, 120_000);

  it("for items in sections whose condition the row's context decides (a narrow observation export)", async () => {
    const paths = await expectSameStore([
      { path: join(fixtures, "fast-path", "observatie-smal.csv"), instrument: "observatie", flags: {} },
    ]);
    expect(paths).toEqual(["duckdb"]);
  }, 120_000);

  it("takes the streaming path, by its checks, where a field would not come back from DuckDB as it is or the reader refuses a record", async () => {
    // Each found by a differential fuzzer: the fast path crashed (a U+FEFF at a cell's start: DuckDB's
    // Node client drops it when text comes back to JavaScript), imported what the reader warns
    // about or refuses (NUL or U+FFFD in an identifier, a record over the reader's 1 MiB), or read
    // a quoted field with blanks beside it as its quoted text (other keys, times and answers), or
    // none of a file's rows after Excel's "sep=," line.
    const source = readFileSync(join(fixtures, "fast-path", "ouderpopulatie-kenmerken.csv"), "utf8");
    const [header, ...rows] = csvRecords(source, ";");
    if (header === undefined) throw new Error("fixture without header");
    const email = header.indexOf("E-mail");
    const serious = header.indexOf("De school neemt mij als ouder serieus.");
    const open = header.length - 2;
    const dir = tempDir("zaz-fast-checks-");
    // a field given as `raw:…` is written as it stands, quotes and blanks and all
    const field = (f: string) => (f.startsWith("raw:") ? f.slice(4) : csvField(f, ";"));
    const write = (name: string, change: (row: string[], i: number) => string[]) => {
      const path = join(dir, name);
      const records = [header, ...rows.map((r, i) => change([...r], i))];
      writeFileSync(path, `${records.map((r) => r.map(field).join(";")).join("\r\n")}\r\n`);
      return path;
    };
    const at =
      (column: number, value: (old: string) => string, row = 3) =>
      (r: string[], i: number) =>
        i === row ? r.map((f, c) => (c === column ? value(f) : f)) : r;
    const flags = { school: "De Regenboog", wave: "2026-voorjaar" };
    const imported = [
      write(
        "bom-in-cel.csv",
        at(serious, (f) => `\ufeff${f}`),
      ),
      write(
        "bom-in-open-antwoord.csv",
        at(open, (f) => `\ufeffIdee ${f}`),
      ),
      write(
        "vervangingsteken-in-e-mail.csv",
        at(email, (f) => `${f}\ufffd`),
      ),
      // DuckDB drops blanks beside a quoted field; the reader keeps the field as written
      write(
        "spaties-na-aanhalingsteken.csv",
        at(serious, (f) => `raw:"${f}"  `),
      ),
      write(
        "spatie-voor-aanhalingsteken.csv",
        at(serious, (f) => `raw: "${f}"`),
      ),
      write(
        "spaties-na-tijdstip.csv",
        at(header.indexOf("Tijd van voltooien"), (f) => `raw:"${f}"  `),
      ),
    ];
    for (const path of imported) {
      const paths = await expectSameStore([{ path, instrument: "ouderpopulatie", flags }]);
      expect(paths, path).toEqual(["stream"]);
    }
    // Excel's separator line above a SurveyMonkey export's two header rows: the reader leaves it
    // out; DuckDB, skipping the header lines, read none of the rows and the import stored nothing
    const kompas = readFileSync(
      join(voorbeeld, "ouderpopulatie-het-kompas-2025-najaar-surveymonkey.csv"),
      "utf8",
    );
    const separatorLine = join(dir, "sep-regel.csv");
    writeFileSync(separatorLine, `sep=,\r\n${kompas.split(/\r?\n/).slice(0, 6).join("\n")}\n`);
    const kompasFlags = { bestuur: "Stichting Samen Leren", school: "Het Kompas", wave: "2025-najaar" };
    expect(
      await expectSameStore([{ path: separatorLine, instrument: "ouderpopulatie", flags: kompasFlags }]),
    ).toEqual(["stream"]);
    const refused = [
      write(
        "nul-in-e-mail.csv",
        at(email, (f) => `${f}\u0000`),
      ),
      write(
        "te-lang-record.csv",
        at(open, () => "a".repeat(1024 * 1024 + 10)),
      ),
      write(
        "lege-aanhalingstekens-met-spaties.csv",
        at(serious, () => 'raw:""  '),
      ),
    ];
    for (const path of refused) {
      const args = ["validate", path, "--instrument", "ouderpopulatie", ...flagArgs(flags), "--json"];
      const stream = await zaz(args, { ZAZ_IMPORT_PATH: "stream" });
      const fast = await zaz(args);
      expect(stream.code, path).toBe(1);
      expect(fast.code, path).toBe(1);
      expect(JSON.parse(fast.stdout), path).toEqual(JSON.parse(stream.stdout));
      const db = join(tempDir("zaz-fast-checks-db-"), "zaz.duckdb");
      const ingested = await zaz(ingestArgs(path, "ouderpopulatie", flags, db));
      expect(ingested.code, path).toBe(1);
      expect(JSON.parse(ingested.stdout), path).toEqual(JSON.parse(stream.stdout));
    }
  }, 240_000);

  it("leaves the pool free after an import into a wide analysis table, on both paths", async () => {
    // A second import appends to the observation instrument's analysis table (211 columns): its
    // rows stayed in memory, a block per column, the checkpoint at close failed, every later open
    // read them back from the WAL, and choosing releases and the leerlijn report ran out of memory.
    const source = readFileSync(join(fixtures, "fast-path", "observatie-smal.csv"), "utf8");
    const [header, ...rows] = csvRecords(source, ",");
    if (header === undefined) throw new Error("fixture without header");
    const later = join(tempDir("zaz-fast-wide-"), "observatie-later.csv");
    const shifted = rows.filter((r) => r.length > 1).map((r) => [String(1000 + Number(r[0])), ...r.slice(1)]);
    writeFileSync(
      later,
      `${[header, ...shifted].map((r) => r.map((f) => csvField(f, ",")).join(",")).join("\n")}\n`,
    );
    for (const path of ["stream", "default"] as const) {
      const db = join(tempDir("zaz-fast-wide-db-"), "zaz.duckdb");
      const env: Record<string, string> = path === "stream" ? { ZAZ_IMPORT_PATH: "stream" } : {};
      for (const file of [join(fixtures, "fast-path", "observatie-smal.csv"), later]) {
        const r = await zaz(ingestArgs(file, "observatie", {}, db), env);
        expect(r.code, r.stderr).toBe(0);
        const summary = JSON.parse(r.stdout) as { path: string; warningGroups: { code: string }[] };
        expect(summary.path).toBe(path === "stream" ? "stream" : "duckdb");
        expect(summary.warningGroups.map((g) => g.code)).not.toContain("release-deferred");
      }
      expect(existsSync(`${db}.wal`), path).toBe(false);
      const report = await zaz(["report", "leerlijn", "--opleiding", "UPvA", "--db", db]);
      expect(report.code, report.stderr).toBe(0);
    }
  }, 120_000);

  it("takes the streaming path, by its checks, for an empty line and for a blank row", async () => {
    const dir = tempDir("zaz-fast-blank-");
    const lines = readFileSync(join(fixtures, "fast-path", "ouderpopulatie-kenmerken.csv"), "utf8").split(
      "\r\n",
    );
    const emptyLine = join(dir, "lege-regel.csv");
    writeFileSync(emptyLine, [...lines.slice(0, 3), "", ...lines.slice(3)].join("\r\n"));
    const blankRow = join(dir, "lege-rij.csv");
    const width = (lines[0] ?? "").split(";").length;
    writeFileSync(blankRow, [...lines.slice(0, 3), ";".repeat(width - 1), ...lines.slice(3)].join("\r\n"));
    const flags = { school: "De Regenboog", wave: "2026-voorjaar" };
    const paths = await expectSameStore([
      { path: emptyLine, instrument: "ouderpopulatie", flags },
      { path: blankRow, instrument: "ouderpopulatie", flags },
    ]);
    expect(paths).toEqual(["stream", "stream"]);
  }, 120_000);
});

/**
 * A generated export of 1,200 responses with own answers beside "Anders" in every other row whose
 * language is Dutch, and one formula in an open answer: more warnings than a summary keeps.
 */
function exportWithWarnings(file: string): string {
  generateExport(1200, file, { quiet: true });
  const lines = readFileSync(file, "utf8").split("\r\n");
  const header = lines[0] ?? "";
  // the generator writes the language column third, quoted when it lists more than one
  const out = [header];
  let formula = false;
  lines.slice(1).forEach((line, i) => {
    if (line === "") return;
    const fields = line.split(",");
    // a line without quotes splits exactly; its first fields (time, class) never hold a comma
    if (i % 2 === 0 && fields[2] === "Nederlands")
      fields[2] = `"Nederlands, ${i % 4 === 0 ? "Tigrinya" : "Somali"}"`;
    if (!formula && !line.includes('"') && i > 5) {
      fields[fields.length - 1] = "=SOM(A1:A3)";
      formula = true;
    }
    out.push(fields.join(","));
  });
  if (!formula) throw new Error("no line for the formula");
  writeFileSync(file, `${out.join("\r\n")}\r\n`);
  return file;
}
