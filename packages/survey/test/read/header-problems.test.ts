import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type OpenCsvOptions, openCsv } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { allRows, fixtureDir, open, utf8 } from "./helpers.js";

const fixture = (name: string) => readFileSync(join(fixtureDir, name));

async function openErrors(bytes: Uint8Array, options: OpenCsvOptions = {}) {
  const opened = await openCsv(bytes, { file: "export.csv", ...options });
  if (opened.ok) throw new Error("expected openCsv to fail");
  return opened.errors;
}

describe("a column with answers but no header", () => {
  it("is an error once per column: its letter and the first row with data", async () => {
    const reader = await open(fixture("unnamed-column.csv"));
    const rows = await allRows(reader);
    expect(rows.length).toBe(3);
    expect(reader.problems.errors).toEqual([
      expect.objectContaining({ code: "unnamed-column", row: 3, column: "C", value: "Mee eens" }),
    ]);
    const [error] = reader.problems.errors;
    expect(error?.message).toContain("Kolom C heeft geen kop");
    expect(error?.hint).toContain('{"column": 3, "target": "item:…"}');
  });

  it("is fine when a mapping maps it by number, and when it is empty (Excel's stray columns)", async () => {
    const mapped = await open(fixture("unnamed-column.csv"));
    mapped.mapByPosition([2]);
    await allRows(mapped);
    expect(mapped.problems.ok).toBe(true);
    const empty = await open(utf8("Groep,Antwoord,\r\nGroep 5,Mee eens,\r\nGroep 6,Oneens, \r\n"));
    await allRows(empty);
    expect(empty.problems.ok).toBe(true);
  });
});

describe("files that are no CSV", () => {
  it.each([
    ["not-csv.xlsx", "Excel-werkmap (.xlsx)"],
    ["not-csv.pdf", "PDF-document"],
  ])("%s says what it is and to export CSV", async (name, what) => {
    const errors = await openErrors(fixture(name));
    expect(errors).toEqual([expect.objectContaining({ code: "not-csv", file: "export.csv" })]);
    expect(errors[0]?.message).toContain(what);
    expect(errors[0]?.message).not.toContain("instrument");
  });

  it("an old .xls (OLE) and plain binary data too", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(64).fill(0)]);
    expect((await openErrors(xls))[0]?.message).toContain("(.xls)");
    const binary = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 32);
    expect((await openErrors(binary))[0]).toMatchObject({ code: "not-csv" });
  });

  it("a web page saved instead of the export (a login page)", async () => {
    const errors = await openErrors(utf8("\n<!DOCTYPE html>\n<html><body>Log in</body></html>\n"));
    expect(errors[0]).toMatchObject({ code: "not-csv" });
    expect(errors[0]?.message).toContain("webpagina (HTML)");
  });

  it("UTF-16 text, with its zero bytes, is still text", async () => {
    const reader = await open(fixture("generic-utf16le-tab.txt"));
    expect(reader.encoding).toBe("utf-16le");
  });
});

describe("a header of one column above rows with another delimiter", () => {
  it("the wrong --delimiter: names the delimiter the rows use", async () => {
    const errors = await openErrors(
      utf8("Groep;Ik voel me welkom op school.;Opmerking\r\nGroep 5;Mee eens;prima\r\nGroep 6;Oneens;\r\n"),
      { delimiter: "," },
    );
    expect(errors).toEqual([expect.objectContaining({ code: "delimiter-mismatch", row: 1 })]);
    expect(errors[0]?.message).toContain("scheidingsteken");
    expect(errors[0]?.hint).toContain("--delimiter ';'");
  });

  it("a header written with another delimiter than the rows", async () => {
    const errors = await openErrors(fixture("delimiter-header-comma.csv"));
    expect(errors).toEqual([
      expect.objectContaining({ code: "delimiter-mismatch", row: 1, expected: "3 kolommen in de kopregel" }),
    ]);
    expect(errors[0]?.message).toContain("gescheiden door ;");
    expect(errors[0]?.message).toContain("de kopregel gebruikt ,");
  });

  it("a real one-column file is no mismatch", async () => {
    const reader = await open(utf8("Opmerking\r\nprima, echt\r\ngoed zo\r\n"));
    expect(reader.header).toEqual(["Opmerking"]);
  });
});
