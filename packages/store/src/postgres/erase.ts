import type { ErasureCount } from "../store.js";
import { lockFor, type PgDatabase, writeLock } from "./connection.js";
import { bumpDataVersionPg } from "./data-version.js";
import { deleteFactsPg } from "./instruments.js";

/**
 * Erasure on PostgreSQL: the rows are deleted in one transaction, and then the tables are vacuumed.
 * What VACUUM does and does not do for erased values: a DELETE only marks the row versions dead, and
 * a plain VACUUM makes their space reusable (later rows overwrite them) without rewriting the files,
 * so the bytes can stay on disk for a while; it does not touch the WAL, archives, replicas or
 * pg_dump backups either. VACUUM FULL would rewrite the tables, but locks them against every
 * reader (the dashboards) for the whole rewrite, so the store runs the plain one, which is cheap and
 * lets the space be reused soon. Whoever must guarantee the bytes are gone runs VACUUM FULL in a
 * quiet hour and rotates backups (README, deployment).
 */

const longTables = ["answers", "response_context", "responses", "imports", "import_context"];

export async function removeImportPg(db: PgDatabase, id: string): Promise<ErasureCount | undefined> {
  const erased = await db.transaction(async (client) => {
    await lockFor(client, writeLock.imports);
    if (Number(await client.scalar("SELECT count(*) FROM imports WHERE id = $1", [id])) === 0)
      return undefined;
    const ofImport = "SELECT id FROM responses WHERE import_id = $1";
    const answers = await client.run(`DELETE FROM answers WHERE response_id IN (${ofImport})`, [id]);
    await client.run(`DELETE FROM response_context WHERE response_id IN (${ofImport})`, [id]);
    const responses = await client.run("DELETE FROM responses WHERE import_id = $1", [id]);
    await deleteFactsPg(client, "import_id = $1", [id]);
    await client.run("DELETE FROM import_context WHERE import_id = $1", [id]);
    await client.run("DELETE FROM imports WHERE id = $1", [id]);
    await bumpDataVersionPg(client);
    return { responses, answers };
  });
  if (erased !== undefined) await vacuumAfterErasure(db);
  return erased;
}

/** Every response carrying the pseudonym as a context value; the import records stay, with lowered counts. */
export async function removeRespondentPg(
  db: PgDatabase,
  pseudonym: string,
): Promise<ErasureCount | undefined> {
  // an empty value would match every response with an empty context value
  if (pseudonym.trim() === "") throw new Error("removeRespondent needs a pseudonym");
  const erased = await db.transaction(async (client) => {
    await lockFor(client, writeLock.imports);
    await client.run(
      `CREATE TEMP TABLE zaz_erase ON COMMIT DROP AS
       SELECT DISTINCT r.id, r.import_id FROM responses r
       WHERE r.id IN (SELECT response_id FROM response_context WHERE value = $1)`,
      [pseudonym],
    );
    const perImport = await client.all(
      `SELECT e.import_id, count(DISTINCT e.id) AS responses, count(a.response_id) AS answers
       FROM zaz_erase e LEFT JOIN answers a ON a.response_id = e.id
       GROUP BY e.import_id`,
    );
    if (perImport.length === 0) return undefined;
    const inErase = "IN (SELECT id FROM zaz_erase)";
    const answers = await client.run(`DELETE FROM answers WHERE response_id ${inErase}`);
    await client.run(`DELETE FROM response_context WHERE response_id ${inErase}`);
    const responses = await client.run(`DELETE FROM responses WHERE id ${inErase}`);
    await deleteFactsPg(client, `response_id ${inErase}`, []);
    for (const row of perImport) {
      await client.run(
        "UPDATE imports SET responses = responses - $1, answers = answers - $2 WHERE id = $3",
        [Number(row.responses), Number(row.answers), String(row.import_id)],
      );
    }
    await bumpDataVersionPg(client);
    return { responses, answers };
  });
  if (erased !== undefined) await vacuumAfterErasure(db);
  return erased;
}

/**
 * Plain VACUUM of the tables an erasure touched (see above); outside any transaction, as VACUUM
 * must be. A failure (e.g. a role that may not vacuum) does not undo the erasure, which committed.
 */
async function vacuumAfterErasure(db: PgDatabase): Promise<void> {
  const facts = (await db.all("SELECT key FROM instruments")).map((row) => `facts_${Number(row.key)}`);
  await db.run(`VACUUM ${[...longTables, ...facts].map((t) => `"${t}"`).join(", ")}`).catch(() => undefined);
}
