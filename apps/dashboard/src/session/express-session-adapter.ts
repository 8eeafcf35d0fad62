import session from "express-session";
import type { Clock } from "../clock.js";
import type { SessionRecord, SessionStore } from "./session-store.js";

/** Bridges our promise-based `SessionStore` to express-session's callback `Store`. */
export class ExpressSessionAdapter extends session.Store {
  readonly #store: SessionStore;
  readonly #clock: Clock;
  readonly #ttlMs: number;

  constructor(store: SessionStore, clock: Clock, ttlMs: number) {
    super();
    this.#store = store;
    this.#clock = clock;
    this.#ttlMs = ttlMs;
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.#store.get(sid).then(
      (record) => callback(null, (record ?? null) as session.SessionData | null),
      (error: unknown) => callback(error),
    );
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    const record = JSON.parse(JSON.stringify(data)) as SessionRecord;
    this.#store.set(sid, record, this.#clock.now() + this.#ttlMs).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.#store.destroy(sid).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    this.set(sid, data, () => callback?.());
  }
}
