import type { ViewResult } from "../store.js";
import type { PgDatabase, Sql } from "./connection.js";

export async function getViewResultPg(db: Sql, key: string): Promise<ViewResult | undefined> {
  const [row] = await db.all("SELECT data_version, body FROM view_results WHERE key = $1", [key]);
  return row === undefined ? undefined : { dataVersion: Number(row.data_version), body: String(row.body) };
}

/**
 * Keeps a result only when it was made for the data as they are now. The version row is read FOR
 * SHARE: a change of the data (another process) waits until this is stored, and then deletes it.
 */
export function putViewResultPg(
  db: PgDatabase,
  key: string,
  dataVersion: number,
  body: string,
): Promise<void> {
  return db.transaction(async (client) => {
    const current = Number(
      await client.scalar("SELECT value FROM store_state WHERE name = 'data_version' FOR SHARE"),
    );
    if (current !== dataVersion) return;
    await client.run(
      `INSERT INTO view_results VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET data_version = excluded.data_version, body = excluded.body`,
      [key, dataVersion, body],
    );
  });
}
