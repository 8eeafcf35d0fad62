import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuckDb } from "../src/duckdb/connection.js";
import { type CsvFile, numberedRecordsSql, orderedRecordsSql } from "../src/duckdb/csv-read.js";
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

describe("reading an export's records in order, without their position", () => {
  const body = 'een,"twee\nregels"\ndrie,vier\n';
  const cases = [
    { name: "LF", text: `a,b\n${body}`, headerRecords: 1 },
    { name: "CRLF", text: `a,b\r\n${body.replaceAll("\n", "\r\n")}`, headerRecords: 1 },
    { name: "lone CR", text: `a,b\r${body.replaceAll("\n", "\r")}`, headerRecords: 1 },
    { name: "two header rows", text: `a,b\nA,B\n${body}`, headerRecords: 2 },
    { name: "two header rows, lone CR", text: `a,b\rA,B\r${body.replaceAll("\n", "\r")}`, headerRecords: 2 },
    { name: "a line break in a quoted header", text: `a,"b\nc"\n${body}`, headerRecords: 1 },
  ];
  for (const c of cases)
    it(`gives the records numbering gives, header rows left out (${c.name})`, async () => {
      const file = csv(`${c.name}.csv`, c.text, c.headerRecords);
      const db = await DuckDb.open(":memory:");
      try {
        const read = (sql: string) => db.all(`SELECT c0, c1 FROM ${sql}`);
        const numbered = await read(numberedRecordsSql(file, [0, 1]));
        expect(numbered.map((r) => r.c0)).toEqual(["een", "drie"]);
        // skipped by records, not lines: a quoted line break in a header row does not end it
        expect(await read(orderedRecordsSql(file, ["c0", "c1"]))).toEqual(numbered);
      } finally {
        db.close();
      }
    });

  it("gives no records for a header alone, as numbering does", async () => {
    const db = await DuckDb.open(":memory:");
    try {
      for (const text of ["a,b\r", "a,b\n"]) {
        const file = csv("header.csv", text);
        const read = (sql: string) => db.all(`SELECT c0, c1 FROM ${sql}`);
        expect(await read(orderedRecordsSql(file, ["c0", "c1"]))).toEqual([]);
        expect(await read(numberedRecordsSql(file, [0, 1]))).toEqual([]);
      }
    } finally {
      db.close();
    }
  });
});
