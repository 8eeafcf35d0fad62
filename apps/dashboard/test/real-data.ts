import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

export function manifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(join(voorbeeld, "manifest.json"), "utf8")) as ManifestEntry[];
}

/** Families per school and wave, read straight from the roster file (not through the store). */
export function rosterFamilies(school: string, wave: string): number {
  return readFileSync(join(voorbeeld, "rooster.csv"), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(";"))
    .filter(([s, , w]) => s === school && w === wave)
    .reduce((sum, [, , , families]) => sum + Number(families), 0);
}

export interface RealData {
  store: Store;
  service: StoreResultsService;
  instruments: Map<string, Instrument>;
  close(): Promise<void>;
}

/** A temporary DuckDB file with all of data/voorbeeld ingested through the CLI, as a user would. */
export async function loadExampleData(): Promise<RealData> {
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
  const store = await openDuckDbStore(db);
  const { instruments: loaded } = await findInstruments([defaultInstrumentDir()]);
  const instruments = new Map(loaded.map((l) => [l.instrument.id, l.instrument]));
  const privacy = privacySettings();
  if (!privacy.ok) throw new Error("default privacy settings rejected");
  return {
    store,
    instruments,
    service: new StoreResultsService({ store, privacy: privacy.value }),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
