import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readDashboardMarker } from "../dashboard-marker.js";
import { asDiskFull, StoreError, storeMessages } from "../messages.js";
import { isInMemory } from "./compact.js";
import { DuckDb, type DuckDbOptions } from "./connection.js";

/** Opens a DuckDB file; another program holding it is told to the user as such. */
export async function openDatabase(path: string, options: DuckDbOptions): Promise<DuckDb> {
  try {
    const db = await DuckDb.open(path, options);
    try {
      if (!isInMemory(path)) {
        await refuseOtherFile(db, path);
        removeStaleSpillFiles(path);
      }
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  } catch (error) {
    // DuckDB's file lock ("Could not set lock on file …: Conflicting lock is held"); not any "lock":
    // a damaged file's message names a "block"
    if (error instanceof Error && /Could not set lock|Conflicting lock/.test(error.message)) {
      // a running dashboard says so itself (dashboard-marker.ts): then the way on is its upload page
      const dashboard = readDashboardMarker(path);
      if (dashboard !== undefined)
        throw new StoreError(storeMessages.databaseHeldByDashboard(path, dashboard.url, dashboard.pid), {
          cause: error,
        });
      throw new StoreError(storeMessages.databaseLocked(path), { cause: error });
    }
    const known = openFailure(path, error);
    if (known !== undefined) throw new StoreError(known, { cause: error });
    throw asDiskFull(error, path);
  }
}

/**
 * DuckDB opens an existing CSV, JSON or Parquet file as an in-memory database with a view of it:
 * `--db export.csv` (the export given in the wrong place) would import into memory, say so, and
 * keep nothing. A database opened from a file has that file's path.
 */
async function refuseOtherFile(db: DuckDb, path: string): Promise<void> {
  const opened = await db.scalar(
    "SELECT path FROM duckdb_databases() WHERE database_name = current_database()",
  );
  if (opened === null || opened === undefined) throw new StoreError(storeMessages.notADatabase(path));
}

/**
 * A file that cannot be opened as the database, as a Dutch message: a folder, another kind of file,
 * a damaged one, no access. Undefined for anything else (a full disk: asDiskFull).
 */
function openFailure(path: string, error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  if (/Is a directory/.test(text)) return storeMessages.databaseIsDirectory(path);
  if (/not a valid DuckDB database file/.test(text)) return storeMessages.notADatabase(path);
  if (/Corrupt database file/.test(text)) return storeMessages.databaseCorrupt(path);
  if (/Permission denied|Read-only file system/.test(text)) return storeMessages.databaseNoAccess(path);
  if (/Cannot open file .*No such file or directory/.test(text))
    return storeMessages.databaseCannotCreate(path);
  return undefined;
}

/**
 * Removes the spill files a killed process left in the database's temp directory (DuckDB's
 * default, `<file>.tmp`): they may hold an unfinished import's stage (pseudonyms, keys, answers),
 * and DuckDB only removes its own when it closes. The open succeeded, so DuckDB's lock says no
 * other process uses them.
 */
function removeStaleSpillFiles(path: string): void {
  const dir = `${path}.tmp`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // none: nothing was spilled, or it was cleaned up
  }
  for (const name of names)
    if (/^duckdb_temp_storage.*\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
}
