import { existsSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountsDefaults, openAccountsDatabase } from "../src/duckdb/accounts-store.js";
import { DuckDb } from "../src/duckdb/connection.js";
import { setSession } from "../src/duckdb/sessions.js";
import { addUser } from "../src/duckdb/users.js";
import {
  accountsDatabasePath,
  defaultAccountsDatabasePath,
  openAccountsStore,
  openDuckDbStore,
  type StoredUser,
  StoreError,
} from "../src/index.js";
import { generateResponses, newImport, onPostgres, type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;
let research: string;
let accounts: string;

beforeEach(async () => {
  dir = await tempDir();
  research = dir.file("zaz.duckdb");
  accounts = dir.file("zaz.accounts.duckdb");
});

afterEach(async () => {
  await dir.remove();
});

/** random enough that DuckDB stores it as it is, and that finding it in a file means it is there */
const hash = "scrypt$32768$8$1$Yy1zYWx0LWZvci10ZXN0$QmFzZTY0SGFzaE9mQW5uYVRoYXRNdXN0R29Bbnl3YXk";

const anna: StoredUser = {
  username: "anna",
  role: "directeur",
  scopes: { schools: ["de-regenboog"] },
  passwordHash: hash,
};

/** A research database as versions before the accounts file left it: users and sessions inside. */
async function olderDatabase(path: string, extra?: (db: DuckDb) => Promise<void>): Promise<void> {
  const store = await openDuckDbStore(path);
  await store.importResponses(newImport("imp1"), generateResponses(4, 3, { school: "S1" }));
  await store.close();
  const db = await DuckDb.open(path);
  try {
    // what migration step 2 made, and what the old store wrote into it
    await db.run(`CREATE TABLE users (
      username VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, scopes VARCHAR NOT NULL,
      password_hash VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)`);
    await db.run(
      "CREATE TABLE sessions (id VARCHAR PRIMARY KEY, record VARCHAR NOT NULL, expires_at BIGINT NOT NULL)",
    );
    await addUser(db, anna);
    await addUser(db, { ...anna, username: "bert", role: "beheerder", scopes: {} });
    await setSession(db, "sid-anna", '{"username":"anna"}', Date.parse("2030-01-01T00:00:00Z"));
    await extra?.(db);
    await db.run("CHECKPOINT");
  } finally {
    db.close();
  }
}

async function tablesOf(path: string): Promise<string[]> {
  const db = await DuckDb.open(path);
  try {
    const rows = await db.all(
      "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name",
    );
    return rows.map((r) => String(r.table_name));
  } finally {
    db.close();
  }
}

async function fileHolds(path: string, text: string): Promise<boolean> {
  const files = [path, `${path}.wal`].filter((f) => existsSync(f));
  for (const file of files) if ((await readFile(file)).includes(Buffer.from(text))) return true;
  return false;
}

describe("accountsDatabasePath", () => {
  it("puts the accounts beside the research database, never in it", () => {
    expect(accountsDatabasePath(join("data", "zijaanzij.duckdb"))).toBe(
      join("data", "zijaanzij.accounts.duckdb"),
    );
    expect(accountsDatabasePath(join("x", "onderzoek.db"))).toBe(join("x", "onderzoek.db.accounts.duckdb"));
    expect(accountsDatabasePath(":memory:")).toBe(":memory:");
  });

  it("takes ZAZ_ACCOUNTS_DB when it is set", () => {
    expect(defaultAccountsDatabasePath(research, {})).toBe(accounts);
    expect(defaultAccountsDatabasePath(research, { ZAZ_ACCOUNTS_DB: accounts })).toBe(accounts);
    expect(defaultAccountsDatabasePath(research, { ZAZ_ACCOUNTS_DB: " " })).toBe(accounts);
  });
});

// DuckDB only: accounts kept in a DuckDB research file by older versions, and the accounts file
describe.skipIf(onPostgres)("moving accounts out of the research database", () => {
  it("moves users and sessions to the accounts file and leaves no hash in the research file", async () => {
    await olderDatabase(research);
    expect(await fileHolds(research, hash)).toBe(true);

    const store = await openDuckDbStore(research, { accountsPath: accounts });
    expect(await store.countResponses()).toBe(4);
    await store.close();

    const left = await tablesOf(research);
    expect(left).toContain("responses");
    expect(left).not.toContain("users");
    expect(left).not.toContain("sessions");
    expect(await fileHolds(research, hash)).toBe(false);
    expect(await fileHolds(research, "sid-anna")).toBe(false);

    const moved = await openAccountsStore(accounts);
    try {
      expect((await moved.users.list()).map((u) => u.username)).toEqual(["anna", "bert"]);
      expect(await moved.users.find("anna")).toMatchObject(anna);
      expect(await moved.sessions.get("sid-anna")).toEqual({
        record: '{"username":"anna"}',
        expiresAt: Date.parse("2030-01-01T00:00:00Z"),
      });
    } finally {
      await moved.close();
    }
    if (process.platform !== "win32") expect((await stat(accounts)).mode & 0o777).toBe(0o600);

    // a second open finds nothing left to move
    const again = await openDuckDbStore(research, { accountsPath: accounts });
    await again.close();
    const check = await openAccountsStore(accounts);
    expect(await check.users.list()).toHaveLength(2);
    await check.close();
  });

  it("completes a move that died after the accounts file committed, without copying again", async () => {
    // the state a process leaves when it dies between steps 2 and 3: both files hold the accounts
    await olderDatabase(research, async (db) => {
      await db.run("INSERT INTO store_state VALUES ('accounts_move', 'm1')");
    });
    const db = await openAccountsDatabase(accounts, accountsDefaults);
    try {
      await addUser(db, anna);
      await db.run("INSERT INTO account_state VALUES ('moved:m1', 'then')");
    } finally {
      db.close();
    }
    // …and an account removed from the accounts file since then is not brought back
    const before = await openAccountsStore(accounts);
    await before.users.remove("anna");
    await before.close();

    await (await openDuckDbStore(research, { accountsPath: accounts })).close();
    expect(await tablesOf(research)).not.toContain("users");
    expect(await fileHolds(research, hash)).toBe(false);
    const after = await openAccountsStore(accounts);
    expect(await after.users.list()).toEqual([]);
    await after.close();
  });

  it("copies again a move that died before the accounts file committed", async () => {
    await olderDatabase(research, async (db) => {
      await db.run("INSERT INTO store_state VALUES ('accounts_move', 'm2')");
    });
    await (await openDuckDbStore(research, { accountsPath: accounts })).close();
    const after = await openAccountsStore(accounts);
    expect((await after.users.list()).map((u) => u.username)).toEqual(["anna", "bert"]);
    await after.close();
    expect(await tablesOf(research)).not.toContain("users");
  });

  it("keeps the accounts in the research file when the accounts file cannot be written", async () => {
    await olderDatabase(research);
    // a folder where the file should be
    await mkdir(accounts);
    await expect(openDuckDbStore(research, { accountsPath: accounts })).rejects.toThrow();
    expect(await tablesOf(research)).toContain("users");
    expect(await fileHolds(research, hash)).toBe(true);

    const elsewhere = dir.file("elders.accounts.duckdb");
    await (await openDuckDbStore(research, { accountsPath: elsewhere })).close();
    expect(await tablesOf(research)).not.toContain("users");
    const moved = await openAccountsStore(elsewhere);
    expect(await moved.users.list()).toHaveLength(2);
    await moved.close();
  });

  it("refuses the research file itself as the accounts file", async () => {
    await olderDatabase(research);
    await expect(openDuckDbStore(research, { accountsPath: research })).rejects.toBeInstanceOf(StoreError);
    expect(await tablesOf(research)).toContain("users");
  });

  it("drops the empty tables of a new database without making an accounts file", async () => {
    const store = await openDuckDbStore(research, { accountsPath: accounts });
    await store.close();
    const left = await tablesOf(research);
    expect(left).not.toContain("users");
    expect(left).not.toContain("sessions");
    expect(existsSync(accounts)).toBe(false);
  });

  it("keeps data changed after the move: a later erasure and accounts do not meet", async () => {
    await olderDatabase(research);
    const store = await openDuckDbStore(research, { accountsPath: accounts });
    await store.removeImport("imp1");
    await store.close();
    const moved = await openAccountsStore(accounts);
    expect(await moved.users.find("bert")).toBeDefined();
    await moved.close();
  });
});

describe.skipIf(onPostgres)("the accounts file", () => {
  it("is readable by its owner only, also after writes", async () => {
    const store = await openAccountsStore(accounts);
    try {
      await store.users.add(anna);
      await store.sessions.set("sid", "{}", Date.now() + 1000);
      if (process.platform !== "win32") {
        expect((await stat(accounts)).mode & 0o777).toBe(0o600);
        if (existsSync(`${accounts}.wal`)) expect((await stat(`${accounts}.wal`)).mode & 0o777).toBe(0o600);
      }
    } finally {
      await store.close();
    }
  });

  it("is one store per file in a process", async () => {
    const store = await openAccountsStore(accounts);
    try {
      await expect(openAccountsStore(accounts)).rejects.toThrow(/already open/);
    } finally {
      await store.close();
    }
  });
});
