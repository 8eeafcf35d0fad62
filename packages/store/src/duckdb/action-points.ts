import {
  type ActionPoint,
  ActionPointChange,
  type ActionPointChanges,
  type ActionPointEvent,
  isActionPointChange,
  type NewActionPoint,
} from "@zaz/model";
import type { ActionPointFilter } from "../store.js";
import type { DuckDb, SqlRow } from "./connection.js";
import { bumpDataVersion } from "./data-version.js";

const columns =
  "id, school, groep, concept, description, wie, wave, effect_wave, done, CAST(created_at AS VARCHAR) AS created_at, created_by, CAST(updated_at AS VARCHAR) AS updated_at";

function iso(value: unknown): string {
  return `${String(value).replace(" ", "T")}${String(value).endsWith("Z") ? "" : "Z"}`;
}

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
    createdAt: iso(row.created_at),
    createdBy: String(row.created_by),
    updatedAt: iso(row.updated_at),
  };
}

export async function listActionPoints(db: DuckDb, filter: ActionPointFilter = {}): Promise<ActionPoint[]> {
  const schools = filter.schools ?? (filter.school === undefined ? undefined : [filter.school]);
  if (schools !== undefined && schools.length === 0) return [];
  const where =
    schools === undefined ? "" : `WHERE school IN (${schools.map((_, i) => `$${i + 1}`).join(", ")})`;
  const rows = await db.all(`SELECT ${columns} FROM action_points ${where} ORDER BY id`, schools ?? []);
  return rows.map(toActionPoint);
}

async function findActionPoint(db: DuckDb, id: number): Promise<ActionPoint | undefined> {
  const rows = await db.all(`SELECT ${columns} FROM action_points WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : toActionPoint(rows[0]);
}

async function log(
  db: DuckDb,
  id: number,
  by: string,
  at: string,
  change: ActionPointChange,
  detail: object,
) {
  await db.run("INSERT INTO action_point_log VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4, $5)", [
    id,
    at,
    by,
    change,
    JSON.stringify(detail),
  ]);
}

/**
 * Every change writes the row, its line in the log and a new data version in one transaction:
 * the class overview shows the action points, so a kept view must not outlive them.
 */
export function addActionPoint(db: DuckDb, point: NewActionPoint, by: string): Promise<ActionPoint> {
  return db.transaction(async () => {
    const id = Number((await db.scalar("SELECT coalesce(max(action_id), 0) + 1 FROM action_point_log")) ?? 1);
    const at = new Date().toISOString();
    await db.run(
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
    await log(db, id, by, at, ActionPointChange.added, point);
    await bumpDataVersion(db);
    const added = await findActionPoint(db, id);
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

export function updateActionPoint(
  db: DuckDb,
  id: number,
  changes: ActionPointChanges,
  by: string,
): Promise<ActionPoint | undefined> {
  return db.transaction(async () => {
    if ((await findActionPoint(db, id)) === undefined) return undefined;
    const at = new Date().toISOString();
    const set = (Object.keys(changeColumns) as (keyof ActionPointChanges)[]).filter(
      (k) => changes[k] !== undefined,
    );
    const values = set.map((k) => changes[k] ?? null);
    await db.run(
      `UPDATE action_points SET ${[...set.map((k, i) => `${changeColumns[k]} = $${i + 1}`), `updated_at = CAST($${set.length + 1} AS TIMESTAMP)`].join(", ")} WHERE id = $${set.length + 2}`,
      [...values, at, id],
    );
    await log(db, id, by, at, ActionPointChange.updated, changes);
    await bumpDataVersion(db);
    return findActionPoint(db, id);
  });
}

export function markActionPointDone(
  db: DuckDb,
  id: number,
  done: boolean,
  by: string,
): Promise<ActionPoint | undefined> {
  return db.transaction(async () => {
    if ((await findActionPoint(db, id)) === undefined) return undefined;
    const at = new Date().toISOString();
    await db.run("UPDATE action_points SET done = $1, updated_at = CAST($2 AS TIMESTAMP) WHERE id = $3", [
      done,
      at,
      id,
    ]);
    await log(db, id, by, at, done ? ActionPointChange.done : ActionPointChange.undone, { done });
    await bumpDataVersion(db);
    return findActionPoint(db, id);
  });
}

export function removeActionPoint(db: DuckDb, id: number, by: string): Promise<boolean> {
  return db.transaction(async () => {
    const point = await findActionPoint(db, id);
    if (point === undefined) return false;
    await db.run("DELETE FROM action_points WHERE id = $1", [id]);
    await log(db, id, by, new Date().toISOString(), ActionPointChange.removed, {});
    await bumpDataVersion(db);
    return true;
  });
}

export async function actionPointHistory(db: DuckDb, id?: number): Promise<ActionPointEvent[]> {
  const rows = await db.all(
    `SELECT action_id, CAST(changed_at AS VARCHAR) AS changed_at, changed_by, change, detail FROM action_point_log ${id === undefined ? "" : "WHERE action_id = $1"} ORDER BY changed_at, action_id`,
    id === undefined ? [] : [id],
  );
  return rows.flatMap((row): ActionPointEvent[] => {
    const change = String(row.change);
    if (!isActionPointChange(change)) return [];
    return [
      {
        actionId: Number(row.action_id),
        at: iso(row.changed_at),
        by: String(row.changed_by),
        change,
        detail: String(row.detail),
      },
    ];
  });
}
