import { type FactsLayout, factsLayout } from "../analysis/facts-layout.js";
import { quoteIdent } from "../analysis/sql-dialect.js";
import { ConflictingResponsesError } from "../changed-responses.js";
import type { ImportOutcome, NewImport } from "../store.js";
import { ImportStatus } from "../store.js";
import { refuseChangedResponses, replaceChangedResponses } from "./changed-responses.js";
import { markNeedsCompaction } from "./compact.js";
import { DuckDb, dropTempTable, sqlString } from "./connection.js";
import { fillContentHashes } from "./content-hash.js";
import { rowContentHash } from "./csv-content-hash.js";
import {
  type Converted,
  type CsvConversion,
  type CsvCounts,
  convertDistinct,
  variableCounts,
} from "./csv-conversion.js";
import type { CsvFile } from "./csv-read.js";
import { fileRecords, type Records, withContextsBuilt } from "./csv-records.js";
import {
  answersSql,
  factDimsSql,
  factsSql,
  itemGroups,
  keyFieldsSql,
  keySql,
  responseIdSql,
  rowFunctions,
} from "./csv-sql.js";
import { codedCellsSql, contextLookup, stageLayout, stageRecords, stageSql } from "./csv-stage.js";
import { dropTables, tables } from "./csv-work-tables.js";
import { bumpDataVersion } from "./data-version.js";
import { insertImportRecord } from "./import-responses.js";
import { registerInstrument } from "./instruments.js";
import { atLeast, atMost } from "./memory-size.js";
import { insertEntities } from "./registry.js";
import { changedTable, removeDuplicates, startChangedResponses } from "./remove-duplicates.js";

export type { CsvConversion, CsvCounts } from "./csv-conversion.js";

/**
 * The DuckDB fast path of an import: DuckDB parses the file (csv-read.ts) and does the bulk of the
 * per-cell work in SQL; JavaScript converts each DISTINCT value of a column once (csv-conversion.ts,
 * with survey's distinct-conversion.ts), and SQL (csv-sql.ts) joins the results back, unpivots them
 * to the long answer table, and fills the analysis table.
 *
 * The file is read once into a stage (csv-stage.ts), on every core, its records numbered by the
 * stage's rowid, and the statements that write the store's tables read the stage part by part.
 *
 * Raw identifier columns are read only inside the file's scan, by a scalar function that returns
 * the pseudonym (csv-sql.ts's rowFunctions): they are never written to a table, temp table or
 * spill file. Every work table holds converted values, pseudonyms, response keys, the export's
 * response ids or item fields.
 *
 * Which path an import takes is decided by checks, never by chance: a value with an error, a
 * record DuckDB reads differently from the reader (blank or damaged rows), or a file DuckDB
 * rejects sends the import to the streaming path, which reports the problems as it always has.
 * A value with warnings converts; its warnings are handed to the conversion for every record
 * that holds it, in the streaming path's order (csv-conversion.ts's warnRows).
 */

export type CsvCheck = { ok: true; counts: CsvCounts } | { ok: false; reason: string };

/** Counts of the answers as the streaming path counts them, from an answers query. */
async function countAnswers(db: DuckDb, from: string, params: readonly (bigint | string)[] = []) {
  const rows = await db.all(`SELECT missing, count(*) AS n FROM (${from}) GROUP BY missing`, [...params]);
  const missing = { weet_niet: 0, nvt: 0, leeg: 0 };
  let answers = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (r.missing === null) answers += n;
    else if (r.missing === "weet_niet" || r.missing === "nvt" || r.missing === "leeg")
      missing[r.missing] += n;
  }
  return { answers, missing };
}

/** A DuckDB error reading the file (quoting, field counts, encoding): the streaming path reports it. */
function readFailure(error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  return /Invalid Input Error|Invalid unicode|Conversion Error/.test(text) ? "duckdb-rejected" : undefined;
}

/** `zaz validate` on the fast path: the same checks, nothing written. */
export async function checkCsv(db: DuckDb, file: CsvFile, conv: CsvConversion): Promise<CsvCheck> {
  try {
    const converted = await convertDistinct(db, file, conv);
    if (typeof converted === "string") return { ok: false, reason: converted };
    const rows = converted.rows;
    if (converted.counted !== undefined)
      return { ok: true, counts: { rowsRead: rows, responses: rows, ...converted.counted } };
    const variable = await variableCounts(db);
    // in parts, as the import writes them: one statement over a million responses' answers
    // would not fit in the memory limit
    const counted = { answers: 0, missing: { weet_niet: 0, nvt: 0, leeg: 0 } };
    await withContextsBuilt(db, async () => {
      for (let from = 0; from < rows; from += answerPart)
        for (const group of itemGroups(conv.items.length)) {
          const part = await countAnswers(
            db,
            answersSql(fileRecords(file, conv), conv, variable, { from, to: from + answerPart }, group),
          );
          counted.answers += part.answers;
          for (const kind of ["weet_niet", "nvt", "leeg"] as const)
            counted.missing[kind] += part.missing[kind];
        }
    });
    return { ok: true, counts: { rowsRead: rows, responses: rows, ...counted } };
  } catch (error) {
    const reason = readFailure(error);
    if (reason === undefined) throw error;
    return { ok: false, reason };
  } finally {
    await dropTables(db);
  }
}

export type CsvImport =
  | { ok: true; outcome: ImportOutcome; counts: CsvCounts }
  | { ok: false; reason: string };

/**
 * One import on the fast path, all or nothing: its tables are written in steps that each commit
 * (DuckDB keeps a transaction's rows within its memory limit), under an import that says pending
 * until the last step, as the streaming path's chunks are (write() says how).
 */
export async function importCsv(
  db: DuckDb,
  record: NewImport,
  file: CsvFile,
  conv: CsvConversion,
  memoryLimit: string,
): Promise<CsvImport> {
  return db.withSetting("memory_limit", memoryLimit, async () => {
    try {
      let converted: string | Converted | undefined;
      try {
        converted = await convertDistinct(db, file, conv, factsLayout(0, record.instrument));
      } catch (error) {
        converted = readFailure(error);
        if (converted === undefined) throw error;
      }
      if (typeof converted === "string") return { ok: false, reason: converted };
      return { ok: true, ...(await write(db, record, file, conv, converted, memoryLimit)) };
    } finally {
      await dropTables(db);
    }
  });
}

/** responses whose answers are counted in one statement by `zaz validate` (a million-response file: 34M rows) */
const answerPart = 250_000;

/**
 * Records written per step: at most answerPart, and about 9 million item cells (250,000 responses
 * of a 36-item parent survey; 45,900 observation forms of 196 items), as each statement reading
 * the stage must fit in its memory limit (partMemory, factParts).
 */
function stagePart(items: number): number {
  return Math.max(1000, Math.min(answerPart, Math.floor(9_000_000 / Math.max(1, items))));
}

/**
 * Analysis rows written per statement, and the memory limit those statements get. A statement's
 * new rows stay in memory per column until they fill a row group (122,880 rows), which is then
 * written to the file, and rows committed short of one stay in memory until a checkpoint.
 * - A narrow table (at most narrowFacts columns) is written a stage part (250,000 rows) per
 *   statement, in factsMemory: at 200,000 responses of the 45-column parent survey that took
 *   0.37 s and 0.18 s of commits, against 0.43–0.56 s and 0.5 s in six statements of 1.5 million
 *   values; at a million, peak RSS 286–298 MiB against 315–330 (two runs each). In the import's
 *   96 MB it just fitted (not in 80 MB), so it gets more: 128 MB first, now 112 (partMemory says
 *   why).
 * - A wider one in parts of about 1.5 million values, in the import's memory: 14,200 observation
 *   forms (211 columns, 3 million values) did not fit in one statement of 96 MB, nor did 27,600.
 */
function factParts(layout: FactsLayout, part: number, memoryLimit: string): { rows: number; memory: string } {
  const columns =
    layout.dimensions.length + layout.items.reduce((n, i) => n + (i.kind === "number" ? 2 : 1), 0);
  if (columns <= narrowFacts) return { rows: part, memory: atLeast(memoryLimit, factsMemory) };
  return { rows: Math.max(1000, Math.floor(1_500_000 / Math.max(1, columns))), memory: memoryLimit };
}

/** analysis-table columns up to which a stage part is written in one statement (factParts) */
const narrowFacts = 48;

/** the memory limit for a narrow analysis table's statements (factParts), in MB */
const factsMemory = 112;

/**
 * The memory limit while the stage is written: DuckDB writes a table in the order of its rows on
 * every core only when it can hold a row group per thread beside what it already holds, and on one
 * core otherwise. Measured at 200,000 responses on 2 cores: 96 MB 1.2–1.4 s, 104 MB 0.84 s, 112 MB
 * 0.77 s, 128 MB 0.70 s; at a million, 128 MB took the import from 34.0 to 31.0 s (paired, median
 * of 3) with no higher peak RSS (325 against 344 MiB), as the statements after it fill the pool.
 * Lowered to 112 MB with partMemory (which says why). In MB.
 */
const stageMemory = 112;

/**
 * The memory limit of a part's responses, context and answers statements, in MB: at most this, or
 * the import's own when that is less. They need less than the import's 96 MB; above what they use,
 * the pool keeps the stage's blocks, which each part reads for itself, and the pool is the largest
 * part of the import's RSS. At a million responses RSS stayed near its peak through the stage and
 * every part: 286–300 MiB. With this limit, the stage's 112 MB and the analysis rows' 112 MB, the
 * peak was 265–274 MiB against 291–300 (paired, three runs each), and 253 against 267 MiB at
 * 200,000 (five runs), in the same time. 27,600 and 92,000 observation forms (196 items) fit too;
 * the whole import in 80 MB did not (its count of distinct values, before the stage).
 */
const partMemory = 80;

/** responses whose duplicates are looked for in one statement, as the streaming path's chunks */
const duplicateChunk = 50_000n;

/** the ids in (low, high] as ranges (from, to] of at most duplicateChunk */
function* idChunks(low: bigint, high: bigint): Generator<[bigint, bigint]> {
  for (let from = low; from < high; from += duplicateChunk)
    yield [from, from + duplicateChunk < high ? from + duplicateChunk : high];
}

async function write(
  db: DuckDb,
  record: NewImport,
  file: CsvFile,
  conv: CsvConversion,
  converted: Converted,
  memoryLimit: string,
): Promise<{ outcome: ImportOutcome; counts: CsvCounts }> {
  const { facts, rows } = converted;
  const low = BigInt((await db.scalar("SELECT coalesce(max(id), 0)::BIGINT FROM responses")) as bigint);
  const variable = await variableCounts(db);
  let inTransaction = false;
  // Each large insert commits on its own: DuckDB keeps a transaction's rows in its memory limit.
  // Until the last step flips it, the import says pending (pending-imports.ts): no reader sees
  // it, and after a failure or a kill the store removes it, as with the streaming path's chunks.
  const step = <T>(work: () => Promise<T>): Promise<T> => db.transaction(work);
  try {
    const instrumentKey = await step(async () => {
      const key = await registerInstrument(db, record.instrument);
      await insertImportRecord(db, { ...record, rowsRead: rows }, key);
      return key;
    });
    await startChangedResponses(db);
    const high = low + BigInt(rows);
    const id = (rn: string) => responseIdSql(low, rn);
    const fn = await rowFunctions(db, conv);
    await fillContextFlags(db, record);
    const layout = factsLayout(instrumentKey, record.instrument);
    await db.run(factDimsSql(layout, record.context));
    const part = stagePart(conv.items.length);
    const factPart = factParts(layout, part, memoryLimit);
    const stage = stageLayout(conv, converted.values);
    await db.run(codedCellsSql(conv, stage));
    const staged = stageRecords(stage);
    const content = await rowContentHash(db, tables.cells, tables.cellTexts, conv.items, staged.coded);
    // The file is read once, into the stage, on every core; the statements that write the tables
    // read it part by part, on every core too.
    if (rows > 0) {
      const context = await contextLookup(db, conv);
      const written = stageSql(
        file,
        stage,
        { ctx: context.ctx, key: keySql(context), submitted: "r.submitted", respondent: "r.respondent" },
        [
          `${context.position} AS p`,
          `${keyFieldsSql(file)} AS fields`,
          `${fn.submitted} AS submitted`,
          `${fn.respondent} AS respondent`,
          `${fn.rid} AS rid`,
        ],
      );
      await db.withSetting("memory_limit", atLeast(memoryLimit, stageMemory), () => db.run(written));
    }
    for (let from = 0; from < rows; from += part) {
      const to = Math.min(rows, from + part);
      await db.withSetting("memory_limit", atMost(memoryLimit, partMemory), async () => {
        await step(() =>
          db.run(
            `INSERT INTO responses (id, import_id, instrument_id, key, row, submitted_at, content_hash)
           SELECT ${id("r.rn")}, ${sqlString(record.id)}, ${sqlString(record.instrument.id)}, r.key,
             CAST(${file.firstRow - 1} + r.rn AS INTEGER), r.submitted, ${content?.hash ?? "NULL"}
           FROM ${staged.rows(["key", "submitted", ...(content?.lookups ?? [])], { from, to })}
           ${content?.joins ?? ""}`,
          ),
        );
        await step(() => writeContext(db, conv, staged, low, { from, to }));
        // FSST only pays for long varied texts: analysing it for the answers' item ids, codes and
        // missing kinds cost 5% of a 200,000-response import, and the file came out 6% larger
        await db.withSetting("disabled_compression_methods", "fsst", async () => {
          for (const group of itemGroups(conv.items.length))
            await step(() =>
              db.run(
                `INSERT INTO answers (response_id, seq, item, code, text, missing)
               SELECT ${id("rn")}, seq, item, code, text, missing
               FROM (${answersSql(staged, conv, variable, { from, to }, group)})`,
              ),
            );
        });
      });
      await db.withSetting("memory_limit", factPart.memory, async () => {
        for (let f = from; f < to; f += factPart.rows)
          await step(() =>
            db.run(
              factsSql(layout, staged, conv, facts, record.id, low, {
                from: f,
                to: Math.min(to, f + factPart.rows),
              }),
            ),
          );
      });
    }
    // its memory goes to the duplicate check
    await dropTempTable(db, tables.stage);
    // without conditional sections, the distinct values' counts gave them (as for `zaz validate`)
    const counted =
      converted.counted ??
      (await countAnswers(db, "SELECT missing FROM answers WHERE response_id > $1", [low]));
    // identity as in the streaming path, chunk by chunk: content hashes (unless written with the
    // responses), then duplicates and changed responses
    if (content === undefined)
      for (const [from, to] of idChunks(low, high))
        await step(() => fillContentHashes(db, record.instrument.id, from, to));
    await db.run("BEGIN TRANSACTION");
    inTransaction = true;
    const removed = { responses: 0, answers: 0, ids: [] as bigint[], changed: 0 };
    for (const [from, to] of idChunks(low, high)) {
      const chunk = await removeDuplicates(db, record.instrument.id, from, to, { importId: record.id });
      if (chunk.conflictCount > 0)
        throw new ConflictingResponsesError(record.fileName, chunk.conflictCount, chunk.conflicts);
      removed.responses += chunk.responses;
      removed.answers += chunk.answers;
      removed.changed += chunk.changed;
      removed.ids.push(...chunk.ids);
    }
    if (removed.changed > 0 && record.replaceChanged !== true) await refuseChangedResponses(db, record);
    // the analysis rows of responses removed as duplicates go with them
    for (let i = 0; i < removed.ids.length; i += 1000)
      await db.run(
        `DELETE FROM ${quoteIdent(layout.table)} WHERE response_id IN (${removed.ids.slice(i, i + 1000).join(", ")})`,
      );
    const responsesAdded = rows - removed.responses;
    const answersAdded = counted.answers + countMissing(counted.missing) - removed.answers;
    await db.run(
      "UPDATE imports SET responses = $1, answers = $2, rows_read = $3, pending = false WHERE id = $4",
      [responsesAdded, answersAdded, rows, record.id],
    );
    // the stored versions of changed responses leave with the same commit that shows the new ones
    const responsesReplaced = removed.changed > 0 ? await replaceChangedResponses(db) : 0;
    await insertEntities(db, record.register ?? []);
    await bumpDataVersion(db);
    await db.run("COMMIT");
    inTransaction = false;
    return {
      outcome: {
        status: ImportStatus.imported,
        importId: record.id,
        responsesAdded,
        responsesSkipped: removed.responses,
        answersAdded,
        responsesReplaced,
      },
      counts: { rowsRead: rows, responses: rows, ...counted },
    };
  } catch (error) {
    if (inTransaction) await db.run("ROLLBACK").catch(() => undefined);
    // a rolled-back insert may have written row groups: their bytes stay in the file until compacted
    await markNeedsCompaction(db).catch(() => undefined);
    throw error;
  } finally {
    await dropTempTable(db, changedTable);
  }
}

/**
 * The responses' context: flags fill in what the file does not say (a value in the file itself
 * wins), then the file's context in its own order, and the pseudonym, as the streaming path
 * writes them. The flags go into each context's rows once (fillContextFlags), the rows per part.
 */
async function fillContextFlags(db: DuckDb, record: NewImport): Promise<void> {
  const flags = Object.entries(record.context);
  await db.run(
    `INSERT INTO ${tables.contextRows}
     SELECT x.ctx, -${flags.length} + f.i, f.dimension, f.value
     FROM ${tables.contexts} x, (VALUES ${
       flags.length === 0
         ? "(0, NULL, NULL)"
         : flags.map(([d, v], i) => `(${i}, ${sqlString(d)}, ${sqlString(v)})`).join(", ")
     }) AS f(i, dimension, value)
     WHERE f.dimension IS NOT NULL AND NOT EXISTS
       (SELECT 1 FROM ${tables.contextRows} c WHERE c.ctx = x.ctx AND c.dimension = f.dimension)`,
  );
}

/** the responses' context, for one part of the stage */
async function writeContext(
  db: DuckDb,
  conv: CsvConversion,
  staged: Records,
  low: bigint,
  part: { from: number; to: number },
): Promise<void> {
  const id = (rn: string) => responseIdSql(low, rn);
  await db.run(
    `INSERT INTO response_context (response_id, dimension, value)
     SELECT ${id("r.rn")}, c.dimension, c.value FROM ${staged.rows([], part)}
     JOIN ${tables.contextRows} c ON c.ctx = x.ctx
     ${
       conv.identifiers.length === 0
         ? ""
         : `UNION ALL SELECT ${id("rn")}, '_respondent', respondent
            FROM ${staged.numbered(["respondent"], part)} WHERE respondent IS NOT NULL`
     }`,
  );
}

function countMissing(missing: CsvCounts["missing"]): number {
  return missing.weet_niet + missing.nvt + missing.leeg;
}

/**
 * `zaz validate` on the fast path, without a store: a private in-memory DuckDB. Its temp tables
 * hold converted values only; what does not fit in `memoryLimit` spills to the system's temp
 * directory.
 */
export async function checkCsvFile(
  file: CsvFile,
  conv: CsvConversion,
  memoryLimit = "96MB",
): Promise<CsvCheck> {
  const { tmpdir } = await import("node:os");
  const db = await DuckDb.open(":memory:", { memoryLimit });
  try {
    await db.run(`SET temp_directory = ${sqlString(`${tmpdir()}/zaz-validate-${process.pid}`)}`);
    return await checkCsv(db, file, conv);
  } finally {
    db.close();
  }
}
