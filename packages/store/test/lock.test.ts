import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findRepoRoot, openDuckDbStore } from "../src/index.js";
import { onPostgres, type TempDir, tempDir } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

let dir: TempDir;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await dir.remove();
});

async function openInChild(path: string): Promise<string> {
  const script = join(here, "child", "open-store.ts");
  const { stdout } = await run(
    process.execPath,
    ["--conditions=zaz-source", "--import", "tsx", script, path],
    {
      cwd: findRepoRoot(here),
    },
  );
  return stdout.trim();
}

// DuckDB only: the file lock of an embedded database; PostgreSQL serves many processes by design
describe.skipIf(onPostgres)("one database, one user at a time", () => {
  it("tells another process in Dutch that the database is in use, and lets it in once closed", async () => {
    const path = dir.file("zaz.duckdb");
    const store = await openDuckDbStore(path);
    try {
      expect(await openInChild(path)).toMatch(
        /^StoreError: De database .* is al geopend door een ander programma/,
      );
    } finally {
      await store.close();
    }
    expect(await openInChild(path)).toBe("opened");
  });

  it("refuses a second Store on the same file in one process", async () => {
    const path = dir.file("zaz.duckdb");
    const store = await openDuckDbStore(path);
    await expect(openDuckDbStore(join(dir.path, ".", "zaz.duckdb"))).rejects.toThrow(/already open/);
    await store.close();
    const again = await openDuckDbStore(path);
    await again.close();
  });
});
