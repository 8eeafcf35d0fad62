import { execFile, spawnSync } from "node:child_process";
import { stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  dashboardMarkerPath,
  findRepoRoot,
  openDuckDbStore,
  readDashboardMarker,
  writeDashboardMarker,
} from "../src/index.js";
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

/** The id of a process that has ended: a marker naming it is stale. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

// DuckDB only: the file lock of an embedded database; PostgreSQL serves many processes by design
describe.skipIf(onPostgres)("a database held by a running dashboard", () => {
  it("is named as the dashboard's, with its upload page, to a command that finds it locked", async () => {
    const path = dir.file("zaz.duckdb");
    const store = await openDuckDbStore(path);
    const remove = await writeDashboardMarker(path, "http://127.0.0.1:3999");
    try {
      expect((await stat(dashboardMarkerPath(path))).mode & 0o777).toBe(0o600);
      const said = await openInChild(path);
      expect(said).toMatch(
        /^StoreError: De database .* is in gebruik door het dashboard dat draait op http:\/\/127\.0\.0\.1:3999/,
      );
      expect(said).toContain("http://127.0.0.1:3999/upload");
      expect(said).toContain("stop het dashboard");
    } finally {
      await remove();
      await store.close();
    }
    expect(readDashboardMarker(path)).toBeUndefined();
  });

  it("ignores a marker whose process is gone (a killed dashboard), and one that is not a marker", async () => {
    const path = dir.file("zaz.duckdb");
    await writeFile(
      dashboardMarkerPath(path),
      JSON.stringify({ url: "http://127.0.0.1:3999", pid: endedPid() }),
    );
    expect(readDashboardMarker(path)).toBeUndefined();
    const store = await openDuckDbStore(path);
    try {
      expect(await openInChild(path)).toMatch(
        /^StoreError: De database .* is al geopend door een ander programma/,
      );
      await writeFile(dashboardMarkerPath(path), "geen json");
      expect(readDashboardMarker(path)).toBeUndefined();
      await writeFile(dashboardMarkerPath(path), JSON.stringify({ url: "http://x", pid: process.pid }));
      expect(readDashboardMarker(path)).toEqual({ url: "http://x", pid: process.pid });
    } finally {
      await store.close();
    }
  });
});
