import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectEncoding } from "@zaz/survey";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { allRows, chunked, fixtureDir, open, utf8 } from "./helpers.js";

/** Enough plain rows to push what follows past the 64 KiB the encoding is sniffed on. */
function filler(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(`Groep ${i % 8};antwoord nummer ${i} zonder bijzondere tekens`);
  return `${lines.join("\r\n")}\r\n`;
}

describe("one stray Windows-1252 byte in a UTF-8 file", () => {
  it("in the sniffed part: read as UTF-8, the row with the byte rejected with row and column", async () => {
    const bytes = readFileSync(join(fixtureDir, "mixed-encoding.csv"));
    expect(detectEncoding(bytes)).toMatchObject({ encoding: "utf-8", mixed: true });
    const reader = await open(bytes);
    expect(reader.encoding).toBe("utf-8");
    const rows = await allRows(reader);
    // No "CafÃ©": the other rows are read as the UTF-8 they are.
    expect(rows.map((r) => r.fields[1])).toEqual(["Café met één tip", "’s ochtends beter", "geen opmerking"]);
    expect(reader.problems.errors).toEqual([
      expect.objectContaining({
        code: "mixed-encoding",
        row: 4,
        column: "Toelichting",
        value: "caf\uFFFD du coin",
      }),
    ]);
    expect(reader.problems.errors[0]?.hint).toContain("CSV UTF-8");
    expect(reader.problems.errors[0]?.hint).not.toContain("--encoding windows-1252");
  });

  it("after the sniffed part, in a file with UTF-8 text before it: a mixed encoding too", async () => {
    const head = utf8(`Groep;Toelichting\r\nGroep 1;één\r\n${filler(3000)}`);
    expect(head.length).toBeGreaterThan(64 * 1024);
    const bytes = new Uint8Array([...head, ...utf8("Groep 5;caf"), 0xe9, 0x0d, 0x0a]);
    const reader = await open(chunked(bytes, 8192));
    await allRows(reader);
    expect(reader.problems.errors).toEqual([
      expect.objectContaining({ code: "mixed-encoding", row: 3003, column: "Toelichting" }),
    ]);
  });

  it("UTF-8 after a sniffed part that looked like Windows-1252: rejected, never stored as mojibake", async () => {
    // The first 64 KiB: ASCII and one Windows-1252 byte, so the file is taken as Windows-1252 …
    const head = new Uint8Array([
      ...utf8("Groep;Toelichting\r\nGroep 1;caf"),
      0xe9,
      ...utf8(`\r\n${filler(3000)}`),
    ]);
    // … and then UTF-8 text, which Windows-1252 would show as "Ã©Ã©n".
    const bytes = new Uint8Array([...head, ...utf8("Groep 5;één ‘tip’\r\nGroep 6;prima\r\n")]);
    const reader = await open(chunked(bytes, 8192));
    expect(reader.encoding).toBe("windows-1252");
    const rows = await allRows(reader);
    expect(rows.some((r) => r.fields.some((f) => f.includes("Ã")))).toBe(false);
    expect(reader.problems.errors).toEqual([
      expect.objectContaining({
        code: "mixed-encoding",
        row: 3003,
        column: "Toelichting",
        value: "Ã©Ã©n â€˜tipâ€™",
      }),
    ]);
  });

  it("--encoding windows-1252 is the way out when the text really is Windows-1252", async () => {
    const bytes = new Uint8Array(iconv.encode("Groep;Toelichting\r\nGroep 1;Ã© is geen é\r\n", "win1252"));
    const guessed = await open(bytes);
    await allRows(guessed);
    expect(guessed.problems.errors[0]).toMatchObject({ code: "mixed-encoding", row: 2 });
    const forced = await open(bytes, { encoding: "windows-1252" });
    expect((await allRows(forced)).map((r) => r.fields[1])).toEqual(["Ã© is geen é"]);
    expect(forced.problems.ok).toBe(true);
  });
});

describe("a file in Windows-1252 throughout", () => {
  it("imports as before: every accent, curly quote and euro sign", async () => {
    const text = `Groep;Toelichting\r\nGroep 5;Café ‘één’ € 5 “prima” — ëïü\r\n${filler(3000)}Groep 6;Ça va, même à 10°\r\n`;
    const bytes = new Uint8Array(iconv.encode(text, "win1252"));
    const reader = await open(chunked(bytes, 8192));
    expect(reader.encoding).toBe("windows-1252");
    const rows = await allRows(reader);
    expect(reader.problems.errors).toEqual([]);
    expect(rows[0]?.fields[1]).toBe("Café ‘één’ € 5 “prima” — ëïü");
    expect(rows.at(-1)?.fields[1]).toBe("Ça va, même à 10°");
  });

  it("the Dutch Excel fixture still reads without problems", async () => {
    const reader = await open(readFileSync(join(fixtureDir, "microsoft-forms-nl-excel.csv")));
    await allRows(reader);
    expect(reader.encoding).toBe("windows-1252");
    expect(reader.problems.ok).toBe(true);
  });
});
