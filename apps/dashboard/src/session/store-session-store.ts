import type { AccountsStore, StoredSession } from "@zaz/store";
import { type Clock, systemClock } from "../clock.js";
import type { SessionRecord, SessionStore } from "./session-store.js";

export interface StoreSessionStoreOptions {
  clock?: Clock;
  /** how often, at most, a write also deletes every expired session; default 15 minutes */
  purgeIntervalMs?: number;
  /** how long a session is served from memory before its row is read again; default 60 s */
  cacheMs?: number;
  /** how far the stored expiry may lag the one asked for before it is written; default 60 s */
  expirySlackMs?: number;
  /** a change of `lastSeen` alone is written at most this often; default 60 s */
  lastSeenWriteMs?: number;
  /** sessions kept in memory, least recently used out first; default 10,000 */
  maxCachedSessions?: number;
  /** where a failed write of lastSeen or expiry goes, which no request waits for; default console.error */
  log?: (error: unknown) => void;
}

/** What this process believes the session's row holds. */
interface Stored {
  json: string;
  /** `json` without what is written lazily (lastSeen's value, the cookie's expiry) */
  key: string;
  lastSeen: number | undefined;
  expiresAt: number;
}

type Entry =
  | {
      kind: "live";
      /** the session as last read or set here: newer than the row by at most lastSeen and expiry */
      json: string;
      expiresAt: number;
      stored: Stored;
      /** when the row was last read (or written) by this process */
      checkedAt: number;
    }
  /** destroyed here lately: not read again, and not brought back by a request still under way */
  | { kind: "destroyed"; checkedAt: number };

/**
 * Sessions in the database, so a restart does not log everyone out, with a write-through cache
 * in front so a request on a known session does no database work:
 *
 * - `get` of a session read or written in the last `cacheMs` (60 s) is answered from memory;
 *   after that, the requests arriving together share one read of the row.
 * - `set` (express-session calls it on every request: `rolling`, and loadUser moves lastSeen)
 *   writes only when the data changed, when the stored expiry lags the asked one by more than
 *   `expirySlackMs` (60 s), or when `lastSeen` moved `lastSeenWriteMs` (60 s) or more since it
 *   was written. So the row can hold a lastSeen up to a minute old and an expiry up to 60 s early.
 *   In this process the cached copy is exact; where the row is read again (after `cacheMs`, a
 *   restart, eviction, another process) the idle timeout may strike up to a minute early, never late,
 *   and the session may be forgotten up to 60 s before the expiry last asked for.
 * - A write of lastSeen or expiry alone is not waited for: the request is answered from memory
 *   and the row follows (a database busy with a checkpoint must not hold up a page); a write of
 *   changed data, a destroy and a purge are waited for. `settled()` waits for what is under way.
 * - `destroy` and `purgeExpired` go to the database at once and drop the cached copies.
 *
 * Several processes may share the table (PostgreSQL, later). A change made by another process,
 * say a logout there, is seen here within `cacheMs`: no entry is trusted longer than that
 * without reading the row again. And a write here first reads the row, so a session ended
 * elsewhere is not brought back by a lastSeen update from this process.
 *
 * Expired sessions are refused on `get`, and swept now and then on a write, so the table needs
 * no timer to stay small.
 */
export class StoreSessionStore implements SessionStore {
  readonly #sessions: AccountsStore["sessions"];
  readonly #clock: Clock;
  readonly #purgeIntervalMs: number;
  readonly #cacheMs: number;
  readonly #expirySlackMs: number;
  readonly #lastSeenWriteMs: number;
  readonly #maxCached: number;
  readonly #log: (error: unknown) => void;
  /** writes of lastSeen or expiry that no request waits for */
  readonly #behind = new Set<Promise<void>>();
  #writes: Promise<void> = Promise.resolve();
  /** reads of a row under way, shared by the requests that arrive meanwhile */
  readonly #reading = new Map<string, Promise<string | undefined>>();
  /** in least-recently-used order: a Map iterates in insertion order */
  readonly #entries = new Map<string, Entry>();
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor(store: Pick<AccountsStore, "sessions">, options: StoreSessionStoreOptions = {}) {
    this.#sessions = store.sessions;
    this.#clock = options.clock ?? systemClock;
    this.#purgeIntervalMs = options.purgeIntervalMs ?? 15 * 60 * 1000;
    this.#cacheMs = options.cacheMs ?? 60_000;
    this.#expirySlackMs = options.expirySlackMs ?? 60_000;
    this.#lastSeenWriteMs = options.lastSeenWriteMs ?? 60_000;
    this.#maxCached = Math.max(1, options.maxCachedSessions ?? 10_000);
    this.#log = options.log ?? ((error) => console.error(error));
  }

  /** Resolves when the writes no request waits for have finished. */
  async settled(): Promise<void> {
    while (this.#behind.size > 0) await Promise.all(this.#behind);
  }

  /** sessions held in memory (destroyed ones remembered for a while included) */
  get cachedSessions(): number {
    return this.#entries.size;
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const now = this.#clock.now();
    const cached = this.#entries.get(id);
    if (cached !== undefined && now - cached.checkedAt < this.#cacheMs) {
      if (cached.kind === "destroyed") return undefined;
      if (cached.expiresAt > now) {
        this.#remember(id, cached);
        return parseRecord(cached.json);
      }
      // expired here; the row decides (another process may have renewed it) and is deleted if so
    }
    // Requests arriving together share one read of the row (each gets its own copy of the record).
    let reading = this.#reading.get(id);
    if (reading === undefined) {
      const read = this.#read(id, cached, now).finally(() => {
        if (this.#reading.get(id) === read) this.#reading.delete(id);
      });
      this.#reading.set(id, read);
      reading = read;
    }
    const json = await reading;
    return json === undefined ? undefined : parseRecord(json);
  }

  /** Reads the session's row: the record's JSON, or undefined when there is no live session. */
  async #read(id: string, cached: Entry | undefined, now: number): Promise<string | undefined> {
    // a write of ours still under way would make the row look changed by someone else
    await this.#writes;
    const row = await this.#sessions.get(id);
    const current = this.#entries.get(id);
    if (current !== cached) {
      // a set or destroy of this session finished while we read: it is newer than our row
      return current?.kind === "live" && current.expiresAt > now ? current.json : undefined;
    }
    if (row === undefined) {
      this.#entries.delete(id);
      return undefined;
    }
    // the row is still what we last read or wrote: our copy, with its newer lastSeen, stands
    const ours = cached?.kind === "live" && sameRow(row, cached.stored) ? cached : undefined;
    if ((ours?.expiresAt ?? row.expiresAt) <= now) {
      this.#entries.delete(id);
      await this.#sessions.destroy(id);
      return undefined;
    }
    if (ours !== undefined) {
      this.#remember(id, { ...ours, checkedAt: now });
      return ours.json;
    }
    const record = parseRecord(row.record);
    if (record === undefined) {
      // a damaged session costs its owner a new login, not every request an error
      this.#entries.delete(id);
      await this.#sessions.destroy(id);
      return undefined;
    }
    const stored = storedOf(row.record, record, row.expiresAt);
    this.#remember(id, { kind: "live", json: row.record, expiresAt: row.expiresAt, stored, checkedAt: now });
    return row.record;
  }

  async set(id: string, record: SessionRecord, expiresAt: number): Promise<void> {
    const now = this.#clock.now();
    const cached = this.#entries.get(id);
    // express-session never reuses an id: a set after destroy is a request that was under way
    if (cached?.kind === "destroyed") return;
    const json = JSON.stringify(record);
    const stored = storedOf(json, record, expiresAt);
    if (cached !== undefined && !this.#mustWrite(cached.stored, stored)) {
      this.#remember(id, { ...cached, json, expiresAt });
      return;
    }
    // marked as written before the write, so requests running alongside do not write it too
    const entry: Entry = { kind: "live", json, expiresAt, stored, checkedAt: now };
    this.#remember(id, entry);
    const write = async () => {
      try {
        if (cached !== undefined && !(await this.#mayWrite(id, cached.stored, stored, entry, now))) return;
        // ended while the row was read: a logout queued after this check still comes after the write
        if (this.#entries.get(id)?.kind === "destroyed") return;
        await this.#sessions.set(id, json, expiresAt);
      } catch (error) {
        // the row is unknown now: read it again next time
        if (this.#entries.get(id) === entry) this.#entries.delete(id);
        throw error;
      }
      if (now - this.#lastPurge >= this.#purgeIntervalMs) await this.#purge(now);
    };
    // one write at a time, in order: each reads the row the one before it wrote
    const written = this.#writes.then(write);
    this.#writes = written.catch(() => {});
    if (cached === undefined || stored.key !== cached.stored.key) return written;
    // only lastSeen or the expiry moved: the copy in memory is exact, the row may follow
    const behind: Promise<void> = written.catch(this.#log).finally(() => this.#behind.delete(behind));
    this.#behind.add(behind);
  }

  async destroy(id: string): Promise<void> {
    this.#forget(id);
    await this.#sessions.destroy(id);
    this.#forget(id);
  }

  /** Deletes every expired session now; returns how many. */
  purgeExpired(): Promise<number> {
    return this.#purge(this.#clock.now());
  }

  #mustWrite(stored: Stored, next: Stored): boolean {
    if (next.key !== stored.key) return true;
    if (next.expiresAt - stored.expiresAt > this.#expirySlackMs) return true;
    return (
      next.lastSeen !== undefined &&
      stored.lastSeen !== undefined &&
      Math.abs(next.lastSeen - stored.lastSeen) >= this.#lastSeenWriteMs
    );
  }

  /**
   * Before overwriting a row we hold in memory, see that it is still there and still ours. Gone:
   * the session was ended elsewhere (or purged), and stays ended. Changed by another process
   * while ours differs only in lastSeen or expiry: theirs is kept and cached. A change of the
   * data itself is written over theirs, last writer wins, as without a cache.
   */
  async #mayWrite(id: string, was: Stored, next: Stored, entry: Entry, now: number): Promise<boolean> {
    const row = await this.#sessions.get(id);
    const ours = this.#entries.get(id) === entry;
    if (row === undefined) {
      if (ours) this.#entries.delete(id);
      return false;
    }
    if (sameRow(row, was) || next.key !== was.key) return true;
    const record = parseRecord(row.record);
    if (ours) {
      if (record === undefined) this.#entries.delete(id);
      else {
        const stored = storedOf(row.record, record, row.expiresAt);
        this.#remember(id, {
          kind: "live",
          json: row.record,
          expiresAt: row.expiresAt,
          stored,
          checkedAt: now,
        });
      }
    }
    return false;
  }

  async #purge(now: number): Promise<number> {
    this.#lastPurge = now;
    const purged = await this.#sessions.purgeExpired(now);
    // the rows of these are gone: a cached copy would outlive its row
    for (const [id, entry] of this.#entries) {
      if (entry.kind === "live" && entry.stored.expiresAt <= now) this.#entries.delete(id);
    }
    return purged;
  }

  #forget(id: string): void {
    this.#remember(id, { kind: "destroyed", checkedAt: this.#clock.now() });
  }

  /** (Re)inserts as most recently used; evicts the least recently used beyond the bound. */
  #remember(id: string, entry: Entry): void {
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    if (this.#entries.size > this.#maxCached) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}

function sameRow(row: StoredSession, stored: Stored): boolean {
  return row.record === stored.json && row.expiresAt === stored.expiresAt;
}

/**
 * express-session's record: `lastSeen` (the dashboard's, see session-data.ts) moves on every
 * request and `cookie.expires` too (`rolling`); both are written lazily, so they are left out of
 * the key that decides whether the data changed. Whether there is a lastSeen at all stays in.
 */
function storedOf(json: string, record: SessionRecord, expiresAt: number): Stored {
  const { lastSeen, cookie, ...rest } = record;
  const lastSeenNumber = typeof lastSeen === "number" ? lastSeen : undefined;
  const cookieKey = isObject(cookie) ? { ...cookie, expires: undefined } : (cookie ?? null);
  const key = JSON.stringify([rest, lastSeenNumber === undefined ? (lastSeen ?? null) : "number", cookieKey]);
  return { json, key, lastSeen: lastSeenNumber, expiresAt };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseRecord(json: string): SessionRecord | undefined {
  try {
    const record: unknown = JSON.parse(json);
    return isObject(record) ? record : undefined;
  } catch {
    return undefined;
  }
}
