import type { Problem } from "@zaz/model";
import { readMessages as msg } from "../messages.js";
import { columnLetter } from "./column-letter.js";
import { decodeSample } from "./decode-text.js";
import { type Delimiter, delimiterLabel } from "./delimiter.js";
import { ReadProblemCode } from "./read-problem-code.js";
import type { TextEncoding } from "./text-encoding.js";

export interface RecordContext {
  file?: string;
  /** one header per column; its length is the number of fields every row must have */
  header: readonly string[];
  delimiter: Delimiter;
  encoding: TextEncoding;
  /** whether decoding has met bytes invalid in the encoding: then U+FFFD means the wrong encoding */
  decodeFailed: () => boolean;
  /** whether the text also holds valid non-ASCII characters: then a bad byte means mixed encodings */
  mixedEncoding?: () => boolean;
  /**
   * the encoding is a guessed Windows-1252: look for UTF-8 read as Windows-1252 ("CafÃ©"),
   * which would otherwise be stored as garbled text without a word
   */
  findUtf8?: boolean;
}

/**
 * Mixed encodings are rejected, row by row, not kept with a warning: keeping "valid UTF-8"
 * would store a guessed or replaced character (U+FFFD) in an answer nobody checked, and an
 * import is all or nothing. The error names the row and column, so the user fixes one cell
 * and saves the file as CSV UTF-8.
 */
let utf8AsWindows1252: RegExp | undefined;
function utf8AsWindows1252Pattern(): RegExp {
  // The bytes 0x80–0xBF (UTF-8 continuation bytes) as Windows-1252 shows them.
  const continuation = [
    ...decodeSample(
      Uint8Array.from({ length: 64 }, (_, i) => 0x80 + i),
      "windows-1252",
    ),
  ]
    .filter((c) => c !== "\uFFFD")
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .join("");
  // Lead bytes C2–C5 (Â Ã Ä Å: Latin-1 letters, nbsp, °, Turkish ı ş ğ) and E2 (â: ’ “ ” – … €)
  // followed by continuation bytes: the common UTF-8 characters of Dutch, English and Turkish.
  // Genuine Windows-1252 text practically never has "Ã" or "â€" before such a character.
  utf8AsWindows1252 ??= new RegExp(`[\\u00c2-\\u00c5][${continuation}]|\\u00e2[${continuation}]{2}`);
  return utf8AsWindows1252;
}

export interface CheckedRecord {
  /** the fields to use, undefined when the record has errors */
  fields: string[] | undefined;
  errors: Problem[];
  warnings: Problem[];
}

/** The header a user sees above column `index`, or its spreadsheet letter where there is none. */
export function columnName(header: readonly string[], index: number): string {
  const h = header[index]?.trim();
  return h ? h : columnLetter(index);
}

/**
 * Checks one record against the header: the number of fields, NUL characters (binary data or
 * the wrong encoding) and U+FFFD (bytes the encoding could not read, or — a warning — text that
 * was damaged before the export). Returns the fields to use — trailing empty extra fields, which
 * Excel sometimes writes, are dropped — or the errors.
 */
export function checkRecord(fields: readonly string[], row: number, context: RecordContext): CheckedRecord {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const at = (p: Omit<Problem, "file" | "row">): Problem => ({
    ...(context.file !== undefined ? { file: context.file } : {}),
    row,
    ...p,
  });
  const expected = context.header.length;
  let width = fields.length;
  while (width > expected && fields[width - 1] === "") width--;
  if (width !== expected) {
    const more = width > expected;
    problems.push(
      at({
        code: ReadProblemCode.raggedRow,
        message: more ? msg.tooManyFields(width, expected) : msg.tooFewFields(width, expected),
        value: msg.fieldCount(width),
        expected: msg.fieldCount(expected),
        hint: more ? msg.tooManyFieldsHint(delimiterLabel(context.delimiter)) : msg.tooFewFieldsHint,
        ...(more ? { column: columnName(context.header, expected) } : {}),
      }),
    );
  }
  for (let i = 0; i < width; i++) {
    const field = fields[i]!;
    if (field.includes("\u0000")) {
      const column = columnName(context.header, i);
      problems.push(
        at({
          code: ReadProblemCode.nulByte,
          message: msg.nulByte(column),
          column,
          value: visible(field),
          hint: msg.nulByteHint,
        }),
      );
    } else if (context.findUtf8 && utf8AsWindows1252Pattern().test(field)) {
      const column = columnName(context.header, i);
      problems.push(
        at({
          code: ReadProblemCode.mixedEncoding,
          message: msg.utf8InWindows1252(column),
          column,
          value: short(field),
          expected: msg.oneEncoding,
          hint: msg.utf8InWindows1252Hint,
        }),
      );
    } else if (field.includes("\uFFFD")) {
      const column = columnName(context.header, i);
      if (!context.decodeFailed()) {
        warnings.push(
          at({
            code: ReadProblemCode.replacementCharacter,
            message: msg.damagedText(column),
            column,
            value: short(field),
          }),
        );
        continue;
      }
      if (context.encoding === "utf-8" && context.mixedEncoding?.()) {
        problems.push(
          at({
            code: ReadProblemCode.mixedEncoding,
            message: msg.notUtf8InUtf8(column),
            column,
            value: short(field),
            expected: msg.oneEncoding,
            hint: msg.mixedEncodingHint,
          }),
        );
        continue;
      }
      problems.push(
        at({
          code: ReadProblemCode.wrongEncoding,
          message: msg.replacementCharacter(column, context.encoding),
          column,
          value: short(field),
          expected: msg.validText,
          hint: msg.replacementCharacterHint(context.encoding),
        }),
      );
    }
  }
  if (problems.length > 0) return { fields: undefined, errors: problems, warnings };
  return { fields: width === fields.length ? [...fields] : fields.slice(0, width), errors: [], warnings };
}

function short(field: string): string {
  return field.length > 80 ? `${field.slice(0, 80)}…` : field;
}

/** NUL characters are invisible in a terminal; show them as \0 and keep the value short. */
function visible(field: string): string {
  return short(field.replaceAll("\u0000", "\\0"));
}
