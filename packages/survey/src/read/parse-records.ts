import { pipeline, Readable } from "node:stream";
import type { CsvError } from "csv-parse";
import type { Delimiter } from "./delimiter.js";

export interface ParsedRecord {
  kind: "record";
  /**
   * spreadsheet row (1-based) of the record, as Excel shows it: one row per record — a
   * multi-line answer stays in one row — and one per empty line
   */
  row: number;
  fields: string[];
}

export const ParseFailure = {
  unclosedQuote: "unclosed-quote",
  recordTooLarge: "record-too-large",
  other: "parse-error",
} as const;
export type ParseFailure = (typeof ParseFailure)[keyof typeof ParseFailure];

/** The parse cannot go on past this point: csv-parse does not resynchronise after a quote error. */
export interface ParseFailed {
  kind: "failure";
  failure: ParseFailure;
  /** row where the failing record starts */
  row: number;
  /** index of the field being read when it failed */
  fieldIndex?: number;
  detail: string;
}

export interface ParseOptions {
  delimiter: Delimiter;
  /** characters in one record */
  maxRecordSize: number;
}

/**
 * Parses decoded text into records with csv-parse's streaming parser, numbering them as a
 * spreadsheet does: record n (empty lines included, as Excel shows them as empty rows) is row n,
 * however many line breaks its quoted answers hold. CRLF, LF and CR line ends may be mixed;
 * fully empty lines are skipped but counted. The DuckDB path numbers rows the same way.
 */
export async function* parseRecords(
  text: AsyncIterable<string>,
  options: ParseOptions,
): AsyncGenerator<ParsedRecord | ParseFailed> {
  // A parse error arrives through on_skip, in step with the records: an error event would
  // discard the records csv-parse has parsed but this loop has not read yet.
  let pending: { error: CsvError; records: number } | undefined;
  // loaded on first use, so commands that read no CSV start without it
  const { parse } = await import("csv-parse");
  const parser = parse({
    delimiter: options.delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    // A quote inside an unquoted answer (12" scherm) is text, as Excel reads it.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: options.maxRecordSize,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (pending === undefined && error) pending = { error, records: numberOr(error.records, 0) };
      // Nothing after the first error can be trusted: csv-parse does not resynchronise.
      return undefined;
    },
  });
  // Errors of the source surface through the parser; the callback only has to exist.
  const source = holdBackCarriageReturn(text);
  pipeline(Readable.from(source), parser, () => {});
  let read = 0;
  const failed = (error: CsvError): ParseFailed => {
    const index = numberOr(error.index, -1);
    return {
      kind: "failure",
      failure: failureOf(error.code),
      row: 1 + read + numberOr(error.empty_lines, 0),
      ...(index >= 0 ? { fieldIndex: index } : {}),
      detail: error.message,
    };
  };
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number } }>) {
      if (pending !== undefined && read >= pending.records) break;
      const fields = item.record;
      yield { kind: "record", row: 1 + read + item.info.empty_lines, fields };
      read++;
    }
    if (pending !== undefined) yield failed(pending.error);
  } finally {
    parser.destroy();
    // Close the chain of sources now, not when the stream gets round to it: releases the file.
    await source.return(undefined);
  }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

function failureOf(code: string): ParseFailure {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return ParseFailure.unclosedQuote;
    case "CSV_MAX_RECORD_SIZE":
      return ParseFailure.recordTooLarge;
    default:
      return ParseFailure.other;
  }
}

/**
 * A chunk ending in "\r" may be half of a "\r\n"; keeping it for the next chunk makes sure
 * csv-parse never sees the pair split (it would count an extra, empty line).
 */
async function* holdBackCarriageReturn(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = "";
  for await (const chunk of chunks) {
    const text = carry + chunk;
    if (text.endsWith("\r")) {
      carry = "\r";
      if (text.length > 1) yield text.slice(0, -1);
    } else {
      carry = "";
      if (text !== "") yield text;
    }
  }
  if (carry !== "") yield carry;
}
