import { tempDir, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * A fresh database holding every example export and the roster, as `npm start` loads them: a DuckDB
 * file, or on the PostgreSQL run a new database on the run's server.
 */
export async function exampleDatabase(): Promise<string> {
  const db = await newTestDatabase(tempDir("zaz-voorbeeld-"));
  const r = await zaz(["voorbeeld", "--db", db]);
  if (r.code !== 0) throw new Error(`zaz voorbeeld: ${r.stderr}`);
  return db;
}
