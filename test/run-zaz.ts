import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "@zaz/cli";
import type { View } from "@zaz/views";

export interface ZazRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `zaz` in this process with captured output, as a user at a non-terminal would see it. */
export async function zaz(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd = process.cwd(),
): Promise<ZazRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: {
      write: (s) => {
        stdout += s;
      },
      isTTY: false,
    },
    stderr: {
      write: (s) => {
        stderr += s;
      },
      isTTY: false,
    },
    env: { NO_COLOR: "1", ...env },
    cwd,
    now: () => new Date("2026-11-23T12:00:00Z"),
  });
  return { code, stdout, stderr };
}

/** `zaz args` that must succeed: its run, or an error with what it wrote to standard error. */
async function succeeding(args: readonly string[], env: Record<string, string> = {}): Promise<ZazRun> {
  const r = await zaz(args, env);
  if (r.code !== 0) throw new Error(`zaz ${args.join(" ")}: code ${r.code}\n${r.stderr}`);
  return r;
}

export interface IngestOptions {
  /** an instrument id or the path of its definition */
  instrument: string;
  bestuur?: string;
  school: string;
  wave: string;
}

/**
 * `zaz ingest FILE --instrument … [--bestuur …] --school … --wave … --nieuwe-school --db DB`, which
 * must succeed: the test names its own schools, registered on their first import and used after.
 */
export function ingest(db: string, file: string, options: IngestOptions): Promise<ZazRun> {
  const { instrument, bestuur, school, wave } = options;
  return succeeding([
    "ingest",
    file,
    "--instrument",
    instrument,
    ...(bestuur === undefined ? [] : ["--bestuur", bestuur]),
    "--school",
    school,
    "--wave",
    wave,
    "--nieuwe-school",
    "--db",
    db,
  ]);
}

/** `zaz ARGS --db DB --format json` (a report), which must succeed: its view, parsed. */
export async function reportJson<T = View>(
  db: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<T> {
  const r = await succeeding([...args, "--db", db, "--format", "json"], env);
  return JSON.parse(r.stdout) as T;
}

export function tempDir(prefix = "zaz-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const repoRoot = join(import.meta.dirname, "..");
export const voorbeeld = join(repoRoot, "data", "voorbeeld");
export const fixtures = join(import.meta.dirname, "fixtures");
