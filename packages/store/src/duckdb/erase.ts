import type { ErasureCount } from "../store.js";
import { markNeedsCompaction } from "./compact.js";
import { type DuckDb, dropTempTable } from "./connection.js";
import { bumpDataVersion } from "./data-version.js";
import { deleteFacts } from "./instruments.js";

/**
 * Erasure deletes rows in one transaction and marks the file for compaction in the same
 * transaction, so if the process dies before the file is rewritten, the next open finishes it.
 */

export async function removeImport(db: DuckDb, id: string): Promise<ErasureCount | undefined> {
  return db.transaction(async () => {
    if ((await db.scalar("SELECT count(*) FROM imports WHERE id = $1", [id])) === 0n) return undefined;
    const ofImport = "SELECT id FROM responses WHERE import_id = $1";
    const answers = await db.run(`DELETE FROM answers WHERE response_id IN (${ofImport})`, [id]);
    await db.run(`DELETE FROM response_context WHERE response_id IN (${ofImport})`, [id]);
    const responses = await db.run("DELETE FROM responses WHERE import_id = $1", [id]);
    await deleteFacts(db, "import_id = $1", [id]);
    await db.run("DELETE FROM import_context WHERE import_id = $1", [id]);
    await db.run("DELETE FROM imports WHERE id = $1", [id]);
    await bumpDataVersion(db);
    await markNeedsCompaction(db);
    return { responses, answers };
  });
}

/**
 * Every response carrying the pseudonym as a context value, in any dimension. The import records
 * stay (with lowered counts), so re-importing the same file still says "already imported" and
 * does not bring the erased responses back.
 */
export async function removeRespondent(db: DuckDb, pseudonym: string): Promise<ErasureCount | undefined> {
  // an empty value would match every response with an empty context value
  if (pseudonym.trim() === "") throw new Error("removeRespondent needs a pseudonym");
  return db.transaction(async () => {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE zaz_erase AS
       SELECT DISTINCT r.id, r.import_id FROM responses r
       WHERE r.id IN (SELECT response_id FROM response_context WHERE value = $1)`,
      [pseudonym],
    );
    try {
      const perImport = await db.all(
        `SELECT e.import_id, count(DISTINCT e.id) AS responses, count(a.response_id) AS answers
         FROM zaz_erase e LEFT JOIN answers a ON a.response_id = e.id
         GROUP BY e.import_id`,
      );
      if (perImport.length === 0) return undefined;
      const inErase = "IN (SELECT id FROM zaz_erase)";
      const answers = await db.run(`DELETE FROM answers WHERE response_id ${inErase}`);
      await db.run(`DELETE FROM response_context WHERE response_id ${inErase}`);
      const responses = await db.run(`DELETE FROM responses WHERE id ${inErase}`);
      await deleteFacts(db, `response_id ${inErase}`, []);
      for (const row of perImport) {
        await db.run("UPDATE imports SET responses = responses - $1, answers = answers - $2 WHERE id = $3", [
          Number(row.responses),
          Number(row.answers),
          String(row.import_id),
        ]);
      }
      await bumpDataVersion(db);
      await markNeedsCompaction(db);
      return { responses, answers };
    } finally {
      await dropTempTable(db, "zaz_erase");
    }
  });
}
