import { markNeedsCompaction } from "./compact.js";
import type { DuckDb } from "./connection.js";
import { deleteFacts } from "./instruments.js";

/**
 * A large import is written in committed chunks so DuckDB never holds the whole import in
 * transaction-local (pinned) memory. Until its last step the import row says `pending`, and every
 * read leaves its responses out, so the import still appears all at once or not at all.
 *
 * Invariant: a pending import is always the newest one and its response ids are above every
 * other response's (it is removed before another import starts), so its rows are found by id range.
 */

/** SQL condition on a responses alias: the response belongs to an import that is complete. */
export function inCompleteImport(alias: string): string {
  return `${alias}.import_id NOT IN (SELECT id FROM imports WHERE pending)`;
}

/** Responses (and their answers and context) removed per transaction, so memory stays bounded. */
export const defaultRemovalStep = 50_000;

/**
 * Removes every pending import, i.e. one a killed or failed process left behind, with its rows, and
 * marks the file for compaction so the values leave it too. Each step commits; a kill in between
 * leaves a smaller pending import for the next open. Returns the number of imports removed.
 */
export async function removePendingImports(db: DuckDb, step = defaultRemovalStep): Promise<number> {
  const pending = Number(await db.scalar("SELECT count(*) FROM imports WHERE pending"));
  if (pending === 0) return 0;
  const above = BigInt(
    (await db.scalar(
      `SELECT coalesce(max(r.id), 0)::BIGINT FROM responses r WHERE ${inCompleteImport("r")}`,
    )) as bigint,
  );
  const top = BigInt(
    (await db.scalar(
      `SELECT greatest(
         (SELECT coalesce(max(id), 0) FROM responses),
         (SELECT coalesce(max(response_id), 0) FROM answers),
         (SELECT coalesce(max(response_id), 0) FROM response_context))::BIGINT`,
    )) as bigint,
  );
  for (let low = above; low < top; low += BigInt(step)) {
    const high = low + BigInt(step);
    await db.transaction(async () => {
      const range = [low, high];
      await db.run("DELETE FROM answers WHERE response_id > $1 AND response_id <= $2", range);
      await db.run("DELETE FROM response_context WHERE response_id > $1 AND response_id <= $2", range);
      await db.run("DELETE FROM responses WHERE id > $1 AND id <= $2", range);
      await deleteFacts(db, "response_id > $1 AND response_id <= $2", range);
    });
  }
  await db.transaction(async () => {
    await db.run("DELETE FROM import_context WHERE import_id IN (SELECT id FROM imports WHERE pending)");
    await db.run("DELETE FROM imports WHERE pending");
    await markNeedsCompaction(db);
  });
  return pending;
}
