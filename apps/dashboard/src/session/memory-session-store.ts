import { type Clock, systemClock } from "../clock.js";
import type { SessionRecord, SessionStore } from "./session-store.js";

interface Entry {
  json: string;
  expiresAt: number;
}

/**
 * Sessions in a Map, bounded in count: when full, the session closest to expiry goes first, so
 * a flood of anonymous login-page visits cannot exhaust memory. One process only.
 */
export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: Clock;
  readonly #maxSessions: number;

  constructor(options: { clock?: Clock; maxSessions?: number } = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#maxSessions = options.maxSessions ?? 10_000;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const entry = this.#entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.#clock.now()) {
      this.#entries.delete(id);
      return undefined;
    }
    return JSON.parse(entry.json) as SessionRecord;
  }

  async set(id: string, record: SessionRecord, expiresAt: number): Promise<void> {
    if (!this.#entries.has(id) && this.#entries.size >= this.#maxSessions) this.#evict();
    this.#entries.set(id, { json: JSON.stringify(record), expiresAt });
  }

  async destroy(id: string): Promise<void> {
    this.#entries.delete(id);
  }

  #evict(): void {
    const now = this.#clock.now();
    let soonest: [string, number] | undefined;
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(id);
      else if (soonest === undefined || entry.expiresAt < soonest[1]) soonest = [id, entry.expiresAt];
    }
    if (this.#entries.size >= this.#maxSessions && soonest !== undefined) this.#entries.delete(soonest[0]);
  }
}
