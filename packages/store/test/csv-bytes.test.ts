import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readsApart } from "../src/duckdb/csv-bytes.js";
import { type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await dir.remove();
});

async function apart(text: string, delimiter = ";", chunkSize?: number): Promise<string | undefined> {
  const path = dir.file("export.csv");
  writeFileSync(path, text);
  return readsApart(path, delimiter, chunkSize);
}

/** what readsApart looks for, by regular expressions over the whole text */
function expected(text: string, delimiter: string): Set<string> {
  const d = delimiter === "\t" ? "\\t" : delimiter;
  const blank = delimiter === "\t" ? " " : " \\t";
  const found = new Set<string>();
  if (/(\n\n|\n\r|\r\r)[\s\S]*[^\r\n]/.test(text)) found.add("empty-lines");
  const beside = new RegExp(`(^|[${d}\\r\\n])[${blank}]+"|"[${blank}]+($|[${d}\\r\\n])`);
  if (beside.test(text)) found.add("blank-beside-quote");
  return found;
}

describe("where the reader and DuckDB would read an export apart, by its bytes", () => {
  it("finds blanks between a quote and its field's edge, on either side", async () => {
    expect(await apart('a;"Eens"  ;b\n')).toBe("blank-beside-quote");
    expect(await apart('a; "Eens";b\n')).toBe("blank-beside-quote");
    expect(await apart('a;"Eens"\t\r\nb;c\r\n')).toBe("blank-beside-quote");
    expect(await apart('  "Eens";b\n')).toBe("blank-beside-quote");
    expect(await apart('a;"Eens"  ')).toBe("blank-beside-quote");
    // blanks inside the quotes, or text between the quote and the blanks, are the reader's and DuckDB's alike
    expect(await apart('a;"  Eens  ";b\n')).toBeUndefined();
    expect(await apart('a;12" scherm ;b\n')).toBeUndefined();
    expect(await apart('a;"Eens";"Oneens"\n')).toBeUndefined();
  });

  it("with a tab as the delimiter, a tab beside a quote is the field's edge", async () => {
    expect(await apart('a\t"Eens"\tb\n', "\t")).toBeUndefined();
    expect(await apart('a\t"Eens" \tb\n', "\t")).toBe("blank-beside-quote");
  });

  it("finds an empty line before a record, not at the end", async () => {
    expect(await apart("a;b\r\n\r\nc;d\r\n")).toBe("empty-lines");
    expect(await apart("a;b\r\nc;d\r\n\r\n\r\n")).toBeUndefined();
  });

  it("leaves a delimiter outside ASCII to the streaming path", async () => {
    expect(await apart("a§b\n", "§")).toBe("delimiter");
  });

  it("finds the same in chunks of any size as in the whole text", async () => {
    // a small seeded generator over the bytes that matter
    let seed = 20261201;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['"', '"', " ", "\t", ";", "\n", "\r", "a", "a"];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: random(24) }, () => alphabet[random(alphabet.length)]).join("");
      const delimiter = i % 5 === 0 ? "\t" : ";";
      const want = expected(text, delimiter);
      for (const chunkSize of [1, 2, 3, 7, 1024]) {
        const got = await apart(text, delimiter, chunkSize);
        const shown = `${JSON.stringify(text)} in chunks of ${chunkSize}`;
        if (want.size === 0) expect(got, shown).toBeUndefined();
        else expect(want.has(got ?? ""), `${shown}: ${got} not in ${[...want]}`).toBe(true);
      }
    }
  });
});
