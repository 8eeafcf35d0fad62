import {
  type ActionPoint,
  ActionPointChange,
  type ActionPointChanges,
  type ActionPointEvent,
  isActionPointChange,
  type NewActionPoint,
} from "@zaz/model";
import type { ActionPointFilter } from "../store.js";
import { lockFor, type PgDatabase, type Sql, type SqlRow, writeLock } from "./connection.js";
import { bumpDataVersionPg } from "./data-version.js";

/** ISO 8601 with milliseconds and Z, as the times were written (UTC) */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const columns = `id, school, groep, concept, description, wie, wave, effect_wave, done,
  ${iso("created_at")} AS created_at, created_by, ${iso("updated_at")} AS updated_at`;

function toActionPoint(row: SqlRow): ActionPoint {
  return {
    id: Number(row.id),
    school: String(row.school),
    groep: row.groep === null ? null : String(row.groep),
    concept: String(row.concept),
    description: String(row.description),
    wie: String(row.wie),
    wave: String(row.wave),
    effectWave: String(row.effect_wave),
    done: row.done === true,
    createdAt: String(row.created_at),
    createdBy: String(row.created_by),
    updatedAt: String(row.updated_at),
  };
}

export async function listActionPointsPg(db: Sql, filter: ActionPointFilter = {}): Promise<ActionPoint[]> {
  const schools = filter.schools ?? (filter.school === undefined ? undefined : [filter.school]);
  if (schools !== undefined && schools.length === 0) return [];
  const where =
    schools === undefined ? "" : `WHERE school IN (${schools.map((_, i) => `$${i + 1}`).join(", ")})`;
  const rows = await db.all(`SELECT ${columns} FROM action_points ${where} ORDER BY id`, schools ?? []);
  return rows.map(toActionPoint);
}

async function findActionPoint(db: Sql, id: number): Promise<ActionPoint | undefined> {
  const rows = await db.all(`SELECT ${columns} FROM action_points WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : toActionPoint(rows[0]);
}

async function log(db: Sql, id: number, by: string, at: string, change: ActionPointChange, detail: object) {
  await db.run("INSERT INTO action_point_log VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4, $5)", [
    id,
    at,
    by,
    change,
    JSON.stringify(detail),
  ]);
}

/**
 * As the DuckDB store: the row, its line in the log and a new data version in one transaction,
 * under the tables lock so two processes never pick the same new id.
 */
function change<T>(db: PgDatabase, work: (client: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (client) => {
    await lockFor(client, writeLock.tables);
    return work(client);
  });
}

export function addActionPointPg(db: PgDatabase, point: NewActionPoint, by: string): Promise<ActionPoint> {
  return change(db, async (client) => {
    const id = Number(
      (await client.scalar("SELECT coalesce(max(action_id), 0) + 1 FROM action_point_log")) ?? 1,
    );
    const at = new Date().toISOString();
    await client.run(
      "INSERT INTO action_points VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, CAST($9 AS TIMESTAMP), $10, CAST($9 AS TIMESTAMP))",
      [
        id,
        point.school,
        point.groep,
        point.concept,
        point.description,
        point.wie,
        point.wave,
        point.effectWave,
        at,
        by,
      ],
    );
    await log(client, id, by, at, ActionPointChange.added, point);
    await bumpDataVersionPg(client);
    const added = await findActionPoint(client, id);
    if (added === undefined) throw new Error(`action point ${id} not written`);
    return added;
  });
}

const changeColumns: Readonly<Record<keyof ActionPointChanges, string>> = {
  groep: "groep",
  concept: "concept",
  description: "description",
  wie: "wie",
  effectWave: "effect_wave",
};

export function updateActionPointPg(
  db: PgDatabase,
  id: number,
  changes: ActionPointChanges,
  by: string,
): Promise<ActionPoint | undefined> {
  return change(db, async (client) => {
    if ((await findActionPoint(client, id)) === undefined) return undefined;
    const at = new Date().toISOString();
    const set = (Object.keys(changeColumns) as (keyof ActionPointChanges)[]).filter(
      (k) => changes[k] !== undefined,
    );
    const values = set.map((k) => changes[k] ?? null);
    await client.run(
      `UPDATE action_points SET ${[...set.map((k, i) => `${changeColumns[k]} = $${i + 1}`), `updated_at = CAST($${set.length + 1} AS TIMESTAMP)`].join(", ")} WHERE id = $${set.length + 2}`,
      [...values, at, id],
    );
    await log(client, id, by, at, ActionPointChange.updated, changes);
    await bumpDataVersionPg(client);
    return findActionPoint(client, id);
  });
}

export function markActionPointDonePg(
  db: PgDatabase,
  id: number,
  done: boolean,
  by: string,
): Promise<ActionPoint | undefined> {
  return change(db, async (client) => {
    if ((await findActionPoint(client, id)) === undefined) return undefined;
    const at = new Date().toISOString();
    await client.run("UPDATE action_points SET done = $1, updated_at = CAST($2 AS TIMESTAMP) WHERE id = $3", [
      done,
      at,
      id,
    ]);
    await log(client, id, by, at, done ? ActionPointChange.done : ActionPointChange.undone, { done });
    await bumpDataVersionPg(client);
    return findActionPoint(client, id);
  });
}

export function removeActionPointPg(db: PgDatabase, id: number, by: string): Promise<boolean> {
  return change(db, async (client) => {
    if ((await findActionPoint(client, id)) === undefined) return false;
    await client.run("DELETE FROM action_points WHERE id = $1", [id]);
    await log(client, id, by, new Date().toISOString(), ActionPointChange.removed, {});
    await bumpDataVersionPg(client);
    return true;
  });
}

export async function actionPointHistoryPg(db: Sql, id?: number): Promise<ActionPointEvent[]> {
  const rows = await db.all(
    `SELECT action_id, ${iso("changed_at")} AS changed_at, changed_by, change, detail FROM action_point_log
     ${id === undefined ? "" : "WHERE action_id = $1"} ORDER BY changed_at, action_id`,
    id === undefined ? [] : [id],
  );
  return rows.flatMap((row): ActionPointEvent[] => {
    const kind = String(row.change);
    if (!isActionPointChange(kind)) return [];
    return [
      {
        actionId: Number(row.action_id),
        at: String(row.changed_at),
        by: String(row.changed_by),
        change: kind,
        detail: String(row.detail),
      },
    ];
  });
}
