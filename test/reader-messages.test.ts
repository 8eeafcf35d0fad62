import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { csvField, csvLine } from "./support/csv-records.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * What `zaz ingest` and `zaz validate` tell a user about the file itself (issue 9): preview and
 * unfinished rows, mixed encodings, columns without a header, spreadsheet row numbers, grouped
 * warnings, control characters, files that are no CSV, a wrong delimiter, a missing --map file,
 * and one name for one count. Each export is a small variation on a real-looking one.
 */
const source = "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv";
const flags = ["--instrument", "ouderpopulatie", "--school", "De Regenboog", "--wave", "2025-najaar"];
const lines = readFileSync(join(voorbeeld, source), "utf8").split("\r\n").slice(0, 8);
const header = lines[0] ?? "";

const toLine = (fields: readonly string[]) => fields.map((f) => csvField(f)).join(",");
const headers = csvLine(header);
const welkom = headers.indexOf("Als ouder word ik op school vriendelijk ontvangen.");
const last = headers.length - 1;
function setField(line: string | undefined, index: number, value: string): string {
  const fields = csvLine(line ?? "");
  fields[index] = value;
  return toLine(fields);
}

const dir = tempDir();
let db = "";
function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

beforeAll(async () => {
  db = await newTestDatabase(dir, "zaz.duckdb");
  // registers the school, so every later import can name it
  const seed = await zaz(["ingest", join(voorbeeld, source), ...flags, "--nieuwe-school", "--db", db]);
  expect(seed.code, seed.stderr).toBe(0);
});

describe("Qualtrics preview, test, spam and unfinished rows", () => {
  // The same answers as a Qualtrics export: Status, Progress and Finished before the questions.
  const status = [
    "IP Address",
    "Survey Preview",
    "IP Address",
    "Spam",
    "IP Address",
    "Survey Test",
    "IP Address",
  ];
  const finished = ["True", "True", "False", "True", "True", "False", "True"];
  const file = write(
    "qualtrics.csv",
    [
      `StartDate,Status,Progress,Finished,ResponseId,${header}`,
      ...lines
        .slice(1, 8)
        .map(
          (l, i) =>
            `2026-03-02 09:1${i},${status[i]},${finished[i] === "True" ? 100 : 40},${finished[i]},R_x${i},${l}`,
        ),
    ].join("\r\n"),
  );

  it("are not imported, and the summary says how many of each", async () => {
    const json = await zaz(["validate", file, ...flags, "--json"]);
    expect(json.code, json.stdout + json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      rowsRead: 7,
      responses: 3,
      excluded: { preview: 3, unfinished: 1 },
    });
    const text = await zaz(["validate", file, ...flags]);
    expect(text.stderr).toContain(
      "3 previewrijen (voorbeeld, test of spam) en 1 onvoltooide reactie niet geïmporteerd",
    );
    expect(text.stderr).not.toContain('Kolom "Status" wordt niet opgeslagen');
  });

  it("--onvoltooid-meenemen keeps the unfinished ones, never the previews", async () => {
    const r = await zaz(["ingest", file, ...flags, "--onvoltooid-meenemen", "--db", db, "--json"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ responses: 4, excluded: { preview: 3, unfinished: 0 } });
  });
});

describe("rows and columns a user can find", () => {
  it("a row after a multi-line answer is numbered as the spreadsheet shows it", async () => {
    const file = write(
      "multi-line.csv",
      [
        header,
        setField(lines[1], last, "Eerste regel\nTweede regel\nDerde regel"),
        lines[2],
        setField(lines[3], welkom, "Mee eenss"),
      ].join("\r\n"),
    );
    const r = await zaz(["validate", file, ...flags, "--json"]);
    expect(r.code).toBe(1);
    // header row 1, the three-line answer row 2: the bad label is in row 4 (physical line 6)
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ code: "unknown-label", row: 4 });
  });

  it("a column with answers but no header is an error naming its letter and first row", async () => {
    const fields = csvLine(header);
    fields[welkom] = "";
    const file = write("unnamed.csv", [toLine(fields), ...lines.slice(1, 5)].join("\r\n"));
    const r = await zaz(["validate", file, ...flags, "--json"]);
    expect(r.code, r.stdout).toBe(1);
    const letter = String.fromCharCode(65 + welkom);
    expect(JSON.parse(r.stdout).errors).toEqual([
      expect.objectContaining({ code: "unnamed-column", row: 2, column: letter }),
    ]);
  });

  it("… and is read when a mapping file maps it by number", async () => {
    const fields = csvLine(header);
    const welkomHeader = fields[welkom] ?? "";
    fields[welkom] = "";
    const file = write("unnamed-mapped.csv", [toLine(fields), ...lines.slice(1, 5)].join("\r\n"));
    const mapping = join(dir, "unnamed.koppeling.json");
    const proposed = await zaz(["map", join(voorbeeld, source), "-i", "ouderpopulatie", "-o", mapping]);
    expect(proposed.code, proposed.stderr).toBe(0);
    const data = JSON.parse(readFileSync(mapping, "utf8")) as {
      columns: { column: string | number; target: string }[];
    };
    const entry = data.columns.find((c) => c.column === welkomHeader);
    if (entry === undefined) throw new Error("no mapping entry for the welkom column");
    entry.column = welkom + 1;
    writeFileSync(mapping, JSON.stringify(data));
    const r = await zaz(["validate", file, ...flags, "--map", mapping, "--json"]);
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).responses).toBe(4);
  });

  it("one stray Windows-1252 byte in a UTF-8 export: rejected at its row, not stored as mojibake", async () => {
    const good = Buffer.from([header, setField(lines[1], last, "één tip"), lines[2]].join("\r\n"), "utf8");
    const bad = Buffer.from(`\r\n${setField(lines[3], last, "caf_ prima")}\r\n`, "utf8");
    bad[bad.indexOf("caf_") + 3] = 0xe9;
    const file = write("mixed.csv", Buffer.concat([good, bad]));
    const r = await zaz(["ingest", file, ...flags, "--db", db, "--json"]);
    expect(r.code, r.stdout).toBe(1);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({
      code: "mixed-encoding",
      row: 4,
      column: headers[last],
    });
  });
});

describe("the text output", () => {
  it("prints the error first and groups repeated warnings per column with a count and rows", async () => {
    const file = write(
      "many-warnings.csv",
      [
        header,
        ...lines.slice(1, 7).map((l) => setField(l, last, "=tip van de ouder")),
        setField(lines[7], welkom, "Mee eenss"),
      ].join("\r\n"),
    );
    const r = await zaz(["validate", file, ...flags]);
    expect(r.code).toBe(1);
    const error = r.stderr.indexOf("fout:");
    const warning = r.stderr.indexOf("waarschuwing:");
    expect(error).toBeGreaterThanOrEqual(0);
    expect(warning).toBeGreaterThan(error);
    expect(r.stderr).toContain("6 keer: ");
    expect(r.stderr).toContain("(rijen 2, 3, 4, …)");
    expect(r.stderr.match(/waarschuwing:.*formuleteken/g)?.length).toBe(1);
    const json = await zaz(["validate", file, ...flags, "--json"]);
    const report = JSON.parse(json.stdout);
    expect(report.warnings.filter((w: { code: string }) => w.code === "formula-cell").length).toBe(6);
    expect(report.groups.warnings).toContainEqual(
      expect.objectContaining({ code: "formula-cell", count: 6, rows: [2, 3, 4] }),
    );
  });

  it("shows control characters in a value as escapes, never raw", async () => {
    const file = write(
      "bell.csv",
      [header, setField(lines[1], welkom, "Mee\u0007 eens\u001b[2J")].join("\r\n"),
    );
    const r = await zaz(["validate", file, ...flags]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Mee\\u0007 eens\\u001b[2J");
    expect(r.stderr.includes("\u0007") || r.stderr.includes("\u001b")).toBe(false);
  });
});

describe("header-level problems name the real cause", () => {
  it("an Excel workbook: says it is one and to save it as CSV", async () => {
    const xlsx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]),
      Buffer.from("[Content_Types].xml\0\0xl/workbook.xml"),
    ]);
    const r = await zaz(["ingest", write("antwoorden.xlsx", xlsx), ...flags, "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Excel-werkmap (.xlsx)");
    expect(r.stderr).toContain("CSV UTF-8");
    expect(r.stderr).not.toContain("instrument");
  });

  it("the wrong --delimiter: the delimiter found, not 'kies het juiste instrument'", async () => {
    const file = write("komma.csv", lines.slice(0, 4).join("\r\n"));
    const r = await zaz(["validate", file, ...flags, "--delimiter", ";"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("scheidingsteken");
    expect(r.stderr).toContain("--delimiter ','");
    expect(r.stderr).not.toContain("kies het juiste instrument");
  });

  it("a missing --map file is a Dutch error naming the path", async () => {
    const missing = join(dir, "bestaat-niet.koppeling.json");
    const r = await zaz(["validate", join(voorbeeld, source), ...flags, "--map", missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Koppelbestand niet gevonden of niet leesbaar: ${missing}`);
    expect(r.stderr).not.toContain("Onverwachte fout");
  });
});

describe("one count, one name", () => {
  it("ingest --json answersStored is what zaz imports shows for that import", async () => {
    // other submission times: new responses, so every row is stored (none skipped as known)
    const rows = lines.slice(1, 6).map((l, i) => setField(l, 0, `2026/11/0${i + 1} 10:00:00 AM GMT+1`));
    const file = write("tellen.csv", [header, ...rows].join("\r\n"));
    const r = await zaz(["ingest", file, ...flags, "--db", db, "--json"]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const summary = JSON.parse(r.stdout);
    const missing = summary.missing.weet_niet + summary.missing.nvt + summary.missing.leeg;
    expect(summary.responsesAdded).toBe(5);
    expect(summary.answersStored).toBe(summary.answers + missing);
    const imports = JSON.parse((await zaz(["imports", "--db", db, "--format", "json"])).stdout) as {
      id: string;
      answers: number;
      answersStored: number;
    }[];
    const record = imports.find((i) => i.id === summary.importId);
    expect(record?.answersStored).toBe(summary.answersStored);
    expect(record?.answers).toBe(summary.answersStored);
  });
});
