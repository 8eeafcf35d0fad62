import type { StoredMapping } from "../store.js";
import type { Sql } from "./connection.js";

/** The saved column mappings (as duckdb/mappings.ts); not research data, so no new data version. */
export async function getMappingPg(
  db: Sql,
  school: string,
  instrumentId: string,
): Promise<StoredMapping | undefined> {
  const [row] = await db.all(
    `SELECT mapping, updated_by, to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at
     FROM mappings WHERE school = $1 AND instrument_id = $2`,
    [school, instrumentId],
  );
  return row === undefined
    ? undefined
    : {
        school,
        instrumentId,
        mapping: String(row.mapping),
        updatedBy: String(row.updated_by),
        updatedAt: String(row.updated_at),
      };
}

export async function putMappingPg(
  db: Sql,
  school: string,
  instrumentId: string,
  mapping: string,
  by: string,
): Promise<void> {
  await db.run(
    `INSERT INTO mappings VALUES ($1, $2, $3, $4, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP))
     ON CONFLICT (school, instrument_id) DO UPDATE
     SET mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [school, instrumentId, mapping, by],
  );
}
