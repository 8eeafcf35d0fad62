/**
 * The database the scale benchmarks share: the example data of data/voorbeeld plus one very large
 * school of the example board ("Het Grote Kompas") with two waves of N/2 responses each, made by the
 * example-data generator and read in with the built `zaz`, as a leerteam would. Kept in bench/out
 * and made again only when missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateExport, root } from "./measure.js";

export { root };
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

/**
 * While another process builds the database (its marker is there and files in bench/out keep
 * changing), waits: at most an hour. A marker left by a killed build stops changing, and is rebuilt.
 */
async function waitForBuild(marker: string): Promise<void> {
  if (!existsSync(marker)) return;
  const newest = () =>
    Math.max(
      0,
      ...readdirSync(out).map((f) => statSync(join(out, f), { throwIfNoEntry: false })?.mtimeMs ?? 0),
    );
  let told = false;
  const until = Date.now() + 60 * 60 * 1000;
  while (existsSync(marker) && Date.now() - newest() < 180_000 && Date.now() < until) {
    if (!told) process.stderr.write(`de database wordt nu gebouwd (${marker}); wachten …\n`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

/**
 * The path of the database with `responses` responses in the big school; built when missing, or
 * once another process building it is done.
 */
export async function bigDatabase(responses: number): Promise<string> {
  mkdirSync(out, { recursive: true });
  const db = join(out, `groot-${responses}.duckdb`);
  const marker = `${db}.bouw`;
  await waitForBuild(marker);
  if (existsSync(db) && !existsSync(marker)) return db;
  if (!existsSync(zazBin)) throw new Error("zaz is nog niet gebouwd: voer eerst 'npm run build' uit.");
  for (const f of [db, `${db}.wal`, `${db}.key`]) rmSync(f, { force: true });
  // A marker while building: a killed build is started again, not used half-made.
  writeFileSync(marker, `${process.pid}\n`);
  loadBigData(db, responses);
  rmSync(marker, { force: true });
  return db;
}

/**
 * Reads the example data and the big school's two waves into `db` (a DuckDB file, or a PostgreSQL
 * URL: see bench:dashboard --store postgres) with the built `zaz`, generating the exports when missing.
 */
export function loadBigData(db: string, responses: number): void {
  if (!existsSync(zazBin)) throw new Error("zaz is nog niet gebouwd: voer eerst 'npm run build' uit.");
  step("voorbeeldgegevens inlezen", process.execPath, [zazBin, "voorbeeld", "--db", db]);
  for (const [i, wave] of bigWaves.entries()) {
    const file = join(out, `groot-${responses / 2}-${wave}.csv`);
    if (!existsSync(file)) {
      process.stderr.write(`export van ${responses / 2} antwoorden genereren (${wave}) …\n`);
      generateExport(responses / 2, file, { waveIndex: i });
    }
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
      "--nieuwe-school",
      "--db",
      db,
    ]);
  }
}
