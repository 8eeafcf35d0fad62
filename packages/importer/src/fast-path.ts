import { type CsvCounts, type CsvFile, readsApart } from "@zaz/store";
import { distinctConversionBlocker, type IngestSession } from "@zaz/survey";
import type { ReadLayout } from "./open-export.js";

/** Which import path ran: DuckDB parsing the file, or the streaming JavaScript reader. */
export type ImportPath = "duckdb" | "stream";

/**
 * The file as DuckDB should read it, or why this export takes the streaming path: decided by
 * checks of what the reader found (encoding, header rows, empty lines, columns whose conversion
 * reads other cells), never by chance. Only UTF-8 is handed over; another encoding is read by the
 * streaming reader, which decodes it.
 */
export async function fastPathFile(
  path: string,
  layout: ReadLayout,
  profile: string,
  session: IngestSession,
  /** ZAZ_IMPORT_PATH: "stream" makes every import take the streaming path (tests compare the two) */
  asked: string | undefined,
): Promise<{ ok: true; file: CsvFile } | { ok: false; reason: string }> {
  if (asked === "stream") return { ok: false, reason: "asked" };
  if (layout.encoding !== "utf-8") return { ok: false, reason: "encoding" };
  if (layout.delimiter.length !== 1) return { ok: false, reason: "delimiter" };
  // rows the reader excludes or checks across columns (Qualtrics previews, unnamed columns)
  if (profile === "qualtrics") return { ok: false, reason: "profile" };
  if (layout.header.some((h) => h.trim() === "")) return { ok: false, reason: "unnamed-column" };
  // the first row of answers directly below the header rows, as DuckDB counts records
  if (layout.dataStartRow !== layout.headerRecords + 1) return { ok: false, reason: "leading-rows" };
  const blocker = distinctConversionBlocker(session.plan);
  if (blocker !== undefined) return { ok: false, reason: blocker };
  const apart = await readsApart(path, layout.delimiter);
  if (apart !== undefined) return { ok: false, reason: apart };
  return {
    ok: true,
    file: {
      path,
      delimiter: layout.delimiter,
      columns: layout.header.length,
      headerRecords: layout.headerRecords,
      firstRow: layout.dataStartRow,
      maxRecordChars: layout.maxRecordSize,
      head: layout.head,
    },
  };
}

/** The fast path's counts into the session's statistics, as the streaming path would have counted. */
export function countInto(session: IngestSession, counts: CsvCounts): void {
  session.stats.rowsRead = counts.rowsRead;
  session.stats.responses = counts.responses;
  session.stats.answers = counts.answers;
  session.stats.missing = { ...counts.missing };
}
