import type { DataVersionWatch, Store } from "@zaz/store";

/**
 * Starts listening (the store's `watchDataVersion`): `onChange` is called after every committed
 * change of the data by any process, and after a lost connection is back. Rejects when it cannot
 * listen; the cache then polls.
 */
export type WatchDataVersion = (onChange: () => void) => Promise<DataVersionWatch>;

export interface DataVersionCacheOptions {
  /** how another process's changes are heard; without it (or until it listens) the version is polled */
  watch?: WatchDataVersion;
  /** without a watch: how long a version read from the database is trusted; default 500 ms */
  pollMs?: number;
  /** with a watch: trusted at most this long, in case a notification was lost; default 30 s */
  maxAgeMs?: number;
  now?: () => number;
  /** where a failure to listen goes; default console.warn */
  warn?: (message: string) => void;
}

export interface CachedDataVersion {
  /** the same store, but `dataVersion()` is answered from memory while it is known to be current */
  readonly store: Store;
  /** true while notifications are heard (for tests and the startup line) */
  readonly listening: boolean;
  close(): Promise<void>;
}

/**
 * Every request for a kept view asks `store.dataVersion()` (see packages/views' ViewService), and on
 * PostgreSQL that is a query: with more than one dashboard process, another one may have imported.
 * This keeps the version in memory and drops it when (a) a notification says the data changed
 * (LISTEN/NOTIFY: another process's import is seen within milliseconds), (b) this process called
 * anything on the store that may have written (an action point, an upload: its own change is seen
 * at once, without waiting for its own notification), or (c) it is older than `maxAgeMs` — or, while
 * nobody listens, `pollMs`, so a change is still seen within a second.
 */
export async function cacheDataVersion(
  store: Store,
  options: DataVersionCacheOptions = {},
): Promise<CachedDataVersion> {
  const now = options.now ?? (() => performance.now());
  const pollMs = options.pollMs ?? 500;
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  let cached: { version: number; at: number } | undefined;
  // bumped on every invalidation: a read that started before one must not cache what it read
  let generation = 0;
  let watch: DataVersionWatch | undefined;
  const invalidate = () => {
    generation++;
    cached = undefined;
  };
  if (options.watch !== undefined) {
    try {
      watch = await options.watch(invalidate);
    } catch (error) {
      (options.warn ?? console.warn)(
        `dataversie: luisteren lukt niet, elke ${pollMs} ms opnieuw lezen (${error})`,
      );
    }
  }

  const dataVersion = async (): Promise<number> => {
    const at = now();
    if (cached !== undefined && at - cached.at < (watch === undefined ? pollMs : maxAgeMs))
      return cached.version;
    const started = generation;
    const version = await store.dataVersion();
    if (generation === started) cached = { version, at };
    return version;
  };

  const wrapped = new Map<PropertyKey, unknown>();
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === "dataVersion") return dataVersion;
      const known = wrapped.get(property);
      if (known !== undefined) return known;
      const value: unknown = Reflect.get(target, property, target);
      // the analysis queries only read; every other table (actions, registry, view results, …) may write
      const made =
        typeof value === "function"
          ? invalidatingCall(value, target, invalidate)
          : property !== "analysis" && typeof value === "object" && value !== null
            ? invalidatingTable(value, invalidate)
            : value;
      wrapped.set(property, made);
      return made;
    },
  });
  return {
    store: proxy,
    get listening() {
      return watch !== undefined;
    },
    close: async () => {
      await watch?.stop();
      watch = undefined;
    },
  };
}

/** `method` called on its own object (stores keep #private fields, which a Proxy as `this` cannot reach). */
function invalidatingCall(method: unknown, self: object, invalidate: () => void) {
  const call = method as (...args: unknown[]) => unknown;
  return (...args: unknown[]): unknown => {
    const result = call.apply(self, args);
    if (isThenable(result)) {
      // after the change has committed (or failed: then re-reading costs one query)
      return result.then(
        (value) => {
          invalidate();
          return value;
        },
        (error: unknown) => {
          invalidate();
          throw error;
        },
      );
    }
    invalidate();
    return result;
  };
}

function invalidatingTable(table: object, invalidate: () => void): object {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(table, {
    get(target, property) {
      const known = wrapped.get(property);
      if (known !== undefined) return known;
      const value: unknown = Reflect.get(target, property, target);
      const made = typeof value === "function" ? invalidatingCall(value, target, invalidate) : value;
      wrapped.set(property, made);
      return made;
    },
  });
}

function isThenable(value: unknown): value is Promise<unknown> {
  return (
    typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function"
  );
}
