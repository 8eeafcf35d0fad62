import { type DuckDb, dropTempTable } from "./connection.js";

export interface RemovedRows {
  responses: number;
  answers: number;
  /** the ids of the responses removed */
  ids: bigint[];
}

/** Two rows of one file with the same key (the same response) but other answers. */
export interface ConflictingRows {
  /** the row of the file kept first */
  firstRow: number;
  /** the later row that says something else */
  row: number;
}

export interface DuplicateOptions {
  /** the import the chunk belongs to: its own earlier rows are the file's, not a stored version */
  importId: string;
}

export interface ChunkDuplicates extends RemovedRows {
  /** responses of this chunk whose key is stored in a complete import with other answers (kept) */
  changed: number;
  /** rows of this file that repeat an earlier row's key with other answers; nothing is removed for them */
  conflicts: ConflictingRows[];
  /** how many conflicts there are in all (`conflicts` holds the first few) */
  conflictCount: number;
}

/** conflicting rows named in full; more are counted */
const conflictsNamed = 5;

/**
 * The changed responses of the running import: each (stored response, response of this import
 * that is a new version of it). A temporary table, so it lives as long as the connection and
 * spans the import's chunk commits; `startChangedResponses` empties it when an import begins.
 */
export const changedTable = "zaz_changed";

export async function startChangedResponses(db: DuckDb): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${changedTable} (old_id BIGINT NOT NULL, new_id BIGINT NOT NULL)`,
  );
}

/**
 * The chunk's responses whose key may be stored twice: hash(key) found more than once among the
 * instrument's responses up to the chunk's end. Only they can be a duplicate, a conflict or a
 * changed response (a key stored once is the response's own), so the comparison below keeps them
 * and nothing else. This costs a scan of 8-byte hashes, where the comparison builds its hash table
 * on the texts of the keys: on a store's first import of a million responses the check took 2.2 s
 * in its 20 chunks, with this 0.4 s (hashes that collide only add candidates; the comparison of
 * the keys themselves decides).
 */
const candidatesSql = `SELECT id, key, content_hash, row FROM responses
  WHERE id > $1 AND id <= $2 AND hash(key) IN (
    SELECT hash(o.key) AS h FROM responses o
    WHERE o.instrument_id = $3 AND o.id <= $2
      AND hash(o.key) IN (SELECT hash(key) FROM responses WHERE id > $1 AND id <= $2)
    GROUP BY h HAVING count(*) > 1
  )`;

/**
 * Sorts the responses with ids in (low, high] by what is stored under the same (instrument, key)
 * at a lower id, comparing content hashes (content-hash.ts; fill them for the range first):
 * - an earlier row of the same import (an earlier chunk, or earlier in this chunk): same content →
 *   a duplicate in the file, removed (the first one wins); other content → a conflict: the file
 *   holds two versions of one response. Conflicts are returned, not removed; the caller refuses.
 * - otherwise a response of a complete import: same content → already stored, removed (skipped);
 *   other content → changed: kept, and the pair recorded in `changedTable` (startChangedResponses
 *   must have run), for the caller to refuse the import or to replace the stored version.
 * Run once per chunk, so the hash table holds only that chunk's keys, whatever the size of the
 * store; the stored keys are only scanned. Both import paths call it with the same arguments.
 */
export async function removeDuplicates(
  db: DuckDb,
  instrumentId: string,
  low: bigint,
  high: bigint,
  options: DuplicateOptions,
): Promise<ChunkDuplicates> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE zaz_duplicates AS
     WITH chunk AS (${candidatesSql}),
     stored AS (
       SELECT o.id, o.key, o.content_hash, o.row, o.import_id = $4 AS own FROM responses o
       WHERE o.instrument_id = $3 AND o.id <= $2 AND o.key IN (SELECT key FROM chunk)
     ),
     first_own AS (
       SELECT key, min(id) AS id, arg_min(content_hash, id) AS content_hash, arg_min(row, id) AS row
       FROM stored WHERE own GROUP BY key
     ),
     older AS (
       SELECT key, list(content_hash) AS hashes, min(id) AS id FROM stored WHERE NOT own GROUP BY key
     )
     SELECT c.id, c.row,
       CASE
         WHEN f.id < c.id AND f.content_hash = c.content_hash THEN 'duplicate'
         WHEN f.id < c.id THEN 'conflict'
         WHEN list_contains(o.hashes, c.content_hash) THEN 'duplicate'
         ELSE 'changed'
       END AS kind,
       f.row AS first_row
     FROM chunk c JOIN first_own f ON f.key = c.key LEFT JOIN older o ON o.key = c.key
     WHERE f.id < c.id OR o.key IS NOT NULL`,
    [low, high, instrumentId, options.importId],
  );
  try {
    const conflictRows = await db.all(
      `SELECT row, first_row, count(*) OVER () AS n FROM zaz_duplicates WHERE kind = 'conflict'
       ORDER BY row LIMIT ${conflictsNamed}`,
    );
    const conflicts = conflictRows.map((r) => ({ firstRow: Number(r.first_row), row: Number(r.row) }));
    const conflictCount = Number(conflictRows[0]?.n ?? 0);
    const changedResponses = Number(
      await db.scalar("SELECT count(*) FROM zaz_duplicates WHERE kind = 'changed'"),
    );
    // every stored version a changed response replaces (normally one: keys are unique once stored)
    if (changedResponses > 0)
      await db.run(
        `INSERT INTO ${changedTable}
         SELECT o.id, d.id FROM zaz_duplicates d
         JOIN responses c ON c.id = d.id AND c.id > $1 AND c.id <= $2
         JOIN responses o ON o.key = c.key AND o.instrument_id = $3 AND o.import_id <> $4
         WHERE d.kind = 'changed'`,
        [low, high, instrumentId, options.importId],
      );
    const ids = (await db.all("SELECT id FROM zaz_duplicates WHERE kind = 'duplicate'")).map((row) =>
      BigInt(row.id as bigint),
    );
    const outcome = { changed: changedResponses, conflicts, conflictCount };
    const responses = ids.length;
    if (responses === 0) return { responses: 0, answers: 0, ids, ...outcome };
    // the id range lets DuckDB skip every row group outside the chunk
    const inDuplicates =
      "response_id > $1 AND response_id <= $2 AND response_id IN (SELECT id FROM zaz_duplicates WHERE kind = 'duplicate')";
    const answers = await db.run(`DELETE FROM answers WHERE ${inDuplicates}`, [low, high]);
    await db.run(`DELETE FROM response_context WHERE ${inDuplicates}`, [low, high]);
    await db.run(
      "DELETE FROM responses WHERE id > $1 AND id <= $2 AND id IN (SELECT id FROM zaz_duplicates WHERE kind = 'duplicate')",
      [low, high],
    );
    return { responses, answers, ids, ...outcome };
  } finally {
    await dropTempTable(db, "zaz_duplicates");
  }
}
