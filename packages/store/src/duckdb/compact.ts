import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { type DuckDb, sqlIdentifier, sqlString } from "./connection.js";

/**
 * DuckDB marks deleted rows and reuses freed blocks later; it does not overwrite them, so erased
 * values stay readable in the file's bytes (measured: a deleted marker survives DELETE and
 * CHECKPOINT in a small table). Erasure therefore rewrites the database into a fresh file and
 * swaps it in with an atomic rename.
 */

const needsCompactionFlag = "needs_compaction";

export function compactionTarget(path: string): string {
  return `${path}.compact`;
}

export function walPath(path: string): string {
  return `${path}.wal`;
}

export function isInMemory(path: string): boolean {
  return path === ":memory:" || path === "";
}

export async function markNeedsCompaction(db: DuckDb): Promise<void> {
  await db.run("INSERT OR REPLACE INTO store_state VALUES ($1, 'true')", [needsCompactionFlag]);
}

export async function needsCompaction(db: DuckDb): Promise<boolean> {
  return (await db.scalar("SELECT count(*) FROM store_state WHERE name = $1", [needsCompactionFlag])) !== 0n;
}

/** Leftovers of a compaction that was interrupted before its rename; the original is intact. */
export async function removeStaleCompaction(path: string): Promise<void> {
  if (isInMemory(path)) return;
  const target = compactionTarget(path);
  await rm(target, { force: true });
  await rm(walPath(target), { force: true });
}

export interface Compaction {
  /** the database to use from now on: the compacted file, or the original if the swap failed */
  db: DuckDb;
  /** why the swap failed; the original is then open again and still flagged for compaction */
  failure?: unknown;
}

/**
 * Rewrites the database at db.path without its free blocks. A failure while copying is thrown
 * with `db` still open; after `db` is closed, the result always holds an open database.
 */
export async function compact(db: DuckDb, reopen: (path: string) => Promise<DuckDb>): Promise<Compaction> {
  if (isInMemory(db.path)) {
    await db.run("DELETE FROM store_state WHERE name = $1", [needsCompactionFlag]);
    return { db };
  }
  const path = db.path;
  const target = compactionTarget(path);
  await removeStaleCompaction(path);
  await copyDatabase(db, target);
  db.close();
  let failure: unknown;
  try {
    // A WAL left after a clean close belongs to the old file; renaming over it would let DuckDB
    // replay it onto the new one. Keep the original then (the flag makes the next open retry).
    if (existsSync(walPath(path))) throw new Error(`Cannot compact ${path}: its WAL was not checkpointed`);
    await rename(target, path);
  } catch (error) {
    failure = error;
    await removeStaleCompaction(path);
  }
  const reopened = await reopen(path);
  return failure === undefined ? { db: reopened } : { db: reopened, failure };
}

async function copyDatabase(db: DuckDb, target: string): Promise<void> {
  await db.run("CHECKPOINT");
  const source = String(await db.scalar("SELECT current_database()"));
  await db.run(`ATTACH ${sqlString(target)} AS zaz_compact`);
  try {
    await db.run(`COPY FROM DATABASE ${sqlIdentifier(source)} TO zaz_compact`);
    await db.run("DELETE FROM zaz_compact.store_state WHERE name = $1", [needsCompactionFlag]);
    await db.run("CHECKPOINT zaz_compact");
  } catch (error) {
    await db.run("DETACH zaz_compact").catch(() => undefined);
    await removeStaleCompaction(db.path);
    throw error;
  }
  await db.run("DETACH zaz_compact");
}
