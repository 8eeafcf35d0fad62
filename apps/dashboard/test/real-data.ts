import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main } from "@zaz/cli";
import { StoreResultsService } from "@zaz/dashboard";
import type { Instrument } from "@zaz/model";
import { openDuckDbStore, type Store } from "@zaz/store";
import { defaultInstrumentDir, findInstruments, privacySettings } from "@zaz/survey";

export const repoRoot = join(import.meta.dirname, "..", "..", "..");
export const voorbeeld = join(repoRoot, "data", "voorbeeld");

interface ManifestEntry {
  file: string;
  instrument: string;
  flags: Record<string, string>;
  responses: number;
}

/** The example files of data/voorbeeld/manifest.json (beside them it lists the schools and boards). */
export function manifest(): ManifestEntry[] {
  return (JSON.parse(readFileSync(join(voorbeeld, "manifest.json"), "utf8")) as { files: ManifestEntry[] })
    .files;
}

/** The roster's rows (school, groep, wave, families) of a school in a wave, read straight from the file. */
function rosterRows(school: string, wave: string): string[][] {
  return readFileSync(join(voorbeeld, "rooster.csv"), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(";"))
    .filter(([s, , w]) => s === school && w === wave);
}

/** Families per school and wave, read straight from the roster file (not through the store). */
export function rosterFamilies(school: string, wave: string): number {
  return rosterRows(school, wave).reduce((sum, [, , , families]) => sum + Number(families), 0);
}

/**
 * Families per groep of a school in a wave, in the roster's order, read straight from the roster
 * file (not through the store): the groep as the file names it ("3"), its families.
 */
export function rosterFamiliesPerGroep(school: string, wave: string): Map<string, number> {
  return new Map(rosterRows(school, wave).map(([, groep, , families]) => [groep ?? "", Number(families)]));
}

export interface RealData {
  /** the database file, in a temporary folder of its own */
  db: string;
  store: Store;
  service: StoreResultsService;
  instruments: Map<string, Instrument>;
  /** closes the store and removes the folder */
  close(): Promise<void>;
}

/**
 * A temporary DuckDB file with all of data/voorbeeld ingested through the CLI, as a user would, in a
 * folder of its own; nothing has it open. Its path.
 */
export async function writeExampleData(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "zaz-dashboard-"));
  const db = join(dir, "zaz.duckdb");
  let log = "";
  const effects = {
    stdout: { write: () => {}, isTTY: false },
    stderr: {
      write: (s: string) => {
        log += s;
      },
      isTTY: false,
    },
    env: { NO_COLOR: "1" },
    cwd: repoRoot,
    now: () => new Date("2026-11-23T12:00:00Z"),
  };
  const code = await main(["voorbeeld", "--db", db], effects);
  if (code !== 0) throw new Error(`zaz voorbeeld failed:\n${log}`);
  return db;
}

/**
 * The store and results service over a file of writeExampleData (the store must be the only one
 * open on it in this process); close() also removes its folder.
 */
export async function openExampleData(db: string): Promise<RealData> {
  const store = await openDuckDbStore(db);
  const { instruments: loaded } = await findInstruments([defaultInstrumentDir()]);
  const instruments = new Map(loaded.map((l) => [l.instrument.id, l.instrument]));
  const privacy = privacySettings();
  if (!privacy.ok) throw new Error("default privacy settings rejected");
  return {
    db,
    store,
    instruments,
    service: new StoreResultsService({ store, privacy: privacy.value }),
    close: async () => {
      await store.close();
      rmSync(dirname(db), { recursive: true, force: true });
    },
  };
}

/** A temporary DuckDB file with all of data/voorbeeld ingested through the CLI, as a user would. */
export async function loadExampleData(): Promise<RealData> {
  return openExampleData(await writeExampleData());
}
