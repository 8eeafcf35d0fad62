import { ChangedResponsesError } from "../changed-responses.js";
import type { NewImport } from "../store.js";
import type { DuckDb } from "./connection.js";
import { deleteFacts } from "./instruments.js";
import { changedTable } from "./remove-duplicates.js";

/**
 * What happens to the changed responses an import found (remove-duplicates.ts records them in
 * `changedTable` as pairs of stored and new response): the import is refused, or the stored
 * versions are replaced.
 */

/** changed responses named in a refusal; the count covers all */
const namedChanges = 5;

/** Throws the refusal, with the count, the earlier imports and the first rows. */
export async function refuseChangedResponses(db: DuckDb, record: NewImport): Promise<never> {
  const count = Number(await db.scalar(`SELECT count(DISTINCT new_id) FROM ${changedTable}`));
  const first = await db.all(
    `SELECT n.row, o.row AS earlier_row, o.import_id, i.file_name
     FROM ${changedTable} c
     JOIN responses n ON n.id = c.new_id
     JOIN responses o ON o.id = c.old_id
     JOIN imports i ON i.id = o.import_id
     ORDER BY n.row, o.id LIMIT ${namedChanges}`,
  );
  const earlier = await db.all(
    `SELECT DISTINCT i.id, i.file_name, strftime(i.imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at, i.seq
     FROM ${changedTable} c JOIN responses o ON o.id = c.old_id JOIN imports i ON i.id = o.import_id
     ORDER BY i.seq`,
  );
  throw new ChangedResponsesError(
    record.fileName,
    count,
    earlier.map((e) => ({
      importId: String(e.id),
      fileName: String(e.file_name),
      importedAt: String(e.imported_at),
    })),
    first.map((r) => ({
      row: Number(r.row),
      earlierRow: Number(r.earlier_row),
      earlierImportId: String(r.import_id),
      earlierFile: String(r.file_name),
    })),
  );
}

/**
 * Deletes the stored versions of the changed responses, from the long tables and the analysis
 * tables, and lowers their imports' counts as an erasure does. Runs inside the import's flip
 * transaction, so the new versions and the removal of the old become visible together.
 * Returns the number of responses replaced.
 */
export async function replaceChangedResponses(db: DuckDb): Promise<number> {
  const replaced = Number(await db.scalar(`SELECT count(DISTINCT new_id) FROM ${changedTable}`));
  const old = `(SELECT old_id FROM ${changedTable})`;
  const perImport = await db.all(
    `SELECT r.import_id, count(DISTINCT r.id) AS responses, count(a.response_id) AS answers
     FROM responses r LEFT JOIN answers a ON a.response_id = r.id
     WHERE r.id IN ${old} GROUP BY r.import_id`,
  );
  await db.run(`DELETE FROM answers WHERE response_id IN ${old}`);
  await db.run(`DELETE FROM response_context WHERE response_id IN ${old}`);
  await db.run(`DELETE FROM responses WHERE id IN ${old}`);
  await deleteFacts(db, `response_id IN ${old}`, []);
  for (const row of perImport) {
    await db.run("UPDATE imports SET responses = responses - $1, answers = answers - $2 WHERE id = $3", [
      Number(row.responses),
      Number(row.answers),
      String(row.import_id),
    ]);
  }
  return replaced;
}
