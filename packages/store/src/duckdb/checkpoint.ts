import type { DuckDb } from "./connection.js";

/**
 * A checkpoint with the memory it takes. Rows appended to a table's last row group stay in memory,
 * a block per column, until a checkpoint writes them into the file, and DuckDB's own checkpoints
 * (at a commit past the WAL's threshold, at close) run in the pool of the moment. After a second
 * import of a small observation export (an analysis table of 211 columns) 54 of the pool's 61 MB
 * stayed taken, the checkpoint at close failed, every later open read the rows back from the WAL,
 * and the reports ran out of memory. That checkpoint needed 120 MB: it is given half a MB per
 * column of the store's tables beside 32 MB, and at least `floor`.
 */
export async function checkpointWithRoom(db: DuckDb, floor: string): Promise<void> {
  const columns = Number(
    await db.scalar(
      "SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal",
    ),
  );
  const needed = Math.ceil(32 + columns / 2);
  const limit = needed > (megabytes(floor) ?? 0) ? `${needed}MB` : floor;
  await db.withSetting("memory_limit", limit, () => db.run("CHECKPOINT"));
}

/** DuckDB's memory size ("96MB", "1.5GB", "512MiB") in its megabytes (10^6 bytes), if it reads as one */
export function megabytes(size: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|KiB|MiB|GiB)\s*$/i.exec(size);
  if (m === null) return undefined;
  const bytes: Record<string, number> = {
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
  };
  return (Number(m[1]) * (bytes[(m[2] ?? "").toLowerCase()] ?? Number.NaN)) / 1e6;
}
