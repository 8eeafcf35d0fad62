import type { Store } from "@zaz/store";
import { type Clock, systemClock } from "../clock.js";
import type { SessionRecord, SessionStore } from "./session-store.js";

export interface StoreSessionStoreOptions {
  clock?: Clock;
  /** how often, at most, a `set` also deletes every expired session; default 15 minutes */
  purgeIntervalMs?: number;
}

/**
 * Sessions in the database, so a restart does not log everyone out. Expired sessions are
 * refused on `get`, and swept now and then on `set`, so the table needs no timer to stay small.
 */
export class StoreSessionStore implements SessionStore {
  readonly #sessions: Store["sessions"];
  readonly #clock: Clock;
  readonly #purgeIntervalMs: number;
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor(store: Pick<Store, "sessions">, options: StoreSessionStoreOptions = {}) {
    this.#sessions = store.sessions;
    this.#clock = options.clock ?? systemClock;
    this.#purgeIntervalMs = options.purgeIntervalMs ?? 15 * 60 * 1000;
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const stored = await this.#sessions.get(id);
    if (stored === undefined) return undefined;
    if (stored.expiresAt <= this.#clock.now()) {
      await this.#sessions.destroy(id);
      return undefined;
    }
    const record = parseRecord(stored.record);
    // a damaged session costs its owner a new login, not every request an error
    if (record === undefined) await this.#sessions.destroy(id);
    return record;
  }

  async set(id: string, record: SessionRecord, expiresAt: number): Promise<void> {
    await this.#sessions.set(id, JSON.stringify(record), expiresAt);
    const now = this.#clock.now();
    if (now - this.#lastPurge >= this.#purgeIntervalMs) {
      this.#lastPurge = now;
      await this.#sessions.purgeExpired(now);
    }
  }

  async destroy(id: string): Promise<void> {
    await this.#sessions.destroy(id);
  }

  /** Deletes every expired session now; returns how many. */
  purgeExpired(): Promise<number> {
    this.#lastPurge = this.#clock.now();
    return this.#sessions.purgeExpired(this.#lastPurge);
  }
}

function parseRecord(json: string): SessionRecord | undefined {
  try {
    const record: unknown = JSON.parse(json);
    const isObject = typeof record === "object" && record !== null && !Array.isArray(record);
    return isObject ? (record as SessionRecord) : undefined;
  } catch {
    return undefined;
  }
}
