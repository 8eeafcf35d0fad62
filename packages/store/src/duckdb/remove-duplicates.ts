import { type DuckDb, dropTempTable } from "./connection.js";

export interface RemovedRows {
  responses: number;
  answers: number;
  /** the ids of the responses removed */
  ids: bigint[];
}

/**
 * Deletes the responses with ids in (low, high] whose (instrument, key) is stored under a lower
 * id: in a complete import, in an earlier chunk of this import, or earlier in this chunk. The
 * first one wins. Run once per chunk, so the hash table holds only that chunk's keys, whatever
 * the size of the store; the stored keys are only scanned.
 */
export async function removeDuplicates(
  db: DuckDb,
  instrumentId: string,
  low: bigint,
  high: bigint,
): Promise<RemovedRows> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE zaz_duplicates AS
     WITH chunk AS (SELECT id, key FROM responses WHERE id > $1 AND id <= $2),
     first AS (
       SELECT o.key, min(o.id) AS id FROM responses o
       WHERE o.instrument_id = $3 AND o.id <= $2 AND o.key IN (SELECT key FROM chunk)
       GROUP BY o.key
     )
     SELECT c.id FROM chunk c JOIN first f ON f.key = c.key WHERE c.id > f.id`,
    [low, high, instrumentId],
  );
  try {
    const ids = (await db.all("SELECT id FROM zaz_duplicates")).map((row) => BigInt(row.id as bigint));
    const responses = ids.length;
    if (responses === 0) return { responses: 0, answers: 0, ids };
    // the id range lets DuckDB skip every row group outside the chunk
    const inDuplicates =
      "response_id > $1 AND response_id <= $2 AND response_id IN (SELECT id FROM zaz_duplicates)";
    const answers = await db.run(`DELETE FROM answers WHERE ${inDuplicates}`, [low, high]);
    await db.run(`DELETE FROM response_context WHERE ${inDuplicates}`, [low, high]);
    await db.run(
      "DELETE FROM responses WHERE id > $1 AND id <= $2 AND id IN (SELECT id FROM zaz_duplicates)",
      [low, high],
    );
    return { responses, answers, ids };
  } finally {
    await dropTempTable(db, "zaz_duplicates");
  }
}
