/**
 * What the benchmarks (and the scale tests) share: one command measured in a fresh process, the
 * median of the measurements, and a large ouderpopulatie export from the example-data generator.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..");
const reporter = join(root, "bench", "usage-reporter.mjs");

export interface Measured {
  /** wall-clock time from start to exit, ms */
  wallMs: number;
  /** CPU time of the process, user + system, all threads, ms */
  cpuMs: number;
  /** peak resident set size, MiB */
  rssMiB: number;
  stdout: string;
}

/** A measured command that failed, or exited without reporting what it used. */
export class ProcessFailed extends Error {
  constructor(
    readonly label: string,
    readonly status: number | null,
    /** its standard error (or the error starting it), else its exit code */
    readonly output: string,
  ) {
    super(`${label} mislukt (${status}):\n${output}`);
  }
}

/**
 * Runs `command args` in a fresh process in the repository's root (a script file runs by its own #!
 * line, as `npx zaz` does) with ./usage-reporter.mjs preloaded, and returns its wall-clock time,
 * CPU time and peak RSS. Throws ProcessFailed unless it exits with 0.
 */
export function measureProcess(label: string, command: string, args: readonly string[]): Measured {
  const dir = mkdtempSync(join(tmpdir(), "zaz-bench-"));
  const usageFile = join(dir, "usage.json");
  try {
    const started = process.hrtime.bigint();
    const r = spawnSync(command, args, {
      cwd: root,
      env: {
        ...process.env,
        NO_COLOR: "1",
        ZAZ_USAGE_FILE: usageFile,
        NODE_OPTIONS: `--import=${reporter}`,
      },
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0 || !existsSync(usageFile)) {
      const output = `${r.stderr ?? ""}${r.error ? String(r.error) : ""}`.trim() || `code ${r.status}`;
      throw new ProcessFailed(label, r.status, output);
    }
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as {
      user: number;
      system: number;
      maxRSS: number;
    };
    return {
      wallMs,
      cpuMs: (usage.user + usage.system) / 1000,
      rssMiB: usage.maxRSS / 1024,
      stdout: r.stdout,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The middle value; for an even count, the mean of the two middle values. NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Writes an ouderpopulatie export of `responses` responses to `out` with
 * scripts/generate-voorbeeld.ts (deterministic; another `waveIndex` gives another wave's answers).
 * The generator's messages go to standard error, or, `quiet`, only into the error when it fails.
 * Written beside `out` first and renamed when complete: a killed run leaves no half export there.
 */
export function generateExport(
  responses: number,
  out: string,
  options: { waveIndex?: number; quiet?: boolean } = {},
): void {
  const partial = `${out}.deel`;
  const r = spawnSync(
    process.execPath,
    [
      "--conditions=zaz-source",
      "--import",
      "tsx",
      join(root, "scripts", "generate-voorbeeld.ts"),
      "--responses",
      String(responses),
      ...(options.waveIndex === undefined ? [] : ["--wave-index", String(options.waveIndex)]),
      "--out",
      partial,
    ],
    { cwd: root, stdio: ["ignore", "ignore", options.quiet ? "pipe" : "inherit"], encoding: "utf8" },
  );
  if (r.status !== 0) {
    const why = `${r.stderr ?? ""}${r.error ? String(r.error) : ""}`.trim();
    rmSync(partial, { force: true });
    throw new Error(`genereren van ${responses} antwoorden mislukt (${r.status})${why ? `:\n${why}` : ""}`);
  }
  renameSync(partial, out);
}
