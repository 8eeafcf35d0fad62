import { StoreError, storeMessages } from "../messages.js";
import { DuckDb, type DuckDbOptions } from "./connection.js";

/** Opens a DuckDB file; another program holding it is told to the user as such. */
export async function openDatabase(path: string, options: DuckDbOptions): Promise<DuckDb> {
  try {
    return await DuckDb.open(path, options);
  } catch (error) {
    if (error instanceof Error && /lock/i.test(error.message)) {
      throw new StoreError(storeMessages.databaseLocked(path), { cause: error });
    }
    throw error;
  }
}
