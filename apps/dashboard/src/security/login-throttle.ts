import type { Clock } from "../clock.js";

export interface LoginThrottleOptions {
  clock: Clock;
  /** failures per (username, client) before attempts must wait */
  freePerAccount: number;
  /** failures per client, over all usernames, before attempts must wait (slows password spraying) */
  freePerClient: number;
  /** the first wait; it doubles with every further failure */
  baseDelayMs: number;
  maxDelayMs: number;
  /** a key whose last failure is older than this starts afresh */
  windowMs: number;
  /** keys tracked at most; the least recently failed go first. Default 100,000 */
  maxKeys?: number;
}

interface Failures {
  count: number;
  last: number;
}

/**
 * Exponential backoff for failed logins. Failures are counted per (username, client address),
 * never per username alone: a guesser slows only their own attempts, and the account's owner,
 * logging in from another address, is never locked out. A second count per client address over
 * all usernames slows one client spraying a password over many accounts; its allowance is
 * generous, as a whole school may share one address. While a key waits, attempts are refused
 * before the password is checked (with the right password too), so waiting is the only way on.
 *
 * Memory is bounded: keys whose window has passed are dropped, and beyond `maxKeys` the least
 * recently failed key is forgotten (which only shortens someone's wait).
 */
export class LoginThrottle {
  /** in order of last failure: a Map iterates in insertion order */
  readonly #failures = new Map<string, Failures>();
  readonly #options: Required<LoginThrottleOptions>;

  constructor(options: LoginThrottleOptions) {
    this.#options = { maxKeys: 100_000, ...options };
  }

  /** keys tracked now */
  get size(): number {
    return this.#failures.size;
  }

  /** How long this client must wait before it may try this username again; 0 when it may now. */
  waitMs(username: string, client: string): number {
    const now = this.#options.clock.now();
    return Math.max(
      this.#wait(accountKey(username, client), this.#options.freePerAccount, now),
      this.#wait(clientKey(client), this.#options.freePerClient, now),
    );
  }

  recordFailure(username: string, client: string): void {
    const now = this.#options.clock.now();
    this.#count(accountKey(username, client), now);
    this.#count(clientKey(client), now);
  }

  /** After a successful login: this client's failures for this username are forgiven. */
  recordSuccess(username: string, client: string): void {
    this.#failures.delete(accountKey(username, client));
  }

  #wait(key: string, free: number, now: number): number {
    const failures = this.#live(key, now);
    if (failures === undefined || failures.count < free) return 0;
    const doublings = Math.min(failures.count - free, 30);
    const delay = Math.min(this.#options.maxDelayMs, this.#options.baseDelayMs * 2 ** doublings);
    return Math.max(0, failures.last + delay - now);
  }

  #count(key: string, now: number): void {
    const count = (this.#live(key, now)?.count ?? 0) + 1;
    this.#failures.delete(key);
    this.#failures.set(key, { count, last: now });
    if (this.#failures.size > this.#options.maxKeys) this.#prune(now);
  }

  #live(key: string, now: number): Failures | undefined {
    const failures = this.#failures.get(key);
    if (failures !== undefined && now - failures.last > this.#options.windowMs) {
      this.#failures.delete(key);
      return undefined;
    }
    return failures;
  }

  #prune(now: number): void {
    for (const [key, failures] of this.#failures) {
      // oldest first: once one is live, the rest are too
      if (now - failures.last <= this.#options.windowMs) break;
      this.#failures.delete(key);
    }
    while (this.#failures.size > this.#options.maxKeys) {
      const oldest = this.#failures.keys().next();
      if (oldest.done === true) break;
      this.#failures.delete(oldest.value);
    }
  }
}

// A client address holds no newline, so what follows it is the username, whatever it holds.
function accountKey(username: string, client: string): string {
  return `a\n${client}\n${username}`;
}

function clientKey(client: string): string {
  return `c\n${client}`;
}
