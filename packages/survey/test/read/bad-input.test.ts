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

describe("inputs rejected when opening", () => {
  it("an empty file", async () => {
    const errors = await openErrors(fixture("bad-empty.csv"));
    expect(errors).toEqual([expect.objectContaining({ code: "empty-file", file: "export.csv" })]);
    expect(errors[0]?.hint).toBeTruthy();
  });

  it("a file of blank lines and bare delimiters only", async () => {
    const errors = await openErrors(utf8("\r\n;;;\r\n\r\n"));
    expect(errors.map((e) => e.code)).toEqual(["empty-file"]);
  });

  it("a header without answers: no-rows", async () => {
    const errors = await openErrors(fixture("bad-header-only.csv"));
    expect(errors).toEqual([
      expect.objectContaining({ code: "no-rows", message: expect.stringContaining("geen antwoorden") }),
    ]);
  });

  it("a SurveyMonkey export with both header rows and no answers", async () => {
    const bytes = utf8("Respondent ID,Collector ID,Vraag\n,,Response\n");
    expect((await openErrors(bytes)).map((e) => e.code)).toEqual(["no-rows"]);
  });

  it("duplicate headers, naming both columns", async () => {
    const errors = await openErrors(fixture("bad-duplicate-headers.csv"));
    expect(errors).toEqual([
      expect.objectContaining({ code: "duplicate-header", row: 1, column: "opmerking", value: "opmerking" }),
    ]);
    expect(errors[0]?.message).toContain("Kolom C en kolom E");
  });

  it("an unclosed quote in the first row of answers, with the row and column where it opens", async () => {
    const errors = await openErrors(utf8('Groep,Antwoord\n\nGroep 5,"Mee eens\nGroep 6,Oneens\n'));
    expect(errors).toEqual([expect.objectContaining({ code: "unclosed-quote", row: 3, column: "Antwoord" })]);
  });

  it("a zip file (an .xlsx workbook) is named as such, not read as a header with NUL characters", async () => {
    const errors = await openErrors(
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x2c, 0x41, 0x0a, 0x31, 0x2c, 0x32]),
    );
    expect(errors[0]).toMatchObject({ code: "not-csv" });
  });

  it("NUL characters in a text header", async () => {
    const errors = await openErrors(utf8("Gr\u0000oep,Antwoord\nGroep 5,Mee eens\n"));
    expect(errors[0]).toMatchObject({ code: "nul-byte", row: 1 });
  });

  it("an unknown encoding or delimiter option", async () => {
    expect((await openErrors(utf8("a,b\n1,2\n"), { encoding: "ebcdic" }))[0]).toMatchObject({
      code: "unknown-encoding",
      value: "ebcdic",
    });
    expect((await openErrors(utf8("a,b\n1,2\n"), { delimiter: ":" }))[0]).toMatchObject({
      code: "unknown-delimiter",
    });
  });
});

describe("problems in rows, collected while reading", () => {
  it("ragged rows: too many and too few fields, each with its row and the expected count", async () => {
    const reader = await open(fixture("bad-ragged.csv"));
    const rows = await allRows(reader);
    expect(rows.map((r) => r.row)).toEqual([2, 5]);
    expect(reader.problems.errors).toEqual([
      expect.objectContaining({
        code: "ragged-row",
        file: "export.csv",
        row: 3,
        column: "D",
        value: "4 velden",
        expected: "3 velden",
      }),
      expect.objectContaining({ code: "ragged-row", row: 4, value: "2 velden", expected: "3 velden" }),
    ]);
    expect(reader.problems.errors[0]?.hint).toContain("(;)");
  });

  it("tolerates empty extra fields at the end of a row (Excel pads them)", async () => {
    const reader = await open(utf8("a;b\r\n1;2;;\r\n3;4\r\n"));
    const rows = await allRows(reader);
    expect(rows.map((r) => r.fields)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(reader.problems.ok).toBe(true);
  });

  it("a NUL character in an answer", async () => {
    const reader = await open(fixture("bad-nul.csv"));
    const rows = await allRows(reader);
    expect(rows.length).toBe(1);
    expect(reader.problems.errors).toEqual([
      expect.objectContaining({ code: "nul-byte", row: 3, column: "Antwoord", value: "Mee\\0eens" }),
    ]);
    expect(reader.problems.errors[0]?.message).toContain("geen tekstbestand");
  });

  it("an unclosed quote further down, at the row where the quote opens", async () => {
    const reader = await open(fixture("bad-unclosed-quote.csv"));
    const rows = await allRows(reader);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(reader.problems.errors).toEqual([
      expect.objectContaining({ code: "unclosed-quote", row: 3, column: "Antwoord" }),
    ]);
  });

  it("keeps text after a closing quote as it is, rather than losing the row", async () => {
    const reader = await open(utf8('a,b\n1,2\n3,"x"y\n4,12" scherm\n'));
    const rows = await allRows(reader);
    expect(rows.map((r) => r.fields[1])).toEqual(["2", '"x"y', '12" scherm']);
    expect(reader.problems.ok).toBe(true);
  });

  it("a record larger than the maximum", async () => {
    const big = "x".repeat(200);
    const reader = await open(utf8(`a,b\n1,2\n3,"${big}"\n4,5\n`), { maxRecordSize: 100 });
    await allRows(reader);
    expect(reader.problems.errors).toEqual([expect.objectContaining({ code: "record-too-large", row: 3 })]);
  });

  it("a Windows-1252 file forced to UTF-8: replacement characters, with row, column and the fix", async () => {
    const reader = await open(fixture("microsoft-forms-nl-excel.csv"), { encoding: "utf-8" });
    expect(reader.encoding).toBe("utf-8");
    const rows = await allRows(reader);
    expect(rows).toEqual([]);
    const first = reader.problems.errors[0];
    expect(first).toMatchObject({ code: "wrong-encoding", row: 2, column: "Wat kost de ouderbijdrage u?" });
    expect(first?.hint).toContain("--encoding windows-1252");
    expect(reader.problems.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "Wat kost de ouderbijdrage u?"],
      [2, "Toelichting"],
      [3, "Wat kost de ouderbijdrage u?"],
      [3, "Toelichting"],
      [4, "Wat kost de ouderbijdrage u?"],
      [4, "Toelichting"],
    ]);
  });

  it("a U+FFFD written in a valid UTF-8 file is a warning, not an encoding error", async () => {
    const reader = await open(utf8("a,b\n1,caf\uFFFD\n"));
    await allRows(reader);
    expect(reader.problems.ok).toBe(true);
    expect(reader.problems.warnings).toEqual([
      expect.objectContaining({ code: "replacement-character", row: 2, column: "b" }),
    ]);
  });

  it("keeps the first 50 errors and counts the rest", async () => {
    const lines = ["a;b"];
    for (let i = 0; i < 120; i++) lines.push(i % 2 === 0 ? "1;2;3" : "1;2");
    const reader = await open(utf8(lines.join("\n")));
    const rows = await allRows(reader);
    expect(rows.length).toBe(60);
    expect(reader.problems.errors.length).toBe(50);
    expect(reader.problems.errorCount).toBe(60);
    expect(reader.problems.errors[49]?.row).toBe(100);
  });
});
