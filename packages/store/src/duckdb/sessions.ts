import type { StoredSession } from "../store.js";
import type { DuckDb } from "./connection.js";

export async function getSession(db: DuckDb, id: string): Promise<StoredSession | undefined> {
  const [row] = await db.all("SELECT record, expires_at FROM sessions WHERE id = $1", [id]);
  return row === undefined ? undefined : { record: String(row.record), expiresAt: Number(row.expires_at) };
}

export async function setSession(db: DuckDb, id: string, record: string, expiresAt: number): Promise<void> {
  if (!Number.isFinite(expiresAt)) throw new Error(`Session expiry must be a finite time, got ${expiresAt}`);
  await db.run(
    `INSERT INTO sessions VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET record = excluded.record, expires_at = excluded.expires_at`,
    [id, record, BigInt(Math.floor(expiresAt))],
  );
}

export async function destroySession(db: DuckDb, id: string): Promise<void> {
  await db.run("DELETE FROM sessions WHERE id = $1", [id]);
}

export async function purgeExpiredSessions(db: DuckDb, now: number): Promise<number> {
  return db.run("DELETE FROM sessions WHERE expires_at <= $1", [BigInt(Math.floor(now))]);
}
