import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Problem, Result } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import { openCsv, ProblemCollector, type RowSource } from "@zaz/survey";
import { ImportFileError, importerMessages as msg } from "./messages.js";

export interface OpenedExport {
  source: RowSource;
  profile: string;
  /** the collector the reader reports row problems to; hand it on to the ingest */
  problems: ProblemCollector;
  size: number;
  /** how the reader read the file, for the DuckDB fast path (fast-path.ts) */
  layout: ReadLayout;
  readBytes(): number;
  close(): Promise<void>;
  /** columns a mapping file maps by number: an unnamed column among them may hold answers */
  mapByPosition(columns: Iterable<number>): void;
}

/** What the reader sniffed: the fast path has DuckDB read the file the same way. */
export interface ReadLayout {
  encoding: string;
  delimiter: string;
  header: readonly string[];
  headerRecords: number;
  dataStartRow: number;
  /** the reader's limit on a record's characters */
  maxRecordSize: number;
  /** the file's first records as the reader parsed them: the header rows, then rows of answers */
  head: string[][];
}

/** The content hash that identifies an import: SHA-256 over the file's bytes, streamed. */
export async function fileHash(path: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    // in 1 MiB chunks: the default 64 KiB took twice as long (0.13 s for an 83 MiB export)
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }))
      hash.update(chunk as Buffer);
  } catch (error) {
    throw notReadable(path, error);
  }
  return hash.digest("hex");
}

function notReadable(path: string, error: unknown, message = msg.fileNotFound): Error {
  if (
    error instanceof Error &&
    "code" in error &&
    (error.code === "ENOENT" || error.code === "EISDIR" || error.code === "EACCES")
  ) {
    return new ImportFileError(message(path), { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Opens an export file for streaming: counts bytes for the progress bar, problems go to one collector. */
export async function openExport(
  path: string,
  options: { encoding?: string; delimiter?: string },
  file: string,
  /** true for exports checked against a mapping by column number (ingest, map); not for rosters */
  allowRepeatedHeaders = false,
): Promise<Result<OpenedExport>> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw notReadable(path, error);
  }
  let read = 0;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream) {
      read += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  const problems = new ProblemCollector();
  const opened = await openCsv(counted(), {
    file,
    problems,
    allowRepeatedHeaders,
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined
      ? {}
      : { delimiter: options.delimiter === "tab" ? "\t" : options.delimiter }),
  });
  if (!opened.ok) {
    stream.destroy();
    return fail(opened.errors, opened.warnings);
  }
  const reader = opened.value;
  const warnings: Problem[] = [...opened.warnings];
  return ok(
    {
      source: { header: reader.header, roles: reader.roles, rows: () => reader.rows() },
      profile: reader.profile,
      problems,
      size,
      layout: {
        encoding: reader.encoding,
        delimiter: reader.delimiter,
        header: reader.header,
        headerRecords: reader.headerRows.length,
        dataStartRow: reader.dataStartRow,
        maxRecordSize: reader.maxRecordSize,
        head: [...reader.headerRows, ...reader.firstRows],
      },
      readBytes: () => read,
      close: () => reader.close(),
      mapByPosition: (columns) => reader.mapByPosition(columns),
    },
    warnings,
  );
}
