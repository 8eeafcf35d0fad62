import { compareGroepen } from "@zaz/model";
import { compareNatural } from "../natural-order.js";
import type { RosterEntry } from "../store.js";
import type { DuckDb } from "./connection.js";
import { bumpDataVersion } from "./data-version.js";
import { Params } from "./scope-filter.js";

type RosterWhere = Partial<Pick<RosterEntry, "school" | "groep" | "wave">>;

export async function replaceRoster(
  db: DuckDb,
  entries: readonly RosterEntry[],
  source: string,
): Promise<number> {
  assertValidRoster(entries);
  const loadedAt = new Date().toISOString();
  return db.transaction(async () => {
    const schoolWaves = new Map(entries.map((e) => [JSON.stringify([e.school, e.wave]), e]));
    for (const { school, wave } of schoolWaves.values()) {
      await db.run("DELETE FROM roster WHERE school = $1 AND wave = $2", [school, wave]);
    }
    for (const e of entries) {
      await db.run("INSERT INTO roster VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP))", [
        e.school,
        e.groep,
        e.wave,
        e.families,
        source,
        loadedAt,
      ]);
    }
    await bumpDataVersion(db);
    return entries.length;
  });
}

/** Programmer errors only: the CLI reports bad roster files to users before it gets here. */
export function assertValidRoster(entries: readonly RosterEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (!Number.isInteger(e.families) || e.families < 0) {
      throw new Error(`Roster families must be a whole number ≥ 0, got ${e.families}`);
    }
    const id = JSON.stringify([e.school, e.groep, e.wave]);
    if (seen.has(id)) throw new Error(`Roster lists school/groep/wave ${id} twice`);
    seen.add(id);
  }
}

export async function roster(db: DuckDb, where: RosterWhere = {}): Promise<RosterEntry[]> {
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
