/**
 * The database the scale benchmarks share: the example data of data/voorbeeld plus one very large
 * school of the example board ("Het Grote Kompas") with two waves of N/2 responses each, made by the
 * example-data generator and read in with the built `zaz`, as a leerteam would. Kept in bench/out
 * and made again only when missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..");
export const out = join(root, "bench", "out");
export const bigSchool = "Het Grote Kompas";
export const bigBestuur = "Stichting Samen Leren";
export const bigWaves = ["2025-najaar", "2026-voorjaar"] as const;
export const zazBin = join(root, "apps", "cli", "bin", "zaz.js");

function step(what: string, command: string, args: string[]): void {
  process.stderr.write(`${what} …\n`);
  const r = spawnSync(command, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`${what} mislukt (${r.status})`);
}

/** The path of the database with `responses` responses in the big school; built when missing. */
export function bigDatabase(responses: number): string {
  mkdirSync(out, { recursive: true });
  const db = join(out, `groot-${responses}.duckdb`);
  if (existsSync(db) && !existsSync(`${db}.bouw`)) return db;
  for (const f of [db, `${db}.wal`, `${db}.key`]) rmSync(f, { force: true });
  // A marker while building: a killed build is started again, not used half-made.
  spawnSync("touch", [`${db}.bouw`]);
  if (!existsSync(zazBin)) throw new Error("zaz is nog niet gebouwd: voer eerst 'npm run build' uit.");
  step("voorbeeldgegevens inlezen", process.execPath, [zazBin, "voorbeeld", "--db", db]);
  for (const [i, wave] of bigWaves.entries()) {
    const file = join(out, `groot-${responses / 2}-${wave}.csv`);
    if (!existsSync(file))
      step(`export van ${responses / 2} antwoorden genereren (${wave})`, process.execPath, [
        "--conditions=zaz-source",
        "--import",
        "tsx",
        "scripts/generate-voorbeeld.ts",
        "--responses",
        String(responses / 2),
        "--wave-index",
        String(i),
        "--out",
        file,
      ]);
    step(`${wave} inlezen`, process.execPath, [
      zazBin,
      "ingest",
      file,
      "--instrument",
      "ouderpopulatie",
      "--bestuur",
      bigBestuur,
      "--school",
      bigSchool,
      "--wave",
      wave,
      "--db",
      db,
    ]);
  }
  rmSync(`${db}.bouw`, { force: true });
  return db;
}
