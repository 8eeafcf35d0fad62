import type { DuckDb } from "./connection.js";

/**
 * A counter of changes to the stored data (imports, erasures, rosters, analysis tables). Views
 * computed for one value stay valid until it moves; it moves in the same transaction as the change,
 * and that transaction also drops the kept views, so none outlives the data it was made from.
 */
export async function readDataVersion(db: DuckDb): Promise<number> {
  return Number(await db.scalar("SELECT value FROM store_state WHERE name = 'data_version'"));
}

/** Call inside the transaction that changes the data. */
export async function bumpDataVersion(db: DuckDb): Promise<void> {
  await db.run(
    "UPDATE store_state SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE name = 'data_version'",
  );
  await db.run("DELETE FROM view_results");
}
