import type { Problem } from "@zaz/model";
import { columnLetter } from "../read/column-letter.js";
import { ingestMessages as msg } from "./messages.js";

/** A header text that more than one column has, with those columns (0-based). */
export interface RepeatedHeader {
  header: string;
  indexes: number[];
}

/** How headers are compared for repeats: as the reader did, case and surrounding spaces aside. */
export function headerKey(header: string): string {
  return header.trim().toLowerCase();
}

/**
 * Headers that occur more than once. Observation forms repeat an item's wording on several forms,
 * so such an export is fine once a mapping file names those columns by number. Empty headers are
 * not names (Excel leaves them beside the data) and are left to the reader.
 */
export function repeatedHeaders(header: readonly string[]): RepeatedHeader[] {
  const byKey = new Map<string, RepeatedHeader>();
  header.forEach((h, index) => {
    const key = headerKey(h);
    if (key === "") return;
    const found = byKey.get(key);
    if (found) found.indexes.push(index);
    else byKey.set(key, { header: h.trim(), indexes: [index] });
  });
  return [...byKey.values()].filter((r) => r.indexes.length > 1);
}

/** "3 (C)": a column as a mapping file numbers it and as a spreadsheet user finds it. */
export function columnPlace(index: number): string {
  return `${index + 1} (${columnLetter(index)})`;
}

/** One error per repeated header that no mapping resolves, naming its columns and the fix. */
export function repeatedHeaderProblem(r: RepeatedHeader, file: string | undefined, row = 1): Problem {
  return {
    ...(file === undefined ? {} : { file }),
    row,
    column: r.header,
    value: r.header,
    code: "duplicate-header",
    message: msg.repeatedHeader(r.header, r.indexes.map(columnPlace)),
    hint: msg.repeatedHeaderHint(r.indexes[1] === undefined ? 2 : r.indexes[1] + 1),
  };
}
