import type { ViewResult } from "../store.js";
import type { DuckDb } from "./connection.js";
import { readDataVersion } from "./data-version.js";

export async function getViewResult(db: DuckDb, key: string): Promise<ViewResult | undefined> {
  const [row] = await db.all("SELECT data_version, body FROM view_results WHERE key = $1", [key]);
  return row === undefined ? undefined : { dataVersion: Number(row.data_version), body: String(row.body) };
}

/** Keeps a result only when it was made for the data as they are now. */
export async function putViewResult(
  db: DuckDb,
  key: string,
  dataVersion: number,
  body: string,
): Promise<void> {
  await db.transaction(async () => {
    if ((await readDataVersion(db)) !== dataVersion) return;
    await db.run("INSERT OR REPLACE INTO view_results VALUES ($1, $2, $3)", [key, dataVersion, body]);
  });
}
