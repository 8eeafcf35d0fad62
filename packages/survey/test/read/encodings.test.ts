import { openCsv } from "@zaz/survey";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { allRows, chunked, open, utf8 } from "./helpers.js";

const text = "Groep;Toelichting\r\nGroep 5;Café ‘één’ € 5 “prima”\r\n";
const expectedRow = { row: 2, fields: ["Groep 5", "Café ‘één’ € 5 “prima”"] };

describe("encodings", () => {
  it("reads UTF-8 with and without a byte order mark", async () => {
    const plain = await open(utf8(text));
    expect(await allRows(plain)).toEqual([expectedRow]);
    const bom = await open(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(bom.header[0]).toBe("Groep");
    expect(await allRows(bom)).toEqual([expectedRow]);
  });

  it("reads Windows-1252, where 0x80–0x9F are € ‘ ’ “ ”", async () => {
    // G r o e p ; T o e l i c h t i n g CR LF, then the row with é = E9, ‘ = 91, ’ = 92, € = 80, “ = 93, ” = 94
    const bytes = new Uint8Array([
      ...utf8("Groep;Toelichting\r\nGroep 5;Caf"),
      0xe9,
      0x20,
      0x91,
      0xe9,
      0xe9,
      0x6e,
      0x92,
      0x20,
      0x80,
      0x20,
      0x35,
      0x20,
      0x93,
      ...utf8("prima"),
      0x94,
      0x0d,
      0x0a,
    ]);
    // "één" in cp1252 is E9 E9 6E
    const reader = await open(bytes);
    expect(reader).toMatchObject({ encoding: "windows-1252", encodingGuessed: true });
    expect(await allRows(reader)).toEqual([expectedRow]);
  });

  it("reads UTF-16LE and UTF-16BE with a byte order mark", async () => {
    const le = new Uint8Array(iconv.encode(text, "utf-16le", { addBOM: true }));
    expect(await allRows(await open(le))).toEqual([expectedRow]);
    const be = new Uint8Array(iconv.encode(text, "utf-16be", { addBOM: true }));
    const reader = await open(chunked(be, 5));
    expect(reader.encoding).toBe("utf-16be");
    expect(await allRows(reader)).toEqual([expectedRow]);
  });

  it("reads UTF-16LE without a byte order mark", async () => {
    const reader = await open(new Uint8Array(Buffer.from(text, "utf16le")));
    expect(reader).toMatchObject({ encoding: "utf-16le", encodingGuessed: true });
    expect(await allRows(reader)).toEqual([expectedRow]);
  });

  it("lets the caller override the encoding", async () => {
    const bytes = new Uint8Array(iconv.encode(text, "win1252"));
    const reader = await open(bytes, { encoding: "cp1252" });
    expect(reader).toMatchObject({ encoding: "windows-1252", encodingGuessed: false });
    expect(await allRows(reader)).toEqual([expectedRow]);
  });

  it("reports Windows-1252 bytes after the sniffed sample as the wrong encoding", async () => {
    const lines = ["Groep;Toelichting"];
    for (let i = 0; i < 3000; i++) lines.push(`Groep ${i % 8};antwoord nummer ${i} zonder bijzondere tekens`);
    const head = utf8(`${lines.join("\r\n")}\r\n`);
    expect(head.length).toBeGreaterThan(64 * 1024);
    const tail = new Uint8Array([...utf8("Groep 5;caf"), 0xe9, 0x0d, 0x0a]);
    const reader = await open(chunked(new Uint8Array([...head, ...tail]), 8192));
    expect(reader.encoding).toBe("utf-8");
    const rows = await allRows(reader);
    expect(rows.length).toBe(3000);
    expect(reader.problems.errors).toEqual([
      expect.objectContaining({
        code: "wrong-encoding",
        row: 3002,
        column: "Toelichting",
        value: "caf\uFFFD",
      }),
    ]);
    expect(reader.problems.errors[0]?.hint).toContain("--encoding windows-1252");
  });
});

describe("opening", () => {
  it("follows Excel's sep= line and counts the header as row 1, as Excel shows it", async () => {
    const reader = await open(utf8("sep=|\r\nGroep|Antwoord, met komma\r\nGroep 5|ja, zeker\r\n"));
    expect(reader).toMatchObject({
      delimiter: "|",
      delimiterGuessed: false,
      header: ["Groep", "Antwoord, met komma"],
    });
    expect(await allRows(reader)).toEqual([{ row: 2, fields: ["Groep 5", "ja, zeker"] }]);
  });

  it("lets the caller override the delimiter", async () => {
    const reader = await open(utf8("a;b,c\n1;2,3\n"), { delimiter: "komma" });
    expect(reader.header).toEqual(["a;b", "c"]);
  });

  it("fails on a quote opened in the header and never closed", async () => {
    const opened = await openCsv(utf8('Groep,"Antwoord\nGroep 5,ja\n'), { file: "x.csv" });
    expect(opened.ok).toBe(false);
    if (!opened.ok)
      expect(opened.errors).toEqual([
        expect.objectContaining({ code: "unclosed-quote", row: 1, file: "x.csv" }),
      ]);
  });

  it("warns about a single column, since the delimiter may be missing", async () => {
    const opened = await openCsv(utf8("naam\nAnna\n"));
    expect(opened.ok && opened.warnings.map((w) => w.code)).toEqual(["single-column"]);
  });

  it("shares a problem collector with the caller", async () => {
    const { ProblemCollector } = await import("@zaz/survey");
    const problems = new ProblemCollector(10);
    const reader = await open(utf8("a,b\n1\n2,3\n"), { problems });
    await allRows(reader);
    expect(reader.problems).toBe(problems);
    expect(problems.errorCount).toBe(1);
  });
});
