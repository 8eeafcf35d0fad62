import type { StoredMapping } from "../store.js";
import type { DuckDb } from "./connection.js";

export async function getMapping(
  db: DuckDb,
  school: string,
  instrumentId: string,
): Promise<StoredMapping | undefined> {
  const [row] = await db.all(
    "SELECT mapping, updated_by, CAST(updated_at AS VARCHAR) AS updated_at FROM mappings WHERE school = $1 AND instrument_id = $2",
    [school, instrumentId],
  );
  return row === undefined
    ? undefined
    : {
        school,
        instrumentId,
        mapping: String(row.mapping),
        updatedBy: String(row.updated_by),
        updatedAt: `${String(row.updated_at).replace(" ", "T").slice(0, 19)}Z`,
      };
}

export async function putMapping(
  db: DuckDb,
  school: string,
  instrumentId: string,
  mapping: string,
  by: string,
): Promise<void> {
  await db.run(
    "INSERT OR REPLACE INTO mappings VALUES ($1, $2, $3, $4, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP))",
    [school, instrumentId, mapping, by],
  );
}
