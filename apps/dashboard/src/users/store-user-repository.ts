import { isRole } from "@zaz/accounts";
import { fail, ok, type Result } from "@zaz/model";
import type { Store, UserRecord } from "@zaz/store";
import { type Clock, systemClock } from "../clock.js";
import { userMessages } from "../messages.js";
import { normaliseUsername, type User, type UserRepository } from "./user-repository.js";

export interface StoreUserRepositoryOptions {
  clock?: Clock;
  /** how long a found account is served from memory before it is read again; default 60 s */
  cacheMs?: number;
  /** accounts kept in memory, least recently used out first; default 1,000 */
  maxCachedUsers?: number;
}

/**
 * Accounts in the database, through the Store's users table. Every request looks up its user
 * (loadUser), so accounts found are kept in memory for up to `cacheMs` (60 s): a repeated `find`
 * does no database work. This process's own `add` and `remove` (and any future change of an
 * account, such as a new password) drop the cached copy at once; a change made by another process
 * (the CLI, another dashboard on a shared database) is seen within `cacheMs`, as no copy is
 * trusted longer than that without reading the row again. Absent accounts are not cached.
 */
export class StoreUserRepository implements UserRepository {
  readonly #users: Store["users"];
  readonly #clock: Clock;
  readonly #cacheMs: number;
  readonly #maxCached: number;
  /** in least-recently-used order: a Map iterates in insertion order */
  readonly #found = new Map<string, { user: User; readAt: number }>();
  /** reads under way, with the count of changes when they started */
  readonly #reading = new Map<string, { changes: number; read: Promise<UserRecord | undefined> }>();
  /** counts this process's changes, so a find that read during one does not cache what it read */
  #changes = 0;

  constructor(store: Pick<Store, "users">, options: StoreUserRepositoryOptions = {}) {
    this.#users = store.users;
    this.#clock = options.clock ?? systemClock;
    this.#cacheMs = options.cacheMs ?? 60_000;
    this.#maxCached = Math.max(1, options.maxCachedUsers ?? 1000);
  }

  async add(user: User): Promise<Result<User>> {
    const stored: User = { ...toUser(user), username: normaliseUsername(user.username) };
    const outcome = await this.#changing(stored.username, () => this.#users.add(stored));
    if (outcome === "exists") {
      return fail([
        { code: "user-exists", message: userMessages.exists(stored.username), value: stored.username },
      ]);
    }
    return ok(stored);
  }

  async find(username: string): Promise<User | undefined> {
    const key = normaliseUsername(username);
    const now = this.#clock.now();
    const cached = this.#found.get(key);
    if (cached !== undefined && now - cached.readAt < this.#cacheMs) {
      this.#found.delete(key);
      this.#found.set(key, cached);
      return toUser(cached.user);
    }
    // Requests arriving together share one read (64 at once after the minute would queue 64).
    let reading = this.#reading.get(key);
    if (reading === undefined || reading.changes !== this.#changes) {
      const read = this.#users.find(key).finally(() => {
        if (this.#reading.get(key)?.read === read) this.#reading.delete(key);
      });
      reading = { changes: this.#changes, read };
      this.#reading.set(key, reading);
    }
    const record = await reading.read;
    if (record === undefined) {
      this.#found.delete(key);
      return undefined;
    }
    const user = toUser(record);
    if (reading.changes === this.#changes) this.#remember(key, { user, readAt: now });
    return toUser(user);
  }

  async list(): Promise<User[]> {
    return (await this.#users.list()).map(toUser);
  }

  async remove(username: string): Promise<boolean> {
    const key = normaliseUsername(username);
    return this.#changing(key, () => this.#users.remove(key));
  }

  /** Runs a change of an account with its cached copy dropped before and after. */
  async #changing<T>(key: string, change: () => Promise<T>): Promise<T> {
    this.#changes++;
    this.#found.delete(key);
    try {
      return await change();
    } finally {
      this.#changes++;
      this.#found.delete(key);
    }
  }

  #remember(key: string, entry: { user: User; readAt: number }): void {
    this.#found.delete(key);
    this.#found.set(key, entry);
    if (this.#found.size > this.#maxCached) {
      const oldest = this.#found.keys().next().value;
      if (oldest !== undefined) this.#found.delete(oldest);
    }
  }
}

/**
 * Only the User's own fields, copied. A role the dashboard does not know means the row was not
 * written through this code: better to fail loudly than to guess what that account may see.
 */
function toUser(record: User | UserRecord): User {
  if (!isRole(record.role))
    throw new Error(`Stored user ${record.username} has an unknown role ${record.role}`);
  return {
    username: record.username,
    role: record.role,
    scopes: structuredClone(record.scopes),
    passwordHash: record.passwordHash,
  };
}
