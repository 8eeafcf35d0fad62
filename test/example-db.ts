import { join } from "node:path";
import { tempDir, zaz } from "./run-zaz.js";

/** A fresh database holding every example export and the roster, as `npm start` loads them. */
export async function exampleDatabase(): Promise<string> {
  const db = join(tempDir("zaz-voorbeeld-"), "zaz.duckdb");
  const r = await zaz(["voorbeeld", "--db", db]);
  if (r.code !== 0) throw new Error(`zaz voorbeeld: ${r.stderr}`);
  return db;
}
