import { isRole, validateUserScopes } from "@zaz/accounts";
import { fail, ok, type Result } from "@zaz/model";
import type { AccountsStore, UserRecord } from "@zaz/store";
import { type Clock, systemClock } from "../clock.js";
import { userMessages } from "../messages.js";
import { normaliseUsername, type User, type UserRepository } from "./user-repository.js";

export interface StoreUserRepositoryOptions {
  clock?: Clock;
  /** how long a found account is served from memory before it is read again; default 60 s */
  cacheMs?: number;
  /** accounts kept in memory, least recently used out first; default 1,000 */
  maxCachedUsers?: number;
  /** where a damaged account row is reported; default console.warn */
  warn?: (message: string) => void;
}

/**
 * Accounts in the accounts file, through the AccountsStore's users table. Every request looks up its user
 * (loadUser), so accounts found are kept in memory for up to `cacheMs` (60 s): a repeated `find`
 * does no database work. This process's own `add` and `remove` (and any future change of an
 * account, such as a new password) drop the cached copy at once; a change made by another process
 * (the CLI, another dashboard on a shared database) is seen within `cacheMs`, as no copy is
 * trusted longer than that without reading the row again. Absent accounts are not cached.
 */
export class StoreUserRepository implements UserRepository {
  readonly #users: AccountsStore["users"];
  readonly #clock: Clock;
  readonly #cacheMs: number;
  readonly #maxCached: number;
  /** in least-recently-used order: a Map iterates in insertion order */
  readonly #found = new Map<string, { user: User; readAt: number }>();
  /** reads under way, with the count of changes when they started */
  readonly #reading = new Map<string, { changes: number; read: Promise<UserRecord | undefined> }>();
  /** counts this process's changes, so a find that read during one does not cache what it read */
  #changes = 0;
  readonly #warn: (message: string) => void;

  constructor(store: Pick<AccountsStore, "users">, options: StoreUserRepositoryOptions = {}) {
    this.#users = store.users;
    this.#clock = options.clock ?? systemClock;
    this.#cacheMs = options.cacheMs ?? 60_000;
    this.#maxCached = Math.max(1, options.maxCachedUsers ?? 1000);
    this.#warn = options.warn ?? ((message) => console.warn(message));
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
    let record: UserRecord | undefined;
    try {
      record = await reading.read;
    } catch (error) {
      // a row the store cannot read (its scopes not JSON): that account cannot log in, others can
      if (!isDamagedRow(error)) throw error;
      this.#warn(`Account '${key}' overgeslagen: ${String(error)}`);
      return undefined;
    }
    const user = record === undefined ? undefined : this.#checked(record);
    if (user === undefined) {
      this.#found.delete(key);
      return undefined;
    }
    if (reading.changes === this.#changes) this.#remember(key, { user, readAt: now });
    return toUser(user);
  }

  /** Every account that can be read; a damaged row is left out with a warning. */
  async list(): Promise<User[]> {
    return (await this.#users.list()).flatMap((record) => this.#checked(record) ?? []);
  }

  async setPasswordHash(username: string, passwordHash: string): Promise<boolean> {
    const key = normaliseUsername(username);
    return this.#changing(key, () => this.#users.setPasswordHash(key, passwordHash));
  }

  async setBlocked(username: string, blocked: boolean): Promise<boolean> {
    const key = normaliseUsername(username);
    return this.#changing(key, () => this.#users.setBlocked(key, blocked));
  }

  async setAccess(username: string, access: Pick<User, "role" | "scopes" | "displayName">): Promise<boolean> {
    const key = normaliseUsername(username);
    return this.#changing(key, () => this.#users.setAccess(key, access));
  }

  /** The account, or undefined (with a warning) when its row is not one this code wrote. */
  #checked(record: UserRecord): User | undefined {
    const problem = damage(record);
    if (problem === undefined) return toUser(record);
    this.#warn(`Account '${record.username}' overgeslagen: ${problem}`);
    return undefined;
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
 * What is wrong with a stored row, if anything. An unknown role, or a scope id that is not
 * one, mean the row was not written through this code: such an account is left out (and
 * cannot log in) rather than guessed at, and the other accounts go on working.
 */
function damage(record: UserRecord): string | undefined {
  if (record.damaged !== undefined) return record.damaged;
  if (!isRole(record.role)) return `onbekende rol '${record.role}'`;
  // a role without its scope (a directeur without schools) sees nothing, but is not damaged
  const scopes = validateUserScopes(record.role, record.scopes);
  const wrong = scopes.ok ? [] : scopes.errors.filter((error) => error.code !== "missing-scope");
  return wrong.length === 0 ? undefined : wrong.map((error) => error.message).join(" ");
}

/** The store's decoding of a row failed (not the database itself: that error goes on). */
function isDamagedRow(error: unknown): boolean {
  return (
    error instanceof SyntaxError || (error instanceof Error && /^Stored user scopes/.test(error.message))
  );
}

/** Only the User's own fields, copied. */
function toUser(record: User | UserRecord): User {
  if (!isRole(record.role))
    throw new Error(`Stored user ${record.username} has an unknown role ${record.role}`);
  return {
    username: record.username,
    role: record.role,
    scopes: structuredClone(record.scopes),
    passwordHash: record.passwordHash,
    ...(record.blocked === true ? { blocked: true } : {}),
    ...(record.displayName === undefined ? {} : { displayName: record.displayName }),
  };
}
