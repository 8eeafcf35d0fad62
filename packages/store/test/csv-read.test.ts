import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuckDb } from "../src/duckdb/connection.js";
import {
  type CsvFile,
  numberedRecordsSql,
  orderedRecordsSql,
  plainHeaderLines,
  recordsSql,
} from "../src/duckdb/csv-read.js";
import { type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await dir.remove();
});

function csv(name: string, text: string, headerRecords = 1): CsvFile {
  const path = dir.file(name);
  writeFileSync(path, text);
  return {
    path,
    delimiter: ",",
    columns: 2,
    headerRecords,
    firstRow: headerRecords + 1,
    maxRecordChars: 1 << 20,
    head: [],
  };
}

describe("reading an export's records without their position", () => {
  const body = 'een,"twee\nregels"\ndrie,vier\n';
  const cases = [
    { name: "LF", text: `a,b\n${body}`, headerRecords: 1, lines: 1 },
    { name: "CRLF", text: `a,b\r\n${body.replaceAll("\n", "\r\n")}`, headerRecords: 1, lines: 1 },
    { name: "two header rows", text: `a,b\nA,B\n${body}`, headerRecords: 2, lines: 2 },
    {
      name: "a line break in a quoted header",
      text: `a,"b\nc"\n${body}`,
      headerRecords: 1,
      lines: undefined,
    },
  ];
  for (const c of cases)
    it(`gives the records numbering gives, header rows left out (${c.name})`, async () => {
      const file = csv(`${c.name}.csv`, c.text, c.headerRecords);
      const lines = await plainHeaderLines(file);
      expect(lines).toBe(c.lines);
      const db = await DuckDb.open(":memory:");
      try {
        const read = (sql: string) => db.all(`SELECT c0, c1 FROM ${sql}`);
        const numbered = await read(numberedRecordsSql(file, [0, 1]));
        expect(numbered.map((r) => r.c0)).toEqual(["een", "drie"]);
        expect(await read(recordsSql(file, [0, 1], lines))).toEqual(numbered);
        // skipped by records, not lines: a quoted line break in a header row does not end it
        expect(await read(orderedRecordsSql(file, ["c0", "c1"]))).toEqual(numbered);
      } finally {
        db.close();
      }
    });

  it("leaves a header that ends in a lone CR to numbering", async () => {
    // DuckDB may count lines otherwise than the reader: such a file is only read with numbers
    expect(await plainHeaderLines(csv("cr.csv", "a,b\reen,twee\r"))).toBeUndefined();
    expect(await plainHeaderLines(csv("cr-end.csv", "a,b\r"))).toBeUndefined();
  });
});
