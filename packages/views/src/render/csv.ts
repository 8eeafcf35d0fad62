import { plainCellText as cellText, type PlainTable } from "./plain-table.js";

/**
 * CSV that opens correctly in Dutch Excel when asked: a UTF-8 BOM and ";" as separator. Cells that
 * a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading "'".
 */
export interface CsvOptions {
  delimiter?: "," | ";";
  /** a UTF-8 byte order mark, so Excel reads the accents right */
  bom?: boolean;
}

export function csvTable(table: PlainTable, options: CsvOptions = {}): string {
  const d = options.delimiter ?? ",";
  const line = (cells: string[]) => cells.map((c) => quote(neutralise(c), d)).join(d);
  const body = [
    line(table.columns.map((c) => c.title)),
    ...table.rows.map((r) =>
      line(
        table.columns.map((c) => {
          const v = r[c.key];
          // Numbers keep a decimal comma only with ";" (Dutch Excel); with "," they stay machine-readable.
          return typeof v === "number" && d === "," ? String(v) : cellText(v);
        }),
      ),
    ),
  ].join("\r\n");
  return `${options.bom ? "\uFEFF" : ""}${body}\r\n`;
}

export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+([.,]\d+)?$/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
