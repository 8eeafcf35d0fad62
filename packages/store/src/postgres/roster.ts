import { compareGroepen } from "@zaz/model";
import { Params } from "../analysis/params.js";
import { assertValidRoster } from "../duckdb/roster.js";
import { compareNatural } from "../natural-order.js";
import type { RosterEntry } from "../store.js";
import { lockFor, type PgDatabase, type Sql, writeLock } from "./connection.js";
import { bumpDataVersionPg } from "./data-version.js";

type RosterWhere = Partial<Pick<RosterEntry, "school" | "groep" | "wave">>;

export async function replaceRosterPg(
  db: PgDatabase,
  entries: readonly RosterEntry[],
  source: string,
): Promise<number> {
  assertValidRoster(entries);
  const loadedAt = new Date().toISOString();
  return db.transaction(async (client) => {
    await lockFor(client, writeLock.tables);
    const schoolWaves = new Map(entries.map((e) => [JSON.stringify([e.school, e.wave]), e]));
    for (const { school, wave } of schoolWaves.values()) {
      await client.run("DELETE FROM roster WHERE school = $1 AND wave = $2", [school, wave]);
    }
    for (const e of entries) {
      await client.run("INSERT INTO roster VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP))", [
        e.school,
        e.groep,
        e.wave,
        e.families,
        source,
        loadedAt,
      ]);
    }
    await bumpDataVersionPg(client);
    return entries.length;
  });
}

export async function rosterPg(db: Sql, where: RosterWhere = {}): Promise<RosterEntry[]> {
  const params = new Params();
  const conditions = (["school", "groep", "wave"] as const)
    .filter((column) => where[column] !== undefined)
    .map((column) => `${column} = ${params.add(where[column] ?? null)}`);
  const rows = await db.all(
    `SELECT school, groep, wave, families FROM roster WHERE ${conditions.join(" AND ") || "TRUE"}`,
    params.values,
  );
  return rows
    .map((row) => ({
      school: String(row.school),
      groep: String(row.groep),
      wave: String(row.wave),
      families: Number(row.families),
    }))
    .sort(
      (a, b) =>
        compareNatural(a.school, b.school) ||
        compareNatural(a.wave, b.wave) ||
        compareGroepen(a.groep, b.groep),
    );
}
