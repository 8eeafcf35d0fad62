import { type Delimiter, delimiters } from "./delimiter.js";
import { fieldCounts, sniffDelimiter } from "./sniff-delimiter.js";

export interface DelimiterMismatch {
  /** the delimiter that splits the rows of answers */
  found: Delimiter;
  /** columns the rows have with it */
  columns: number;
  /** whether the header itself is split by `found` (false: the header uses another one, or none) */
  headerAgrees: boolean;
}

/**
 * A header of one column above rows that plainly have more, split by some delimiter: the wrong
 * --delimiter, or a header written with another delimiter than the rows. Without this the
 * header would be one unknown column and every row ragged, and the user would be told to pick
 * another instrument. "Plainly": the header splits into the same number of columns, or every
 * sampled row (at least two) has that number.
 */
export function findDelimiterMismatch(
  sampleText: string,
  complete: boolean,
  headerWidth: number,
): DelimiterMismatch | undefined {
  if (headerWidth !== 1) return undefined;
  const lineEnd = /\r\n|\n|\r/.exec(sampleText);
  if (lineEnd === null) return undefined;
  const headerLine = sampleText.slice(0, lineEnd.index);
  const rest = sampleText.slice(lineEnd.index + lineEnd[0].length);
  const rows = sniffDelimiter(rest, complete);
  if (rows.fallback || rows.fieldCount < 2) return undefined;
  const counts = fieldCounts(rest, rows.delimiter, complete);
  const headerAgrees = fieldCounts(headerLine, rows.delimiter, true)[0] === rows.fieldCount;
  const consistent = counts.length >= 2 && counts.every((c) => c === rows.fieldCount);
  if (!headerAgrees && !consistent) return undefined;
  return { found: rows.delimiter, columns: rows.fieldCount, headerAgrees };
}

/** The delimiter that splits a header line into more than one column, if any. */
export function headerDelimiter(headerLine: string): Delimiter | undefined {
  return delimiters.find((d) => (fieldCounts(headerLine, d, true)[0] ?? 1) > 1);
}
