import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultDatabasePath, findRepoRoot, loadOrCreateKey, pseudonymKeyPath } from "../src/index.js";
import { type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await dir.remove();
});

describe("loadOrCreateKey", () => {
  it("creates 32 random bytes beside the database, readable by the owner only, once", async () => {
    const db = join(dir.path, "sub", "zaz.duckdb");
    const key = await loadOrCreateKey(db);
    expect(key).toHaveLength(32);
    const file = await stat(pseudonymKeyPath(db));
    expect(file.mode & 0o777).toBe(0o600);
    expect(pseudonymKeyPath(db)).toBe(`${db}.key`);
    expect((await loadOrCreateKey(db)).equals(key)).toBe(true);
    // another installation gets another key
    expect((await loadOrCreateKey(dir.file("other.duckdb"))).equals(key)).toBe(false);
  });

  it("agrees on one key when several callers start at once", async () => {
    const db = dir.file("zaz.duckdb");
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKey(db)));
    for (const key of keys) expect(key.equals(keys[0] as Buffer)).toBe(true);
  });

  it("refuses a damaged key instead of replacing it", async () => {
    const db = dir.file("zaz.duckdb");
    await writeFile(pseudonymKeyPath(db), Buffer.alloc(5));
    await expect(loadOrCreateKey(db)).rejects.toThrow(/5 bytes/);
  });
});

describe("defaultDatabasePath", () => {
  it("takes ZAZ_DB when set", () => {
    expect(defaultDatabasePath({ ZAZ_DB: "/srv/zaz/school.duckdb" })).toBe("/srv/zaz/school.duckdb");
  });

  it("is data/zijaanzij.duckdb in the repository root otherwise", () => {
    const root = findRepoRoot(import.meta.dirname);
    expect(defaultDatabasePath({})).toBe(join(root, "data", "zijaanzij.duckdb"));
    expect(defaultDatabasePath({ ZAZ_DB: "  " })).toBe(join(root, "data", "zijaanzij.duckdb"));
  });
});
