import { existsSync } from "node:fs";
import { type DuckDb, sqlString } from "./connection.js";
import { atLeast } from "./memory-size.js";

/**
 * A checkpoint with the memory it takes. Rows appended to a table's last row group stay in memory,
 * a block per column, until a checkpoint writes them into the file, and DuckDB's own checkpoints
 * (at a commit past the WAL's threshold, at close) run in the pool of the moment. After a second
 * import of a small observation export (an analysis table of 211 columns) 54 of the pool's 61 MB
 * stayed taken, the checkpoint at close failed, every later open read the rows back from the WAL,
 * and the reports ran out of memory. That checkpoint needed 120 MB: it is given half a MB per
 * column of the store's tables beside 32 MB, and at least `floor`.
 */
export async function checkpointWithRoom(db: DuckDb, floor: string, vacuum = false): Promise<void> {
  const columns = Number(
    await db.scalar(
      "SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal",
    ),
  );
  const needed = Math.ceil(32 + columns / 2);
  await db.withSetting("memory_limit", atLeast(floor, needed), () =>
    vacuum
      ? db.withSetting("max_vacuum_tasks", vacuumTasks, () => db.run("CHECKPOINT"))
      : db.run("CHECKPOINT"),
  );
}

/**
 * Vacuum: a checkpoint can merge a table's adjacent row groups that fit in fewer, reading and
 * compressing their rows again. Every import leaves a few part-filled row groups (a statement's
 * last, each thread's), and merging them took 1.1–2.1 s of a million-response import's 22 s
 * (the closing checkpoint: 22 ms without), for no gain a reader notices: a scan reads a few more,
 * smaller row groups. So the store's databases open with vacuum off (DuckDb.open), DuckDB's own
 * checkpoints included, and only a checkpoint after rows were deleted (duplicates, replaced
 * responses) vacuums, with DuckDB's default number of tasks. Row groups whose rows were all deleted
 * are dropped at every checkpoint, vacuum or not; erasure rewrites the file anyway (compact.ts).
 */
const vacuumTasks = "100";

/**
 * checkpointWithRoom; when it fails, DuckDB invalidates the database (what it could not write stays
 * in the WAL), and the file is opened again: the connection to go on with.
 */
export async function checkpointOrReopen(
  db: DuckDb,
  floor: string,
  reopen: (path: string) => Promise<DuckDb>,
  vacuum = false,
): Promise<DuckDb> {
  try {
    await checkpointWithRoom(db, floor, vacuum);
    return db;
  } catch {
    const path = db.path;
    db.close();
    return reopen(path);
  }
}

/** the memory limit for reading a WAL back at open; only what the rows in it take is used */
const walMemoryLimit = "1GB";

/**
 * Opens the file with `open`; when it has a WAL, first with room to read it back, and writes it
 * into the file before the pool is set to `memoryLimit`. A closing checkpoint that ran out of
 * memory (before the store checkpointed after each import) left rows in the WAL, and DuckDB reads
 * them back into memory at every open, a block per column of their table: rows appended to a table
 * of 140 columns no longer opened in 64 MB at all, and 211 columns left the views 7 of 61 MB.
 */
export async function openWritten(
  path: string,
  memoryLimit: string,
  open: (path: string, memoryLimit: string) => Promise<DuckDb>,
): Promise<DuckDb> {
  if (path === ":memory:" || !existsSync(`${path}.wal`)) return open(path, memoryLimit);
  const roomy = await open(path, walMemoryLimit);
  const db = await checkpointOrReopen(roomy, walMemoryLimit, (at) => open(at, memoryLimit));
  if (db === roomy) await db.run(`SET memory_limit = ${sqlString(memoryLimit)}`);
  return db;
}
