import type { DuckDBAppender } from "@duckdb/node-api";
import type { SurveyResponse } from "@zaz/model";
import { FactsBuffer } from "../analysis/facts-encoder.js";
import { factsLayout } from "../analysis/facts-layout.js";
import { ConflictingResponsesError } from "../changed-responses.js";
import type { ImportOutcome, NewImport } from "../store.js";
import { ImportStatus } from "../store.js";
import { appendFacts } from "./append-facts.js";
import { appendAnswer, appendContext, appendResponse, discardAppender } from "./append-rows.js";
import { refuseChangedResponses, replaceChangedResponses } from "./changed-responses.js";
import { markNeedsCompaction } from "./compact.js";
import { type DuckDb, dropTempTable } from "./connection.js";
import { fillContentHashes } from "./content-hash.js";
import { bumpDataVersion } from "./data-version.js";
import { registerInstrument } from "./instruments.js";
import { insertEntities } from "./registry.js";
import { changedTable, removeDuplicates, startChangedResponses } from "./remove-duplicates.js";

const progressEvery = 1000;
/**
 * Appenders buffer rows outside DuckDB's memory_limit until they hold ~200k rows; handing them
 * over this often keeps that buffer small (measured: ~15 MB lower peak RSS, same speed).
 */
const flushEvery = 2000;

export async function hasImport(db: DuckDb, id: string): Promise<boolean> {
  return (await db.scalar("SELECT count(*) FROM imports WHERE id = $1 AND NOT pending", [id])) !== 0n;
}

/**
 * DuckDB writes an uncommitted table's rows to the file once they fill a row group (its
 * optimistic writer); after a rollback those blocks are free but their bytes remain.
 */
const rowGroupRows = 122_880;

export interface ChunkOptions {
  /** responses per committed chunk: large enough that commits cost little */
  chunkSize: number;
  /**
   * DuckDB's memory_limit while importing. Committed chunks leave nothing pinned, so appending
   * needs little; but the analysis table is wide (one block per column in an open row group and
   * in a checkpoint), and a checkpoint that cannot pin its blocks invalidates the database, so
   * this leaves room for it (32MB failed at 200,000 responses). The pool is the largest part of
   * the store's RSS.
   */
  memoryLimit: string;
}

export const defaultChunkOptions: ChunkOptions = { chunkSize: 50_000, memoryLimit: "96MB" };

/**
 * A chunk also ends at this many answers: a chunk's answers stay pinned until its commit, and
 * 50,000 observation forms of 196 items (9.8 million answers) did not fit where 50,000 parent
 * surveys of 34 (1.7 million) do.
 */
const chunkAnswerLimit = 2_000_000;

/**
 * One import, all or nothing, in committed chunks. DuckDB keeps uncommitted appended rows pinned
 * in memory, so a single transaction grows with the import; a chunk's commit releases them.
 * The import row says `pending` until the last chunk's transaction flips it, and readers skip
 * pending imports (pending-imports.ts), so the import becomes visible at once. Each chunk hashes
 * its responses' answers (content-hash.ts) and deletes its own duplicates before it commits, against
 * everything stored under lower ids, so the first occurrence of a key wins; a key stored with other
 * answers is a change: the import is refused, or (record.replaceChanged) the stored version is
 * deleted in the flip. Two versions of one response in the file refuse it too. On failure the open
 * chunk is rolled back; committed chunks stay pending, for the caller (or the next open, after a
 * kill) to remove with removePendingImports.
 */
export async function importResponses(
  db: DuckDb,
  record: NewImport,
  responses: AsyncIterable<SurveyResponse> | Iterable<SurveyResponse>,
  options: ChunkOptions = defaultChunkOptions,
  onProgress?: (n: number) => void,
): Promise<ImportOutcome> {
  if (await hasImport(db, record.id)) {
    return {
      status: ImportStatus.alreadyImported,
      importId: record.id,
      responsesAdded: 0,
      responsesSkipped: 0,
      answersAdded: 0,
      responsesReplaced: 0,
    };
  }
  if (!Number.isInteger(options.chunkSize) || options.chunkSize < 1)
    throw new Error(`chunkSize must be a whole number ≥ 1, got ${options.chunkSize}`);
  // Appending is single-threaded work; more DuckDB threads only add per-thread buffers.
  return db.withSetting("threads", "1", () =>
    db.withSetting("memory_limit", options.memoryLimit, () =>
      writeInChunks(db, record, responses, options.chunkSize, onProgress),
    ),
  );
}

async function writeInChunks(
  db: DuckDb,
  record: NewImport,
  responses: AsyncIterable<SurveyResponse> | Iterable<SurveyResponse>,
  chunkSize: number,
  onProgress: ((n: number) => void) | undefined,
): Promise<ImportOutcome> {
  // Only this connection writes (the store serialises its work, and removes any pending import
  // first), so ids above the current maximum are this import's own.
  const lastId = BigInt((await db.scalar("SELECT coalesce(max(id), 0)::BIGINT FROM responses")) as bigint);
  const appenders: DuckDBAppender[] = [];
  let inTransaction = false;
  // rows appended since the last commit, per table: whether a rollback leaves values in the file
  let uncommittedRows = 0;
  try {
    await db.run("BEGIN TRANSACTION");
    inTransaction = true;
    const instrumentKey = await registerInstrument(db, record.instrument);
    const layout = factsLayout(instrumentKey, record.instrument);
    await insertImportRecord(db, record, instrumentKey);
    await startChangedResponses(db);
    for (const table of ["responses", "response_context", "answers"]) {
      appenders.push(await db.connection.createAppender(table));
    }
    const [responseRows, contextRows, answerRows] = appenders as [
      DuckDBAppender,
      DuckDBAppender,
      DuckDBAppender,
    ];
    const importContext = Object.entries(record.context);
    const totals = { responses: 0, answers: 0, skipped: 0, skippedAnswers: 0, changed: 0 };
    let id = lastId;
    let chunkStart = lastId;
    let chunkContexts = 0;
    let chunkAnswers = 0;
    // The chunk's analysis rows, encoded as the responses pass (each response is in hand here),
    // written after the chunk's commit, in a transaction of their own, without its duplicates.
    const facts = new FactsBuffer(layout, Math.min(chunkSize, 50_000));
    const removedIds = new Set<bigint>();
    const fillCommitted = async () => {
      await appendFacts(db, facts, record.id, removedIds);
      facts.clear();
      removedIds.clear();
    };
    const endChunk = async () => {
      // Flushing hands the buffered rows to the open transaction; then this chunk's duplicates go.
      for (const appender of appenders) appender.flushSync();
      await fillContentHashes(db, record.instrument.id, chunkStart, id);
      const removedRows = await removeDuplicates(db, record.instrument.id, chunkStart, id, {
        importId: record.id,
      });
      if (removedRows.conflictCount > 0)
        throw new ConflictingResponsesError(
          record.fileName,
          removedRows.conflictCount,
          removedRows.conflicts,
        );
      totals.changed += removedRows.changed;
      totals.skipped += removedRows.responses;
      totals.skippedAnswers += removedRows.answers;
      for (const removed of removedRows.ids) removedIds.add(removed);
      chunkStart = id;
      chunkContexts = 0;
      chunkAnswers = 0;
    };
    for await (const response of responses) {
      id += 1n;
      appendResponse(
        responseRows,
        id,
        record.id,
        record.instrument.id,
        response.key,
        response.row,
        response.submittedAt,
      );
      // Flags fill in what the file does not say; a value in the file itself wins.
      for (const [dimension, value] of importContext) {
        if (!Object.hasOwn(response.context, dimension)) {
          appendContext(contextRows, id, dimension, value);
          chunkContexts += 1;
        }
      }
      for (const [dimension, value] of Object.entries(response.context)) {
        appendContext(contextRows, id, dimension, value);
        chunkContexts += 1;
      }
      let seq = 0;
      for (const answer of response.answers) appendAnswer(answerRows, id, seq++, answer);
      facts.push(id, response, { ...record.context, ...response.context });
      chunkAnswers += seq;
      totals.answers += seq;
      totals.responses += 1;
      uncommittedRows = Math.max(Number(id - chunkStart), chunkContexts, chunkAnswers);
      if (onProgress !== undefined && totals.responses % progressEvery === 0) onProgress(totals.responses);
      if (totals.responses % flushEvery === 0) for (const appender of appenders) appender.flushSync();
      if (id - chunkStart === BigInt(chunkSize) || chunkAnswers >= chunkAnswerLimit) {
        await endChunk();
        await db.run("COMMIT");
        inTransaction = false;
        uncommittedRows = 0;
        // The chunk's analysis rows, from what it stored (the import is still pending).
        await fillCommitted();
        await db.run("BEGIN TRANSACTION");
        inTransaction = true;
      }
    }
    await endChunk();
    for (let appender = appenders[0]; appender !== undefined; appender = appenders[0]) {
      appender.closeSync();
      appenders.shift();
    }
    onProgress?.(totals.responses);
    // Refused before the last commit: an import of one chunk then leaves nothing to clean up.
    if (totals.changed > 0 && record.replaceChanged !== true) await refuseChangedResponses(db, record);
    await db.run("COMMIT");
    inTransaction = false;
    uncommittedRows = 0;
    await fillCommitted();
    await db.run("BEGIN TRANSACTION");
    inTransaction = true;
    const responsesAdded = totals.responses - totals.skipped;
    const answersAdded = totals.answers - totals.skippedAnswers;
    // The flip: in one commit, the whole import (every chunk and its analysis rows) becomes visible.
    // rowsRead is read again now: a streaming caller knows it only after the last row.
    await db.run(
      "UPDATE imports SET responses = $1, answers = $2, rows_read = $3, pending = false WHERE id = $4",
      [responsesAdded, answersAdded, record.rowsRead, record.id],
    );
    // the stored versions of changed responses leave with the same commit that shows the new ones
    const responsesReplaced = totals.changed > 0 ? await replaceChangedResponses(db) : 0;
    // schools and boards this import registers become visible with it, or not at all
    await insertEntities(db, record.register ?? []);
    await bumpDataVersion(db);
    await db.run("COMMIT");
    inTransaction = false;
    return {
      status: ImportStatus.imported,
      importId: record.id,
      responsesAdded,
      responsesSkipped: totals.skipped,
      answersAdded,
      responsesReplaced,
    };
  } catch (error) {
    for (const appender of appenders) discardAppender(appender);
    // A failed statement can leave the transaction aborted; ROLLBACK then still ends it, and the
    // original error is the one worth reporting.
    if (inTransaction) await db.run("ROLLBACK").catch(() => undefined);
    if (uncommittedRows >= rowGroupRows) await markNeedsCompaction(db).catch(() => undefined);
    throw error;
  } finally {
    await dropTempTable(db, changedTable);
  }
}

export async function insertImportRecord(
  db: DuckDb,
  record: NewImport,
  instrumentKey: number,
): Promise<void> {
  await db.run(
    `INSERT INTO imports
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, CAST($7 AS TIMESTAMP), 0, 0, true, $8 FROM imports`,
    [
      record.id,
      record.fileName,
      record.instrument.id,
      record.instrument.version,
      record.profile,
      record.rowsRead,
      new Date().toISOString(),
      instrumentKey,
    ],
  );
  for (const [dimension, value] of Object.entries(record.context)) {
    await db.run("INSERT INTO import_context VALUES ($1, $2, $3)", [record.id, dimension, value]);
  }
}
