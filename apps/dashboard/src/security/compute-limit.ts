import { HttpError } from "../http-error.js";
import { httpMessages } from "../messages.js";

/** How many view computations may run at once; every bound finite. */
export interface ComputeLimitOptions {
  /** computations in flight for one user */
  perUser: number;
  /** computations in flight for everyone together */
  global: number;
  /** one user's requests waiting for a slot; more get 429 */
  queuePerUser: number;
  /** what Retry-After says with that 429 */
  retryAfterSeconds: number;
}

export const defaultComputeLimits: ComputeLimitOptions = {
  perUser: 2,
  global: 4,
  queuePerUser: 4,
  retryAfterSeconds: 2,
};

interface UserSlots {
  running: number;
  readonly waiting: (() => void)[];
}

/**
 * Admission of uncached view computations. Every miss costs work on the single database queue, so
 * one user (however many connections they open) has at most `perUser` computations in flight and
 * `queuePerUser` waiting; beyond that the request is refused with 429 and Retry-After, at once.
 * Waiting users take turns for the global slots, so one user's queue never delays another's
 * computation by more than one turn. Views kept in memory never come here (ViewService admits
 * misses only): they are served at once whatever the load.
 */
export class ComputeLimit {
  readonly #options: ComputeLimitOptions;
  readonly #users = new Map<string, UserSlots>();
  /** users with waiting requests, in turn order */
  readonly #turns: string[] = [];
  #running = 0;

  constructor(options: Partial<ComputeLimitOptions> = {}) {
    this.#options = { ...defaultComputeLimits, ...options };
  }

  /** Waits for a slot for `user` (or throws a 429 HttpError); returns the function that frees it. */
  admit(user: string): Promise<() => void> {
    let slots = this.#users.get(user);
    if (slots === undefined) {
      slots = { running: 0, waiting: [] };
      this.#users.set(user, slots);
    }
    if (slots.waiting.length === 0 && this.#free(slots)) return Promise.resolve(this.#start(user, slots));
    if (slots.waiting.length >= this.#options.queuePerUser) {
      this.#tidy(user, slots);
      return Promise.reject(
        new HttpError(429, "too-many-views", httpMessages.tooManyViews, {
          "Retry-After": String(this.#options.retryAfterSeconds),
        }),
      );
    }
    const own = slots;
    return new Promise((resolve) => {
      own.waiting.push(() => resolve(this.#start(user, own)));
      if (!this.#turns.includes(user)) this.#turns.push(user);
    });
  }

  /** Computations in flight and waiting, for tests. */
  load(): { running: number; waiting: number } {
    let waiting = 0;
    for (const slots of this.#users.values()) waiting += slots.waiting.length;
    return { running: this.#running, waiting };
  }

  #free(slots: UserSlots): boolean {
    return slots.running < this.#options.perUser && this.#running < this.#options.global;
  }

  #start(user: string, slots: UserSlots): () => void {
    slots.running++;
    this.#running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      slots.running--;
      this.#running--;
      this.#tidy(user, slots);
      this.#next();
    };
  }

  /** Gives free slots to waiting users in turn: the first eligible user's oldest request. */
  #next(): void {
    while (this.#running < this.#options.global) {
      const at = this.#turns.findIndex((user) => {
        const slots = this.#users.get(user);
        return slots !== undefined && slots.waiting.length > 0 && this.#free(slots);
      });
      if (at < 0) return;
      const [user = ""] = this.#turns.splice(at, 1);
      const slots = this.#users.get(user);
      const wake = slots?.waiting.shift();
      if (slots !== undefined && slots.waiting.length > 0) this.#turns.push(user);
      wake?.();
    }
  }

  #tidy(user: string, slots: UserSlots): void {
    if (slots.running === 0 && slots.waiting.length === 0 && this.#users.get(user) === slots)
      this.#users.delete(user);
  }
}
