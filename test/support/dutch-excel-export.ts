import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultInstrumentDir } from "@zaz/survey";
import { csvRecords } from "./csv-records.js";

/** The example Google Forms export of De Regenboog (autumn 2025), as rows of cells. */
function exampleRows(): string[][] {
  const path = join(
    defaultInstrumentDir(),
    "..",
    "voorbeeld",
    "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv",
  );
  return csvRecords(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
}

export interface DutchExcelOptions {
  /** header texts replaced, e.g. a column the proposal cannot place */
  rename?: Record<string, string>;
  /** [row as a spreadsheet counts it (header = 1), header of the column, value]: a broken cell */
  broken?: [row: number, column: string, value: string];
  /** answer rows kept (all when left out) */
  rows?: number;
  /** "utf8-bom" instead of Windows-1252 */
  encoding?: "cp1252" | "utf8-bom";
}

/**
 * The example export as Dutch Excel saves it ("CSV (gescheiden door lijstscheidingsteken)"):
 * semicolons, CRLF, Windows-1252 (its letters here are all Latin-1) or UTF-8 with a byte order mark.
 */
export function dutchExcelExport(options: DutchExcelOptions = {}): Buffer {
  const [header, ...body] = exampleRows();
  const rows = [header!.map((h) => options.rename?.[h] ?? h), ...body.slice(0, options.rows ?? body.length)];
  if (options.broken !== undefined) {
    const [row, column, value] = options.broken;
    const index = header!.indexOf(column);
    if (index < 0 || rows[row - 1] === undefined) throw new Error(`no cell ${column} in row ${row}`);
    rows[row - 1]![index] = value;
  }
  const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = `${rows.map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
  return options.encoding === "utf8-bom"
    ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])
    : Buffer.from(text, "latin1");
}
