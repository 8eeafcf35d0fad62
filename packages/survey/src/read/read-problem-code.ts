/** The codes of the problems the reader reports. */
export const ReadProblemCode = {
  emptyFile: "empty-file",
  noRows: "no-rows",
  singleColumn: "single-column",
  notCsv: "not-csv",
  delimiterMismatch: "delimiter-mismatch",
  unnamedColumn: "unnamed-column",
  duplicateHeader: "duplicate-header",
  raggedRow: "ragged-row",
  nulByte: "nul-byte",
  wrongEncoding: "wrong-encoding",
  mixedEncoding: "mixed-encoding",
  replacementCharacter: "replacement-character",
  unclosedQuote: "unclosed-quote",
  recordTooLarge: "record-too-large",
  parseError: "parse-error",
  unknownEncoding: "unknown-encoding",
  unknownDelimiter: "unknown-delimiter",
} as const;
export type ReadProblemCode = (typeof ReadProblemCode)[keyof typeof ReadProblemCode];

export function isReadProblemCode(value: unknown): value is ReadProblemCode {
  return typeof value === "string" && (Object.values(ReadProblemCode) as string[]).includes(value);
}
