import { chmod } from "node:fs/promises";
import { resolve } from "node:path";
import { makeFolderFor } from "../database-folder.js";
import { StoreError, storeMessages } from "../messages.js";
import type { AccountsStore, SessionTable, UserTable } from "../store.js";
import { accountsMigrations } from "./accounts-schema.js";
import { isInMemory, walPath } from "./compact.js";
import type { DuckDb, DuckDbOptions } from "./connection.js";
import { migrate } from "./migrations.js";
import { openDatabase } from "./open-database.js";
import { claimPath } from "./open-paths.js";
import { destroySession, getSession, purgeExpiredSessions, setSession } from "./sessions.js";
import { setUserPasswordHash } from "./user-password.js";
import { addUser, findUser, listUsers, removeUser, setUserAccess, setUserBlocked } from "./users.js";

export type AccountsStoreOptions = DuckDbOptions;

/** A few small tables read by key: a small buffer pool and one thread are plenty. */
export const accountsDefaults: DuckDbOptions = { memoryLimit: "16MB", threads: 1 };

/**
 * Opens (creating if needed) the accounts file: the dashboard's users and sessions, kept out of the
 * research database (see AccountsStore). Open the research database first where both are used:
 * opening it moves the accounts an older version kept there into this file (move-accounts.ts).
 * One AccountsStore per file per process.
 */
export async function openAccountsStore(
  path: string,
  options: AccountsStoreOptions = {},
): Promise<AccountsStore> {
  const settings = { ...accountsDefaults, ...options };
  if (isInMemory(path)) return new DuckDbAccountsStore(await openAccountsDatabase(":memory:", settings));
  const location = resolve(path);
  const release = claimPath(location);
  try {
    return new DuckDbAccountsStore(await openAccountsDatabase(location, settings), release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens an accounts file, creating it and its schema if needed, readable by its owner only. */
export async function openAccountsDatabase(location: string, options: DuckDbOptions): Promise<DuckDb> {
  if (!isInMemory(location)) await makeFolderFor(location);
  const db = await openDatabase(location, options);
  try {
    // DuckDB creates the file with the umask's mode; it holds only the header until the schema
    await restrictToOwner(location);
    await migrate(db, accountsMigrations);
    await restrictToOwner(location);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Mode 0600 for the file and its WAL, where the OS has such modes. DuckDB deletes the WAL at each
 * checkpoint and creates it again, with the umask's mode, at the next write: so after every write.
 */
export async function restrictToOwner(location: string): Promise<void> {
  if (isInMemory(location)) return;
  for (const file of [location, walPath(location)]) {
    await chmod(file, 0o600).catch((error: unknown) => {
      if (!(error instanceof Error && "code" in error && ignoredChmodErrors.has(String(error.code))))
        throw error;
    });
  }
}

/** no WAL at the moment; a file system without Unix modes */
const ignoredChmodErrors = new Set(["ENOENT", "EPERM", "ENOTSUP"]);

class DuckDbAccountsStore implements AccountsStore {
  /** the tail of the queue: a DuckDB connection runs one transaction at a time */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  readonly users: UserTable = {
    add: (user) => this.write((db) => addUser(db, user)),
    find: (username) => this.exclusive((db) => findUser(db, username)),
    list: () => this.exclusive((db) => listUsers(db)),
    remove: (username) => this.write((db) => removeUser(db, username)),
    setPasswordHash: (username, hash) => this.write((db) => setUserPasswordHash(db, username, hash)),
    setBlocked: (username, blocked) => this.write((db) => setUserBlocked(db, username, blocked)),
    setAccess: (username, access) => this.write((db) => setUserAccess(db, username, access)),
  };

  readonly sessions: SessionTable = {
    get: (id) => this.exclusive((db) => getSession(db, id)),
    set: (id, record, expiresAt) => this.write((db) => setSession(db, id, record, expiresAt)),
    destroy: (id) => this.write((db) => destroySession(db, id)),
    purgeExpired: (now) => this.write((db) => purgeExpiredSessions(db, now)),
  };

  constructor(
    private readonly db: DuckDb,
    private readonly onClose?: () => void,
  ) {}

  private exclusive<T>(work: (db: DuckDb) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.closed) throw new StoreError(storeMessages.storeClosed());
      return work(this.db);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private write<T>(work: (db: DuckDb) => Promise<T>): Promise<T> {
    return this.exclusive(async (db) => {
      const result = await work(db);
      await restrictToOwner(db.path);
      return result;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.exclusive(async (db) => {
      this.closed = true;
      db.close();
      this.onClose?.();
    });
  }
}
