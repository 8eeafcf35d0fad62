import { sqlString } from "./connection.js";

/**
 * How DuckDB reads an export for the fast import path: every field as text, the delimiter and
 * header rows the JavaScript reader sniffed (never DuckDB's own guesses), strict quoting, and no
 * row skipped or padded — a file DuckDB would read differently from the reader is rejected, and the
 * import then takes the streaming path.
 */
export interface CsvFile {
  path: string;
  delimiter: string;
  /** fields per record (the header's columns) */
  columns: number;
  /** records before the first row of answers (the header rows) */
  headerRecords: number;
  /** spreadsheet row of the first row of answers */
  firstRow: number;
  /** the streaming reader's limit on a record's characters: it rejects a longer one */
  maxRecordChars: number;
  /**
   * The file's first records as the streaming reader parsed them (the header rows, then the rows of
   * answers it read with them): DuckDB must read the same, or the file takes the streaming path.
   */
  head: readonly (readonly string[])[];
}

/**
 * DuckDB reads the file in buffers of this size, each thread its own: its default (32 MiB) would
 * fill the import's whole memory limit. A record longer than max_line_size is rejected (the
 * streaming reader then reports it: its own limit is 1 MiB).
 */
const bufferSize = 4 * 1024 * 1024;
const maxLineSize = 2 * 1024 * 1024;

/** DuckDB's name of field `index` in `readCsvSql` */
export function field(index: number): string {
  return `c${index}`;
}

/**
 * read_csv over the file with explicit settings; fields are c0, c1 … (NULL for an empty field).
 * `skip` lines are skipped before the first record is read.
 */
export function readCsvSql(file: CsvFile, skip = 0): string {
  const columns = Array.from({ length: file.columns }, (_, i) => `'${field(i)}': 'VARCHAR'`).join(", ");
  return `read_csv(${sqlString(file.path)}, header = false, auto_detect = false, all_varchar = true,
    delim = ${sqlString(file.delimiter)}, quote = '"', escape = '"', strict_mode = true,
    null_padding = false, ignore_errors = false, encoding = 'utf-8', columns = {${columns}},
    buffer_size = ${bufferSize}, max_line_size = ${maxLineSize}${skip > 0 ? `, skip = ${skip}` : ""})`;
}

/**
 * The records of answers in the file's order, as `select` items over the raw fields, read on every
 * core: `skip` counts records (a quoted line break does not end one), and with insertion order
 * preserved a table created from them keeps that order, so its rowid numbers them (rowid 0 is
 * the first record of answers). No row_number(), which numbers the records in one stream on one
 * core.
 */
export function orderedRecordsSql(file: CsvFile, select: readonly string[]): string {
  return `(SELECT ${select.join(", ")} FROM ${readCsvSql(file, file.headerRecords)})`;
}

/**
 * The records of answers with their position, as `select` items over the raw fields (c0, c1 …;
 * a plain field number selects that field): `rn` is 1 for the first record after the header rows.
 * ROW_NUMBER() OVER () streams and follows the file's order (insertion order is preserved). A part
 * ends in a LIMIT, which stops the scan after its last record (a million-response file's four
 * parts: 8.4 → 6.9 s).
 */
export function numberedRecordsSql(
  file: CsvFile,
  select: readonly (string | number)[],
  /** only the records with from < rn <= to */
  part?: { from: number; to: number },
): string {
  const items = select.map((s) => (typeof s === "number" ? field(s) : s));
  const range = part === undefined ? "" : ` AND rn > ${part.from} AND rn <= ${part.to}`;
  return `(SELECT * FROM (SELECT row_number() OVER () - ${file.headerRecords} AS rn${items.map((s) => `, ${s}`).join("")}
    FROM ${readCsvSql(file)}) WHERE rn >= 1${range}${part === undefined ? "" : ` LIMIT ${part.to - part.from}`})`;
}

/**
 * The characters JavaScript's String.prototype.trim removes: DuckDB's trim(s, chars) with these
 * trims exactly as the streaming path does.
 */
export const jsWhitespace =
  "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** The same characters as a character class of DuckDB's regular expressions (RE2) */
export const jsWhitespaceClass =
  "[\\t\\n\\x0b\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]";

/** SQL: `expression` trimmed as JavaScript trims */
export function jsTrimSql(expression: string): string {
  return `trim(${expression}, ${sqlString(jsWhitespace)})`;
}
