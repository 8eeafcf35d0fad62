import type { Sql } from "./connection.js";

/** The channel on which every change of the data is announced (watch-data-version.ts listens). */
export const dataChannel = "zaz_data";

/**
 * The data version is a row, read on every call: another process (a second dashboard, `zaz ingest`)
 * may have changed the data, and one indexed row costs next to nothing.
 */
export async function readDataVersionPg(db: Sql): Promise<number> {
  return Number(await db.scalar("SELECT value FROM store_state WHERE name = 'data_version'"));
}

/**
 * Call inside the transaction that changes the data: moves the version, drops the kept views, and
 * notifies listeners, which PostgreSQL delivers at the commit (never for a rollback). The row's
 * lock makes concurrent writers take turns at this point, so versions never repeat.
 */
export async function bumpDataVersionPg(db: Sql): Promise<number> {
  const version = Number(
    await db.scalar(
      `UPDATE store_state SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR)
       WHERE name = 'data_version' RETURNING value`,
    ),
  );
  await db.run("DELETE FROM view_results");
  await db.scalar("SELECT pg_notify($1, $2)", [dataChannel, String(version)]);
  return version;
}
