/**
 * Where the streaming reader and DuckDB would read an export's records differently, found in its
 * bytes in one pass without parsing it: why the import then takes the streaming path, or
 * undefined. Each check is cautious: bytes inside a quoted answer may look the same, and such a
 * file takes the streaming path too.
 * - "empty-lines": an empty line before the last record. The reader counts it as a spreadsheet
 *   row and DuckDB skips it, so row numbers would differ. With CRLF as one line end, a line end
 *   followed by another shows as LF LF, LF CR or CR CR.
 * - "blank-beside-quote": blanks (spaces, tabs) between a quote and the edge of its field (a
 *   delimiter, a line end, the file's start or end), as in `"Eens"  ;` or `; "Eens"`. DuckDB drops
 *   the blanks and reads the quoted text; the reader keeps the field as written, quotes and all.
 * - "delimiter": a delimiter outside ASCII, which these byte checks cannot see.
 */
export async function readsApart(
  path: string,
  delimiter: string,
  /** bytes read at a time (tests make it small, to put a finding across two chunks) */
  chunkSize = 1024 * 1024,
): Promise<string | undefined> {
  const d = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || d > 127) return "delimiter";
  const { createReadStream } = await import("node:fs");
  const empty = new EmptyLines();
  const quotes = new BlankBesideQuote(d);
  for await (const chunk of createReadStream(path, { highWaterMark: chunkSize })) {
    const bytes = chunk as Buffer;
    if (empty.read(bytes)) return "empty-lines";
    if (quotes.read(bytes)) return "blank-beside-quote";
  }
  return quotes.end() ? "blank-beside-quote" : undefined;
}

const lf = 10;
const cr = 13;
const quote = 34;

/** An empty line, then any byte but a line end (only a record after it matters). */
class EmptyLines {
  private previous = -1;
  private found = false;

  read(bytes: Buffer): boolean {
    let from = 0;
    if (!this.found) {
      const at = firstEmptyLine(bytes, this.previous);
      this.previous = bytes[bytes.length - 1] ?? this.previous;
      if (at < 0) return false;
      this.found = true;
      from = at;
    }
    for (let i = from; i < bytes.length; i++) if (bytes[i] !== lf && bytes[i] !== cr) return true;
    return false;
  }
}

function firstEmptyLine(bytes: Buffer, previous: number): number {
  if (previous === lf && (bytes[0] === lf || bytes[0] === cr)) return 0;
  if (previous === cr && bytes[0] === cr) return 0;
  const found = [bytes.indexOf("\n\n"), bytes.indexOf("\n\r"), bytes.indexOf("\r\r")].filter((i) => i >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
}

/**
 * A quote with blanks between it and its field's edge. Across chunks it carries how the last one
 * ended: in an edge (or the file's start) and blanks, or in a quote and blanks.
 */
class BlankBesideQuote {
  /** blanks after the last edge, when only blanks followed it; -1 otherwise (0 at the file's start) */
  private edgeBlanks = 0;
  /** blanks after a quote that ended the chunk read so far; -1 otherwise */
  private quoteBlanks = -1;

  constructor(private readonly delimiter: number) {}

  private blank(b: number | undefined): boolean {
    return (b === 32 || b === 9) && b !== this.delimiter;
  }

  private edge(b: number | undefined): boolean {
    return b === this.delimiter || b === lf || b === cr;
  }

  read(bytes: Buffer): boolean {
    const n = bytes.length;
    // a quote (and blanks) at the end of the chunk before, blanks here, then an edge
    if (this.quoteBlanks >= 0) {
      let k = 0;
      while (k < n && this.blank(bytes[k])) k++;
      if (k < n && this.edge(bytes[k]) && this.quoteBlanks + k > 0) return true;
    }
    for (let i = bytes.indexOf(quote); i >= 0; i = bytes.indexOf(quote, i + 1)) {
      let h = i - 1;
      while (h >= 0 && this.blank(bytes[h])) h--;
      const before = i - 1 - h;
      if (h >= 0 ? before > 0 && this.edge(bytes[h]) : this.edgeBlanks >= 0 && this.edgeBlanks + before > 0)
        return true;
      let j = i + 1;
      while (j < n && this.blank(bytes[j])) j++;
      if (j < n && j > i + 1 && this.edge(bytes[j])) return true;
    }
    let t = 0;
    while (t < n && this.blank(bytes[n - 1 - t])) t++;
    if (t === n) {
      if (this.edgeBlanks >= 0) this.edgeBlanks += n;
      if (this.quoteBlanks >= 0) this.quoteBlanks += n;
    } else {
      const last = bytes[n - 1 - t];
      this.edgeBlanks = this.edge(last) ? t : -1;
      this.quoteBlanks = last === quote ? t : -1;
    }
    return false;
  }

  /** at the file's end: a quote and blanks last */
  end(): boolean {
    return this.quoteBlanks > 0;
  }
}
