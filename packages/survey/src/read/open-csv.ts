import type { Problem, Result } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import { ProblemCollector } from "../ingest/problem-collector.js";
import { readMessages as msg } from "../messages.js";
import { type ByteSource, peekBytes } from "./byte-source.js";
import { checkRecord, columnName } from "./check-record.js";
import { columnLetter } from "./column-letter.js";
import { type DecodeStats, decodeSample, decodeText } from "./decode-text.js";
import { type Delimiter, delimiterLabel, parseDelimiterName } from "./delimiter.js";
import { findDelimiterMismatch, headerDelimiter } from "./delimiter-mismatch.js";
import { detectEncoding } from "./detect-encoding.js";
import { detectProfile } from "./detect-profile.js";
import type { ExportProfile } from "./export-profile.js";
import type { MetadataRole } from "./metadata-role.js";
import { recogniseNotCsv } from "./not-csv-file.js";
import { type ParsedRecord, type ParseFailed, ParseFailure, parseRecords } from "./parse-records.js";
import { ReadProblemCode } from "./read-problem-code.js";
import { sniffDelimiter } from "./sniff-delimiter.js";
import { parseEncodingName, TextEncoding } from "./text-encoding.js";

export interface OpenCsvOptions {
  /** the file name, for problems */
  file?: string;
  /** overrides the detected encoding; any spelling parseEncodingName accepts */
  encoding?: string;
  /** overrides the sniffed delimiter: "," ";" "\t" "tab" "|" … */
  delimiter?: string;
  /** overrides the recognised export profile */
  profile?: ExportProfile;
  /** characters one record may have; default 1 MiB */
  maxRecordSize?: number;
  /** where row problems go; share one with the ingest stage to keep a single cap. Default: cap 50 */
  problems?: ProblemCollector;
  /**
   * true: a header that repeats is not an error here, because the caller checks it against a
   * mapping by column number (the ingest: see repeated-headers.ts). Default false.
   */
  allowRepeatedHeaders?: boolean;
}

/** One record of answers. */
export interface CsvRow {
  /** spreadsheet row where the record starts (header row = 1) */
  row: number;
  /** as many fields as the header has columns */
  fields: string[];
}

export interface CsvReader {
  file: string | undefined;
  encoding: TextEncoding;
  /** false when a byte order mark or the `encoding` option decided */
  encodingGuessed: boolean;
  delimiter: Delimiter;
  /** false when the `delimiter` option decided */
  delimiterGuessed: boolean;
  profile: ExportProfile;
  /** the header rows as found in the file (1 to 3) */
  headerRows: string[][];
  /** one header per column: the header rows combined (SurveyMonkey, Qualtrics) */
  header: string[];
  /** per column, the role of a column the survey tool adds; undefined for questions */
  roles: (MetadataRole | undefined)[];
  /** spreadsheet row of the first record of answers */
  dataStartRow: number;
  /** the most characters a record may hold (maxRecordSize): a longer one is an error */
  maxRecordSize: number;
  /** the rows of answers read with the header rows, their fields as parsed (before any check) */
  firstRows: string[][];
  /**
   * errors and warnings of the rows of answers, filled while `rows()` is consumed (problems of
   * opening — the header — are in the Result's warnings, not here)
   */
  problems: ProblemCollector;
  /**
   * The records of answers, streamed. Rows with problems are reported to `problems` and not
   * yielded; after the last row, `problems.ok` tells whether the whole file was sound.
   * Can be consumed once.
   */
  rows(): AsyncGenerator<CsvRow>;
  /** Stops reading early and releases the source. */
  close(): Promise<void>;
  /**
   * Columns a mapping file maps by number: an unnamed column among them may hold answers.
   * Call before `rows()`; any other column with data but no header is an error.
   */
  mapByPosition(columns: Iterable<number>): void;
}

const sampleSize = 64 * 1024;
const defaultMaxRecordSize = 1024 * 1024;
const defaultCap = 50;
/** Qualtrics writes three header rows; no tool writes more. */
const maxHeaderRows = 3;

type Item = ParsedRecord | ParseFailed;

/**
 * Opens a CSV export: detects the encoding, the delimiter and the survey tool, reads the header
 * row(s) and checks there is at least one row of answers. Fails on problems that make the whole
 * file unusable (empty, no answers, duplicate headers, unreadable header); problems of single rows
 * are collected while `rows()` is read.
 */
export async function openCsv(source: ByteSource, options: OpenCsvOptions = {}): Promise<Result<CsvReader>> {
  const file = options.file;
  const where = file !== undefined ? { file } : {};
  const warnings: Problem[] = [];

  let forcedEncoding: TextEncoding | undefined;
  if (options.encoding !== undefined) {
    forcedEncoding = parseEncodingName(options.encoding);
    if (forcedEncoding === undefined) {
      return fail([
        {
          code: ReadProblemCode.unknownEncoding,
          message: msg.unknownEncoding(options.encoding),
          value: options.encoding,
          expected: msg.encodingChoices,
        },
      ]);
    }
  }
  let forcedDelimiter: Delimiter | undefined;
  if (options.delimiter !== undefined) {
    forcedDelimiter = parseDelimiterName(options.delimiter);
    if (forcedDelimiter === undefined) {
      return fail([
        {
          code: ReadProblemCode.unknownDelimiter,
          message: msg.unknownDelimiter(options.delimiter),
          value: options.delimiter,
          expected: msg.delimiterChoices,
        },
      ]);
    }
  }

  const peeked = await peekBytes(source, sampleSize);
  const detected = detectEncoding(peeked.sample, peeked.complete);
  const encoding = forcedEncoding ?? detected.encoding;
  const decodedSample = decodeSample(peeked.sample, encoding).replace(/^\uFEFF/, "");
  const excelHint = excelSeparatorLine(decodedSample);
  const sampleText = decodedSample.slice(excelHint?.length ?? 0);
  const sniffed = sniffDelimiter(sampleText, peeked.complete);
  const delimiter = forcedDelimiter ?? excelHint?.delimiter ?? sniffed.delimiter;

  const maxRecordSize = options.maxRecordSize ?? defaultMaxRecordSize;
  const decodeStats: DecodeStats = { invalidSequences: 0 };
  const text = decodeText(peeked.chunks, encoding, decodeStats);
  // Excel hides its "sep=;" line and counts the header as row 1: so does the reader.
  const records = parseRecords(excelHint ? skipCharacters(text, excelHint.length) : text, {
    delimiter,
    maxRecordSize,
  });
  const failWith = async (errors: Problem[]): Promise<Result<CsvReader>> => {
    await records.return(undefined);
    return fail(errors, warnings);
  };

  // A workbook, PDF, web page or other binary file: say what it is, not what its garbled header lacks.
  const binary = recogniseNotCsv(
    peeked.sample,
    encoding === TextEncoding.utf16le || encoding === TextEncoding.utf16be,
  );
  if (binary !== undefined) {
    return failWith([
      {
        ...where,
        code: ReadProblemCode.notCsv,
        message: msg.notCsv(binary),
        expected: msg.csvText,
        hint: msg.notCsvHint(binary),
      },
    ]);
  }

  // The first records: header rows and, as the reader must promise at least one, a row of answers.
  const head: ParsedRecord[] = [];
  let failure: ParseFailed | undefined;
  while (head.length < maxHeaderRows) {
    const next = await nextNonBlank(records);
    if (next === undefined) break;
    if (next.kind === "failure") {
      failure = next;
      break;
    }
    head.push(next);
  }
  if (head.length === 0 && failure === undefined) {
    return failWith([
      { ...where, code: ReadProblemCode.emptyFile, message: msg.emptyFile, hint: msg.emptyFileHint },
    ]);
  }

  const detection = detectProfile(
    head.map((r) => r.fields),
    options.profile,
  );
  const headerRecords = head.slice(0, detection.headerRowCount);
  const buffered = head.slice(detection.headerRowCount);
  const header = detection.header;
  const context = {
    ...where,
    header,
    delimiter,
    encoding,
    decodeFailed: () => decodeStats.invalidSequences > 0,
    mixedEncoding: () => detected.mixed === true || decodeStats.validNonAscii === true,
    // --encoding windows-1252 is the way out when this check misreads genuine Windows-1252 text.
    findUtf8: forcedEncoding === undefined && encoding === TextEncoding.windows1252,
  };

  if (failure !== undefined && headerRecords.length < detection.headerRowCount) {
    return failWith([failureProblem(failure, header, maxRecordSize, file)]);
  }
  const headerErrors: Problem[] = [];
  for (const record of headerRecords) {
    const checked = checkRecord(record.fields, record.row, {
      ...context,
      header: headerRecords[0]?.fields ?? [],
    });
    headerErrors.push(...checked.errors);
    warnings.push(...checked.warnings);
  }
  if (options.allowRepeatedHeaders !== true)
    headerErrors.push(...duplicateHeaders(header, headerRecords[0]?.row ?? 1, file));
  if (headerErrors.length > 0) return failWith(headerErrors);

  if (buffered.length === 0) {
    if (failure === undefined) {
      const next = await nextNonBlank(records);
      if (next?.kind === "record") buffered.push(next);
      else if (next?.kind === "failure") failure = next;
    }
    if (failure !== undefined) return failWith([failureProblem(failure, header, maxRecordSize, file)]);
    if (buffered.length === 0) {
      return failWith([
        { ...where, code: ReadProblemCode.noRows, message: msg.noRows, hint: msg.noRowsHint },
      ]);
    }
  }

  const mismatch = findDelimiterMismatch(sampleText, peeked.complete, header.length);
  if (mismatch !== undefined) {
    const headerLine = sampleText.split(/\r\n|\n|\r/, 1)[0] ?? "";
    const other = headerDelimiter(headerLine);
    return failWith([
      {
        ...where,
        row: headerRecords[0]?.row ?? 1,
        code: ReadProblemCode.delimiterMismatch,
        ...(mismatch.found !== delimiter
          ? {
              message: msg.delimiterMismatch(
                delimiterLabel(delimiter),
                delimiterLabel(mismatch.found),
                mismatch.columns,
              ),
              hint: msg.delimiterMismatchHint(delimiterLabel(mismatch.found)),
            }
          : {
              message: msg.headerDelimiterMismatch(
                delimiterLabel(mismatch.found),
                mismatch.columns,
                other === undefined ? undefined : delimiterLabel(other),
              ),
              hint: msg.headerDelimiterMismatchHint(delimiterLabel(mismatch.found)),
            }),
        value: visibleHeader(headerLine),
        expected: msg.delimiterColumns(mismatch.columns),
      },
    ]);
  }

  if (forcedDelimiter === undefined && excelHint === undefined && sniffed.fallback && header.length === 1) {
    warnings.push({
      ...where,
      code: ReadProblemCode.singleColumn,
      message: msg.singleColumn,
      hint: msg.singleColumnHint,
    });
  }

  const problems = options.problems ?? new ProblemCollector(defaultCap);
  let consumed = false;
  // Columns without a header: answers in them would be dropped unseen (the data decides, so the
  // check runs on the rows, once per column, at the first row with data in it).
  const unnamed = new Set<number>();
  header.forEach((h, i) => {
    if (h.trim() === "") unnamed.add(i);
  });

  async function* rows(): AsyncGenerator<CsvRow> {
    if (consumed) throw new Error("CsvReader.rows() can be consumed only once");
    consumed = true;
    const check = (record: ParsedRecord): CsvRow | undefined => {
      const checked = checkRecord(record.fields, record.row, context);
      for (const p of checked.warnings) problems.warning(p);
      for (const p of checked.errors) problems.error(p);
      if (checked.fields === undefined) return undefined;
      if (unnamed.size > 0) {
        for (const i of unnamed) {
          const value = checked.fields[i] ?? "";
          if (value.trim() === "") continue;
          unnamed.delete(i);
          problems.error(unnamedColumnProblem(i, record.row, value, file));
        }
      }
      return { row: record.row, fields: checked.fields };
    };
    try {
      for (const record of buffered) {
        const row = check(record);
        if (row) yield row;
      }
      buffered.length = 0;
      if (failure !== undefined) {
        problems.error(failureProblem(failure, header, maxRecordSize, file));
        return;
      }
      for (;;) {
        const next = await nextNonBlank(records);
        if (next === undefined) return;
        if (next.kind === "failure") {
          problems.error(failureProblem(next, header, maxRecordSize, file));
          return;
        }
        const row = check(next);
        if (row) yield row;
      }
    } finally {
      await records.return(undefined);
    }
  }

  return ok(
    {
      file,
      encoding,
      encodingGuessed: forcedEncoding === undefined && detected.guessed,
      delimiter,
      delimiterGuessed: forcedDelimiter === undefined && excelHint === undefined,
      profile: detection.profile,
      headerRows: headerRecords.map((r) => r.fields),
      header,
      roles: detection.roles,
      dataStartRow: buffered[0]?.row ?? 1 + detection.headerRowCount,
      maxRecordSize,
      firstRows: buffered.map((r) => [...r.fields]),
      problems,
      rows,
      close: async () => {
        await records.return(undefined);
      },
      mapByPosition: (columns) => {
        for (const i of columns) unnamed.delete(i);
      },
    },
    warnings,
  );
}

/** The header line as a value in a problem: short, a tab shown as such. */
function visibleHeader(line: string): string {
  const shown = line.replaceAll("\t", "\\t");
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

/** Excel's first line "sep=;" names the delimiter; it is not part of the data. */
function excelSeparatorLine(text: string): { delimiter: Delimiter; length: number } | undefined {
  const match = /^sep=(.)(\r\n|\n|\r)/i.exec(text);
  const delimiter = match?.[1] !== undefined ? parseDelimiterName(match[1]) : undefined;
  return match && delimiter ? { delimiter, length: match[0].length } : undefined;
}

/** The text without its first `count` characters. */
async function* skipCharacters(text: AsyncIterable<string>, count: number): AsyncGenerator<string> {
  let left = count;
  for await (const chunk of text) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.slice(left) : chunk;
    left = 0;
  }
}

/** The next record that is not blank: Excel leaves rows of bare delimiters (";;;;") after the data. */
async function nextNonBlank(records: AsyncGenerator<Item>): Promise<Item | undefined> {
  for (;;) {
    const next = await records.next();
    if (next.done) return undefined;
    const item = next.value;
    if (item.kind === "failure" || item.fields.some((f) => f.trim() !== "")) return item;
  }
}

function failureProblem(
  failure: ParseFailed,
  header: readonly string[],
  maxRecordSize: number,
  file?: string,
): Problem {
  const where = { ...(file !== undefined ? { file } : {}), row: failure.row };
  const column = failure.fieldIndex !== undefined ? columnName(header, failure.fieldIndex) : undefined;
  const inColumn = column !== undefined ? { column } : {};
  switch (failure.failure) {
    case ParseFailure.unclosedQuote:
      return {
        ...where,
        ...inColumn,
        code: ReadProblemCode.unclosedQuote,
        message: msg.unclosedQuote(column ?? "?"),
        expected: msg.closingQuote,
        hint: msg.unclosedQuoteHint,
      };
    case ParseFailure.recordTooLarge:
      return {
        ...where,
        code: ReadProblemCode.recordTooLarge,
        message: msg.recordTooLarge(maxRecordSize),
        hint: msg.recordTooLargeHint,
      };
    default:
      return {
        ...where,
        ...inColumn,
        code: ReadProblemCode.parseError,
        message: msg.parseError(failure.detail),
        hint: msg.parseErrorHint,
      };
  }
}

function unnamedColumnProblem(index: number, row: number, value: string, file?: string): Problem {
  const letter = columnLetter(index);
  return {
    ...(file !== undefined ? { file } : {}),
    row,
    column: letter,
    value: value.length > 80 ? `${value.slice(0, 80)}…` : value,
    code: ReadProblemCode.unnamedColumn,
    message: msg.unnamedColumn(letter, row),
    expected: msg.unnamedColumnExpected,
    hint: msg.unnamedColumnHint(letter, index + 1),
  };
}

function duplicateHeaders(header: readonly string[], row: number, file?: string): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  header.forEach((h, index) => {
    const key = h.trim().toLowerCase();
    // Empty headers are not names: Excel adds them for stray cells beside the data.
    if (key === "") return;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    problems.push({
      ...(file !== undefined ? { file } : {}),
      row,
      column: h,
      value: h,
      code: ReadProblemCode.duplicateHeader,
      message: msg.duplicateHeader(h.trim(), columnLetter(earlier), columnLetter(index)),
      hint: msg.duplicateHeaderHint,
    });
  });
  return problems;
}
