/** How fast one user's refused (or costly) requests go through; every bound finite. */
export interface Pacing {
  /** refusals answered at once before pacing starts */
  burst: number;
  /** refusals per second once the burst is spent */
  perSecond: number;
  /** the longest one answer is held back */
  maxWaitMs: number;
}

/** for refusals: a person who mistypes never notices, a client that hammers gets 10 answers a second */
export const defaultRefusalPacing: Pacing = { burst: 30, perSecond: 10, maxWaitMs: 3000 };

/**
 * for computations of views not kept: a person changing filters rarely notices; a client asking for
 * one uncached view after another starts at most 1 a second, so the JavaScript part of computing
 * views (formulas, suppression, serialising: tens of ms that block the one event loop) takes only a
 * small share of it, and other users' kept views stay fast
 */
export const defaultMissPacing: Pacing = { burst: 4, perSecond: 1, maxWaitMs: 3000 };

interface Bucket {
  /** may go negative: the debt of answers already promised a later slot */
  tokens: number;
  at: number;
}

/**
 * A token bucket per user. Used for two things: refusals (api-router) and computations of views
 * not kept (StoreResultsService, before ComputeLimit).
 *
 * Slows down a user who keeps being refused (unknown filter values, out of scope, too many
 * computations). Answering a refusal at once costs little, but 16 connections that send the next
 * request the moment they have their answer keep the one event loop busy, and every other user's
 * kept view waits behind them. So refusals come out of a per-user token bucket: a person who
 * mistypes a value is answered at once; a client that hammers is answered at `perSecond`, its
 * connections parked meanwhile (a parked request costs no CPU). While in debt, the user's other
 * requests wait their turn too (see api-router), so mixing in requests for kept views does not
 * get around it. Well-behaved users never meet the pacer.
 */
export class UserPacer {
  readonly #pacing: Pacing;
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;

  constructor(pacing: Partial<Pacing> = {}, now: () => number = () => performance.now()) {
    this.#pacing = { ...defaultRefusalPacing, ...pacing };
    this.#now = now;
  }

  /** true while the user's refusals are being paced */
  inDebt(user: string): boolean {
    const bucket = this.#buckets.get(user);
    return bucket !== undefined && this.#refill(user, bucket).tokens < 1;
  }

  /** Takes one token; resolves when the user's turn has come (at once while the burst lasts). */
  pace(user: string): Promise<void> {
    const bucket = this.#refill(
      user,
      this.#buckets.get(user) ?? { tokens: this.#pacing.burst, at: this.#now() },
    );
    // the debt is bounded, so a client that stops is answered normally again within maxWaitMs
    const floor = -(this.#pacing.maxWaitMs / 1000) * this.#pacing.perSecond;
    bucket.tokens = Math.max(floor, bucket.tokens - 1);
    this.#buckets.set(user, bucket);
    if (bucket.tokens >= 0) return Promise.resolve();
    const waitMs = Math.min((-bucket.tokens / this.#pacing.perSecond) * 1000, this.#pacing.maxWaitMs);
    return new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  #refill(user: string, bucket: Bucket): Bucket {
    const now = this.#now();
    bucket.tokens = Math.min(
      this.#pacing.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.#pacing.perSecond,
    );
    bucket.at = now;
    // a full bucket is the same as none: forget it, so the map holds only users being paced
    if (bucket.tokens >= this.#pacing.burst) this.#buckets.delete(user);
    else this.#buckets.set(user, bucket);
    return bucket;
  }
}
