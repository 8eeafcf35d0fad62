import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readDashboardMarker } from "../dashboard-marker.js";
import { StoreError, storeMessages } from "../messages.js";
import { DuckDb, type DuckDbOptions } from "./connection.js";

/** Opens a DuckDB file; another program holding it is told to the user as such. */
export async function openDatabase(path: string, options: DuckDbOptions): Promise<DuckDb> {
  try {
    const db = await DuckDb.open(path, options);
    try {
      if (path !== ":memory:") removeStaleSpillFiles(path);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  } catch (error) {
    if (error instanceof Error && /lock/i.test(error.message)) {
      // a running dashboard says so itself (dashboard-marker.ts): then the way on is its upload page
      const dashboard = readDashboardMarker(path);
      if (dashboard !== undefined)
        throw new StoreError(storeMessages.databaseHeldByDashboard(path, dashboard.url, dashboard.pid), {
          cause: error,
        });
      throw new StoreError(storeMessages.databaseLocked(path), { cause: error });
    }
    throw error;
  }
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
