import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir, voorbeeld, zaz } from "./run-zaz.js";

interface ManifestEntry {
  file: string;
  instrument: string;
  flags: Record<string, string>;
}

/** A fresh database holding every example export and the roster, as `npm start` loads them. */
export async function exampleDatabase(): Promise<string> {
  const db = join(tempDir("zaz-voorbeeld-"), "zaz.duckdb");
  const manifest = JSON.parse(readFileSync(join(voorbeeld, "manifest.json"), "utf8")) as ManifestEntry[];
  for (const m of manifest) {
    const flags = Object.entries(m.flags).flatMap(([k, v]) => [`--${k}`, v]);
    const r = await zaz([
      "ingest",
      join(voorbeeld, m.file),
      "--instrument",
      m.instrument,
      ...flags,
      "--db",
      db,
    ]);
    if (r.code !== 0) throw new Error(`ingest ${m.file}: ${r.stderr}`);
  }
  const roster = await zaz(["roster", join(voorbeeld, "rooster.csv"), "--db", db]);
  if (roster.code !== 0) throw new Error(roster.stderr);
  return db;
}
