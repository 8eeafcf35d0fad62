import { readDashboardMarker } from "../dashboard-marker.js";
import { StoreError, storeMessages } from "../messages.js";
import { DuckDb, type DuckDbOptions } from "./connection.js";

/** Opens a DuckDB file; another program holding it is told to the user as such. */
export async function openDatabase(path: string, options: DuckDbOptions): Promise<DuckDb> {
  try {
    return await DuckDb.open(path, options);
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
