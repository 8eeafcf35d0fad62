import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withRawDatabase } from "../../../test/support/raw-database.js";
import { DuckDb } from "../src/duckdb/connection.js";
import type { AccountsStore, StoredUser } from "../src/index.js";
import {
  generateResponses,
  newImport,
  newTestDatabase,
  onPostgres,
  openTestAccounts,
  openTestStore,
  type TempDir,
  tempDir,
} from "./helpers.js";

let dir: TempDir;
let target: string;
let store: AccountsStore;

beforeEach(async () => {
  dir = await tempDir();
  target = await newTestDatabase(dir.path, "zaz.accounts.duckdb");
  store = await openTestAccounts(target);
});

afterEach(async () => {
  await store.close();
  await dir.remove();
});

const user = (username: string, overrides: Partial<StoredUser> = {}): StoredUser => ({
  username,
  role: "directeur",
  scopes: { schools: ["brin-12ab", "brin-34cd"] },
  passwordHash: `scrypt$32768$8$1$salt-${username}$hash-${username}`,
  ...overrides,
});

describe("users", () => {
  it("lists a row whose scopes do not decode as damaged, beside the others", async () => {
    await store.users.add(user("anna"));
    await store.users.add(user("bert"));
    await store.close();
    await withRawDatabase(target, (sql) =>
      sql("UPDATE users SET scopes = '[not json' WHERE username = 'bert'"),
    );
    store = await openTestAccounts(target);
    const list = await store.users.list();
    expect(list.map((u) => [u.username, u.damaged === undefined])).toEqual([
      ["anna", true],
      ["bert", false],
    ]);
    expect((await store.users.find("bert"))?.scopes).toEqual({});
  });

  it("adds a user once and finds it back with its scopes, hash and creation time", async () => {
    const before = Date.now();
    expect(await store.users.add(user("anna"))).toBe("added");
    const found = await store.users.find("anna");
    expect(found).toMatchObject(user("anna"));
    const createdAt = Date.parse(found?.createdAt ?? "");
    expect(createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(createdAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await store.users.find("bert")).toBeUndefined();
  });

  it("refuses a taken username and keeps the first account as it was", async () => {
    await store.users.add(user("anna"));
    expect(await store.users.add(user("anna", { role: "beheerder", passwordHash: "other" }))).toBe("exists");
    expect(await store.users.find("anna")).toMatchObject(user("anna"));
    expect(await store.users.list()).toHaveLength(1);
  });

  it("keeps each role's scopes as given, without keys that were not set", async () => {
    await store.users.add(user("lt", { role: "leerteam", scopes: { bestuur: "asko" } }));
    await store.users.add(user("doc", { role: "docent", scopes: { opleiding: "pabo-hva" } }));
    await store.users.add(user("admin", { role: "beheerder", scopes: {} }));
    expect((await store.users.find("lt"))?.scopes).toStrictEqual({ bestuur: "asko" });
    expect((await store.users.find("doc"))?.scopes).toStrictEqual({ opleiding: "pabo-hva" });
    expect((await store.users.find("admin"))?.scopes).toStrictEqual({});
  });

  it("lists users sorted as people read them, and removes them", async () => {
    for (const name of ["user10", "bert", "user2", "anna"]) await store.users.add(user(name));
    expect((await store.users.list()).map((u) => u.username)).toEqual(["anna", "bert", "user2", "user10"]);
    expect(await store.users.remove("bert")).toBe(true);
    expect(await store.users.remove("bert")).toBe(false);
    expect((await store.users.list()).map((u) => u.username)).toEqual(["anna", "user2", "user10"]);
    // a removed name can be taken again
    expect(await store.users.add(user("bert"))).toBe("added");
  });

  it("compares usernames exactly: normalising is the caller's job", async () => {
    await store.users.add(user("anna"));
    expect(await store.users.find("Anna")).toBeUndefined();
  });

  it("rejects a user without name or hash as a programmer error", async () => {
    await expect(store.users.add(user(""))).rejects.toThrow(/username/);
    await expect(store.users.add(user("anna", { passwordHash: "" }))).rejects.toThrow(/hash/);
    expect(await store.users.list()).toEqual([]);
  });

  it("keeps users across reopening, and an erasure in the research database leaves them alone", async () => {
    // on PostgreSQL the research data and the accounts share one database
    const research = await openTestStore(onPostgres ? target : dir.file("zaz.duckdb"));
    try {
      await store.users.add(user("anna"));
      await research.importResponses(newImport("imp1"), generateResponses(3, 2, { school: "S1" }));
      await research.removeImport("imp1");
    } finally {
      await research.close();
    }
    await store.close();
    store = await openTestAccounts(target);
    expect(await store.users.find("anna")).toMatchObject(user("anna"));
    expect(await store.users.add(user("anna"))).toBe("exists");
  });
});

describe("blocked accounts and SSO access (accounts migrations 2 and 3)", () => {
  it("keeps blocked and the display name, and changes them without touching the hash", async () => {
    await store.users.add(user("anna"));
    await store.users.add(user("sso.1234", { passwordHash: "sso$entree", displayName: "Anna de Vries" }));
    expect(await store.users.find("anna")).toMatchObject({ blocked: false });
    expect((await store.users.find("anna"))?.displayName).toBeUndefined();
    expect(await store.users.find("sso.1234")).toMatchObject({
      blocked: false,
      displayName: "Anna de Vries",
    });

    expect(await store.users.setBlocked("sso.1234", true)).toBe(true);
    expect(await store.users.setBlocked("nobody", true)).toBe(false);
    expect(await store.users.setAccess("sso.1234", { role: "leerteam", scopes: { bestuur: "asko" } })).toBe(
      true,
    );
    expect(await store.users.setAccess("nobody", { role: "leerteam", scopes: {} })).toBe(false);
    expect(await store.users.find("sso.1234")).toEqual({
      username: "sso.1234",
      role: "leerteam",
      scopes: { bestuur: "asko" },
      passwordHash: "sso$entree",
      blocked: true,
      createdAt: expect.any(String),
    });
    await store.users.setBlocked("sso.1234", false);
    expect((await store.users.find("sso.1234"))?.blocked).toBe(false);
  });

  // DuckDB only: accounts files of the first schema exist only as DuckDB files
  it.skipIf(onPostgres)(
    "brings an accounts file of the first schema up, its accounts not blocked",
    async () => {
      await store.users.add(user("anna"));
      await store.close();
      const db = await DuckDb.open(dir.file("zaz.accounts.duckdb"));
      // as the first version left the file: without the columns of migrations 2 and 3
      await db.run("ALTER TABLE users DROP COLUMN blocked");
      await db.run("ALTER TABLE users DROP COLUMN display_name");
      await db.run("DELETE FROM schema_migrations WHERE version >= 2");
      await db.close();
      store = await openTestAccounts(target);
      expect(await store.users.find("anna")).toMatchObject({ username: "anna", blocked: false });
      expect(await store.users.setBlocked("anna", true)).toBe(true);
    },
  );
});
