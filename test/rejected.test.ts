import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "@zaz/store";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { csvField, csvLine } from "./support/csv-records.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * Every kind of bad input is rejected with an error that names its row and column, and the
 * database is exactly as before — the fixtures are small variations on a real-looking export.
 */
const source = "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv";
const flags = ["--instrument", "ouderpopulatie", "--school", "De Regenboog", "--wave", "2025-najaar"];
const lines = readFileSync(join(voorbeeld, source), "utf8").split("\r\n").slice(0, 8);
const header = lines[0] ?? "";
const welkomColumn = "Als ouder word ik op school vriendelijk ontvangen.";

/** Replaces field `index` (0-based) of a CSV line, for lines without quoted commas before it. */
function setField(line: string, index: number, value: string): string {
  const fields = csvLine(line);
  fields[index] = value;
  return fields.map((f) => csvField(f)).join(",");
}
const headers = csvLine(header);
const welkom = headers.indexOf(welkomColumn);

interface Case {
  name: string;
  content: Buffer | string;
  row?: number;
  column?: string;
  code?: string;
  args?: string[];
}

const cases: Case[] = [
  {
    name: "unknown Likert label",
    content: [header, lines[1], setField(lines[2] ?? "", welkom, "Mee eenss"), lines[3]].join("\r\n"),
    row: 3,
    column: welkomColumn,
    code: "unknown-label",
  },
  {
    name: "cell starting with = in a Likert column",
    content: [header, lines[1], lines[2], setField(lines[3] ?? "", welkom, "=1+1")].join("\r\n"),
    row: 4,
    column: welkomColumn,
    code: "unknown-label",
  },
  {
    name: "too many fields",
    content: [header, lines[1], `${lines[2]},extra`, lines[3]].join("\r\n"),
    row: 3,
  },
  {
    name: "too few fields",
    content: [header, lines[1], lines[2], (lines[3] ?? "").split(",").slice(0, 5).join(",")].join("\r\n"),
    row: 4,
  },
  {
    name: "duplicate headers",
    content: [`${header},Klas`, `${lines[1]},3`].join("\r\n"),
    row: 1,
    column: "Klas",
  },
  { name: "empty file", content: "" },
  { name: "header only", content: `${header}\r\n` },
  {
    name: "NUL bytes",
    content: Buffer.concat([
      Buffer.from(`${[header, lines[1]].join("\r\n")}\r\n`),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from(lines[2] ?? ""),
    ]),
    row: 3,
  },
  {
    name: "unclosed quote",
    content: [header, lines[1], lines[2]?.replace(/,Groep/, ',"Groep'), lines[3]].join("\r\n"),
    row: 3,
  },
  {
    name: "wrong encoding (Windows-1252 read as UTF-8)",
    content: iconv.encode(
      [
        header,
        lines[1],
        setField(lines[2] ?? "", headers.length - 1, "Prima school, één tip: méér info"),
      ].join("\r\n"),
      "win1252",
    ),
    args: ["--encoding", "utf-8"],
    row: 3,
  },
];

async function databaseState(db: string): Promise<string> {
  const store = await openStore(db);
  try {
    const imports = await store.listImports();
    const responses = await store.selectResponses({ instrumentId: "ouderpopulatie" });
    return JSON.stringify({ imports, responses });
  } finally {
    await store.close();
  }
}

describe("rejected exports", () => {
  const dir = tempDir();
  let db = "";
  let before = "";

  beforeAll(async () => {
    db = await newTestDatabase(dir, "zaz.duckdb");
    const seed = await zaz(["ingest", join(voorbeeld, source), ...flags, "--nieuwe-school", "--db", db]);
    expect(seed.code, seed.stderr).toBe(0);
    before = await databaseState(db);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    "%s: error names row and column, database unchanged",
    async (name, c) => {
      const file = join(dir, `${name.replace(/\W+/g, "-")}.csv`);
      writeFileSync(file, c.content);
      const r = await zaz(["ingest", file, ...flags, ...(c.args ?? []), "--db", db, "--json"]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const report = JSON.parse(r.stdout) as {
        ok: boolean;
        errors: { row?: number; column?: string; code: string; file?: string }[];
      };
      expect(report.ok).toBe(false);
      expect(report.errors.length).toBeGreaterThan(0);
      const first = report.errors[0];
      if (c.row !== undefined) expect(first?.row, JSON.stringify(report.errors)).toBe(c.row);
      if (c.column !== undefined) expect(first?.column, JSON.stringify(report.errors)).toBe(c.column);
      if (c.code !== undefined) expect(first?.code).toBe(c.code);
      expect(await databaseState(db)).toBe(before);

      const text = await zaz(["ingest", file, ...flags, ...(c.args ?? []), "--db", db]);
      expect(text.code).toBe(1);
      expect(text.stderr).toContain("Er is niets opgeslagen; de database is ongewijzigd.");
    },
  );

  it("validate reports the same problems and never writes", async () => {
    const file = join(dir, "validate.csv");
    writeFileSync(file, [header, lines[1], setField(lines[2] ?? "", welkom, "Mee eenss")].join("\r\n"));
    const r = await zaz(["validate", file, ...flags]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("rij 3");
    expect(r.stderr).toContain('bedoelde u "Mee eens"?');
    expect(await databaseState(db)).toBe(before);
  });
});
