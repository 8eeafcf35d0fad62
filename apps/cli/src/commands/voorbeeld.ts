import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultInstrumentDir } from "@zaz/survey";
import { CliError, ExitCode } from "../cli-error.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";
import { type IngestOptions, ingest } from "./ingest.js";
import { registerSchools } from "./registry-actions.js";
import { roster } from "./roster.js";

interface ManifestEntry {
  file: string;
  instrument: string;
  flags: Record<string, string>;
}

/** data/voorbeeld/manifest.json (written by scripts/generate-voorbeeld.ts) */
interface Manifest {
  besturen: { name: string }[];
  schools: { name: string; bestuur: string }[];
  files: ManifestEntry[];
}

/** data/voorbeeld of this repository, beside the default instruments. */
export function voorbeeldDir(): string {
  return join(defaultInstrumentDir(), "..", "voorbeeld");
}

/**
 * `zaz voorbeeld` — ingests every example export of data/voorbeeld (as its manifest says, with
 * the flags the README lists) and the roster. Ingesting twice adds nothing, like any import.
 */
export async function voorbeeld(options: { db?: string }, effects: Effects): Promise<number> {
  const dir = voorbeeldDir();
  const listed = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  const manifest = listed.files;
  // The per-file summaries would drown the overview; problems still reach stderr.
  const quiet: Effects = {
    ...effects,
    stdout: { write: () => {} },
    stderr: {
      write: (text) => {
        if (text.startsWith("fout")) effects.stderr.write(text);
      },
    },
  };
  // The example's schools and boards are registered explicitly first, as a leerteam would; on a
  // database that has them already (voorbeeld run twice) nothing is added.
  await registerSchools(listed, options.db, effects);
  for (const m of manifest) {
    const options_: IngestOptions = { instrument: m.instrument, ...m.flags, json: true };
    if (options.db !== undefined) options_.db = options.db;
    const code = await ingest(join(dir, m.file), options_, quiet);
    if (code !== ExitCode.ok) throw new CliError(msg.voorbeeldFailed(m.file));
    effects.stderr.write(`${msg.voorbeeldFile(m.file)}\n`);
  }
  const code = await roster(
    join(dir, "rooster.csv"),
    options.db === undefined ? {} : { db: options.db },
    quiet,
  );
  if (code !== ExitCode.ok) throw new CliError(msg.voorbeeldFailed("rooster.csv"));
  effects.stderr.write(`${msg.voorbeeldDone(manifest.length)}\n`);
  return ExitCode.ok;
}
