import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { allRows, chunked, open, utf8 } from "./helpers.js";

// Quoted line breaks, blank lines, bare-delimiter lines and all three line ends, to check that
// every record gets the row a spreadsheet shows it in: a multi-line answer stays in one row,
// a blank line is an (empty) row of its own.
const tricky = [
  "Groep;Antwoord;Opmerking\r\n",
  'Groep 5;Mee eens;"twee\r\nregels"\r\n', // row 2 (two lines)
  "\r\n", // 3: blank
  'Groep 6;Oneens;"drie\nregels\n"\n', // 4 (three lines)
  ";;\r", // 5: bare delimiters
  'Groep 7;"Mee ""eens""";café\r', // 6
  "\r\n", // 7: blank (after the CR that ended row 6)
  'Groep 8;Weet ik niet;"\r\n\r\n"', // 8, no line end at the very end
].join("");

describe("row numbers", () => {
  it("are spreadsheet rows: quoted line breaks stay in one row, blank lines count", async () => {
    const rows = await allRows(await open(utf8(tricky)));
    expect(rows.map((r) => [r.row, r.fields[0]])).toEqual([
      [2, "Groep 5"],
      [4, "Groep 6"],
      [6, "Groep 7"],
      [8, "Groep 8"],
    ]);
    expect(rows[2]?.fields).toEqual(["Groep 7", 'Mee "eens"', "café"]);
  });

  it("are the same whatever the chunk boundaries (inside characters, between CR and LF)", async () => {
    const bytes = utf8(tricky);
    const expected = (await allRows(await open(bytes))).map((r) => [r.row, ...r.fields]);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const rows = await allRows(await open(chunked(bytes, size)));
      expect(
        rows.map((r) => [r.row, ...r.fields]),
        `chunks of ${size}`,
      ).toEqual(expected);
    }
  });

  it("of a later error stay right after quoted line breaks", async () => {
    const reader = await open(utf8('a,b\n1,"x\ny"\n\n2,3,4\n'));
    await allRows(reader);
    // header 1, the two-line answer row 2, the blank line 3: the ragged row is row 4, as in Excel
    expect(reader.problems.errors[0]).toMatchObject({ code: "ragged-row", row: 4 });
  });
});

describe("streaming", () => {
  it("decodes UTF-16LE split at odd byte boundaries", async () => {
    const text = "Groep\tAntwoord\r\nGroep 5\tCafé ‘één’\r\n";
    const bytes = new Uint8Array(iconv.encode(text, "utf-16le", { addBOM: true }));
    const rows = await allRows(await open(chunked(bytes, 3)));
    expect(rows).toEqual([{ row: 2, fields: ["Groep 5", "Café ‘één’"] }]);
  });

  it("reads a file larger than the sniffing sample, in chunks, row by row", async () => {
    const n = 20_000;
    async function* generate(): AsyncGenerator<Uint8Array> {
      yield utf8("Tijdstempel;Groep;Antwoord\r\n");
      for (let i = 0; i < n; i += 1000) {
        let block = "";
        for (let k = i; k < i + 1000; k++) block += `2026-03-02;Groep ${(k % 8) + 1};"antwoord ${k}; ok"\r\n`;
        yield utf8(block);
      }
    }
    const reader = await open(generate());
    expect(reader).toMatchObject({ delimiter: ";", profile: "googleForms" });
    let count = 0;
    let last = 0;
    for await (const row of reader.rows()) {
      count++;
      last = row.row;
    }
    expect(count).toBe(n);
    expect(last).toBe(n + 1);
    expect(reader.problems.ok).toBe(true);
  });

  it("can stop early and be consumed only once", async () => {
    const reader = await open(utf8("a,b\n1,2\n3,4\n5,6\n"));
    for await (const row of reader.rows()) {
      expect(row.row).toBe(2);
      break;
    }
    await expect(async () => {
      for await (const _ of reader.rows()) {
        // consuming twice is a programmer error
      }
    }).rejects.toThrow(/once/);
  });
});

describe("releasing the source", () => {
  function tracked(text: string) {
    const state = { released: false, pulled: 0 };
    const bytes = utf8(text);
    const source: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]() {
        let at = 0;
        return {
          async next() {
            if (at >= bytes.length) return { done: true, value: undefined };
            state.pulled++;
            const chunk = bytes.subarray(at, at + 4);
            at += 4;
            return { done: false, value: chunk };
          },
          async return() {
            state.released = true;
            return { done: true, value: undefined };
          },
        };
      },
    };
    return { source, state };
  }

  it("happens when opening fails after reading has begun", async () => {
    const lines = ["a,a"];
    for (let i = 0; i < 40_000; i++) lines.push("1,2");
    const { source, state } = tracked(lines.join("\n"));
    const { openCsv } = await import("@zaz/survey");
    const opened = await openCsv(source);
    expect(opened.ok).toBe(false);
    expect(state.released).toBe(true);
  });

  it("happens when the reader is closed early", async () => {
    const lines = ["a,b"];
    for (let i = 0; i < 40_000; i++) lines.push("1,2");
    const { source, state } = tracked(lines.join("\n"));
    const reader = await open(source);
    await reader.close();
    expect(state.released).toBe(true);
  });
});
