import type { Clock } from "../clock.js";

/**
 * Counts failed logins per key (the account) in a sliding window. Once a key has `limit`
 * failures within the window, further attempts are refused until the oldest ages out, even
 * with the right password, so a guesser learns nothing. Bounded in memory: keys whose
 * failures all expired are dropped, and at most `maxKeys` are tracked.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #clock: Clock;
  readonly #maxKeys: number;

  constructor(options: { limit: number; windowMs: number; clock: Clock; maxKeys?: number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#clock = options.clock;
    this.#maxKeys = options.maxKeys ?? 100_000;
  }

  isBlocked(key: string): boolean {
    return this.#recent(key).length >= this.#limit;
  }

  recordFailure(key: string): void {
    const recent = this.#recent(key);
    if (!this.#failures.has(key) && this.#failures.size >= this.#maxKeys) this.#prune();
    recent.push(this.#clock.now());
    // Only the newest `limit` matter for the decision.
    this.#failures.set(key, recent.slice(-this.#limit));
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.#clock.now() - this.#windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((time) => time > since);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }

  #prune(): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
    // Still full of live keys: forget the oldest; an attacker filling the map gains nothing.
    const oldest = this.#failures.keys().next();
    if (this.#failures.size >= this.#maxKeys && oldest.done !== true) this.#failures.delete(oldest.value);
  }
}
