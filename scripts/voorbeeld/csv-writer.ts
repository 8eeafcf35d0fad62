import { once } from "node:events";
import { createWriteStream } from "node:fs";
import iconv from "iconv-lite";

export interface CsvFormat {
  delimiter: "," | ";" | "\t";
  encoding: "utf8" | "utf8-bom" | "win1252" | "utf16le-bom";
  newline: "\r\n" | "\n";
}

function quote(cell: string, d: string): string {
  return cell.includes(d) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes rows as CSV in the given dialect, streaming, with back-pressure. */
export class CsvWriter {
  private readonly out;
  constructor(
    path: string,
    private readonly format: CsvFormat,
  ) {
    this.out = createWriteStream(path);
    if (format.encoding === "utf8-bom") this.out.write(Buffer.from([0xef, 0xbb, 0xbf]));
    if (format.encoding === "utf16le-bom") this.out.write(Buffer.from([0xff, 0xfe]));
  }
  async row(cells: readonly string[]): Promise<void> {
    const text =
      cells.map((c) => quote(c, this.format.delimiter)).join(this.format.delimiter) + this.format.newline;
    const bytes =
      this.format.encoding === "win1252"
        ? iconv.encode(text, "win1252")
        : this.format.encoding === "utf16le-bom"
          ? Buffer.from(text, "utf16le")
          : Buffer.from(text, "utf8");
    if (!this.out.write(bytes)) await once(this.out, "drain");
  }
  async close(): Promise<void> {
    this.out.end();
    await once(this.out, "finish");
  }
}
