import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "@zaz/cli";

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

export function tempDir(prefix = "zaz-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const repoRoot = join(import.meta.dirname, "..");
export const voorbeeld = join(repoRoot, "data", "voorbeeld");
export const fixtures = join(import.meta.dirname, "fixtures");
