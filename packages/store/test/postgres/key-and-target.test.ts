import { stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  accountsDatabasePath,
  isPostgresTarget,
  loadOrCreateKey,
  pseudonymKeyPath,
} from "../../src/index.js";
import { type TempDir, tempDir } from "../helpers.js";

let dir: TempDir | undefined;
afterEach(async () => {
  delete process.env.ZAZ_KEY_FILE;
  await dir?.remove();
});

describe("a PostgreSQL target", () => {
  it("is a postgres:// or postgresql:// URL; anything else is a DuckDB file", () => {
    expect(isPostgresTarget("postgres://u@h/db")).toBe(true);
    expect(isPostgresTarget("postgresql://u@h:5433/db")).toBe(true);
    expect(isPostgresTarget("data/postgres.duckdb")).toBe(false);
    expect(isPostgresTarget(":memory:")).toBe(false);
  });

  it("keeps its pseudonym key outside the database: ZAZ_KEY_FILE, else ~/.config/zaz/<host>-<port>-<db>.key", async () => {
    expect(pseudonymKeyPath("postgres://zaz:geheim@db.school.nl:6543/zijaanzij", {})).toBe(
      join(homedir(), ".config", "zaz", "db.school.nl-6543-zijaanzij.key"),
    );
    expect(pseudonymKeyPath("postgresql://zaz@localhost/zaz", {})).toBe(
      join(homedir(), ".config", "zaz", "localhost-5432-zaz.key"),
    );
    expect(pseudonymKeyPath("postgres://h/db", { ZAZ_KEY_FILE: "/etc/zaz/key" })).toBe("/etc/zaz/key");
    dir = await tempDir();
    process.env.ZAZ_KEY_FILE = dir.file("keys/zaz.key");
    const key = await loadOrCreateKey("postgres://zaz@db.example/zaz");
    expect(key).toHaveLength(32);
    expect((await stat(dir.file("keys/zaz.key"))).mode & 0o777).toBe(0o600);
    expect((await loadOrCreateKey("postgres://zaz@db.example/zaz")).equals(key)).toBe(true);
  });

  it("holds the dashboard's accounts itself (tables apart from the research views)", () => {
    expect(accountsDatabasePath("postgres://zaz@db/zaz")).toBe("postgres://zaz@db/zaz");
  });
});
