import { readdir, readFile } from "node:fs/promises";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fail, type Instrument, ok, type Problem, parseInstrumentText, type Result } from "@zaz/model";
import { instrumentFileMessages as msg } from "./messages.js";

export interface LoadedInstrument {
  instrument: Instrument;
  file: string;
}

/** `data/instrumenten` of this repository; src/ and dist/ sit at the same depth, so this works from both. */
export function defaultInstrumentDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, "../../../../data/instrumenten");
}

/** Reads and validates one instrument file. I/O failures other than "not found" are thrown. */
export async function loadInstrumentFile(file: string): Promise<Result<LoadedInstrument>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isNotFound(error))
      return fail([{ code: "instrument-not-found", message: msg.fileNotFound(file), file }]);
    throw error;
  }
  const parsed = parseInstrumentText(text, file);
  return parsed.ok ? ok({ instrument: parsed.value, file }, parsed.warnings) : parsed;
}

/**
 * All instrument files (*.json) in the given folders. A broken file does not hide the good ones:
 * its problems are returned beside them.
 */
export async function findInstruments(
  dirs: readonly string[],
): Promise<{ instruments: LoadedInstrument[]; problems: Problem[] }> {
  const instruments: LoadedInstrument[] = [];
  const problems: Problem[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => extname(n) === ".json").sort();
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    for (const name of names) {
      const loaded = await loadInstrumentFile(join(dir, name));
      if (loaded.ok) instruments.push(loaded.value);
      else problems.push(...loaded.errors);
    }
  }
  return { instruments, problems };
}

/**
 * An instrument named by id (looked up in the folders) or by a path to a file (a leerteam's own
 * adapted copy). A value that ends in .json or contains a path separator is taken as a path.
 */
export async function resolveInstrument(
  idOrPath: string,
  dirs: readonly string[],
): Promise<Result<LoadedInstrument>> {
  if (extname(idOrPath) === ".json" || idOrPath.includes("/") || idOrPath.includes("\\")) {
    return loadInstrumentFile(resolve(idOrPath));
  }
  const { instruments } = await findInstruments(dirs);
  const found = instruments.find((l) => l.instrument.id === idOrPath);
  if (found) return ok(found);
  const known = instruments.map((l) => l.instrument.id);
  const problem: Problem = {
    code: "instrument-unknown",
    message: msg.unknownInstrument(idOrPath, known),
    value: idOrPath,
    expected: known.join(", "),
  };
  const close = known.find((k) => k.startsWith(idOrPath.slice(0, 4).toLowerCase()));
  if (close !== undefined) problem.hint = msg.didYouMean(close);
  return fail([problem]);
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
