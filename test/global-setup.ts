import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Every temporary file of a test run — databases, generated exports, browser profiles, also those
 * of child processes — lands in one folder that is removed when the run ends: a 200,000-response
 * smoke database is 130 MB, and runs must not fill the disk.
 */
export default function setup(): () => void {
  // every vitest project (duckdb, postgres, rest) runs this: the first makes the folder, the others
  // share it (nested folders make paths too long for Chromium's socket)
  if (process.env.ZAZ_TEST_RUN_DIR !== undefined) return () => {};
  const dir = mkdtempSync(join(tmpdir(), "zaz-test-run-"));
  process.env.ZAZ_TEST_RUN_DIR = dir;
  // os.tmpdir() reads TMPDIR; the test workers and their children are started after this
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
