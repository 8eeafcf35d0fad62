import type { AccountsStore, Store } from "@zaz/store";
import type { PrivacySettings } from "@zaz/survey";
import { cacheDataVersion, type WatchDataVersion } from "./data-version-cache.js";
import { StoreSessionStore } from "./session/store-session-store.js";
import { StoreResultsService } from "./store-results-service.js";
import { StoreUserRepository } from "./users/store-user-repository.js";

/**
 * How long a session or account read from PostgreSQL is served from memory. Other dashboard
 * processes share the rows: a logout, a changed password or a removed account there is honoured
 * here within this time. One read per session per 10 s costs nothing; on DuckDB the dashboard is
 * the only process, so the 60 s default stays.
 */
export const sharedRowCacheMs = 10_000;

export interface DashboardStores {
  /** the store as the dashboard reads it: on PostgreSQL with the data version kept in memory */
  store: Store;
  results: StoreResultsService;
  users: StoreUserRepository;
  sessionStore: StoreSessionStore;
  /** waits for the session writes no request waited for and stops listening; the stores stay open */
  close(): Promise<void>;
}

/**
 * The dashboard's services on an opened store and accounts store, the same for `npm start`, the
 * server entry (bin.ts) and the benchmark. On PostgreSQL more processes may serve the same database:
 * `watch` (the store's LISTEN helper) tells this one when another changed the data, so its kept views
 * are made afresh within a second without a query per request (see data-version-cache.ts).
 */
export async function dashboardStores(
  store: Store,
  accounts: AccountsStore,
  options: { privacy: PrivacySettings; watch?: WatchDataVersion; warn?: (message: string) => void },
): Promise<DashboardStores> {
  const shared = store.kind === "postgres";
  const cached = shared
    ? await cacheDataVersion(store, {
        ...(options.watch === undefined ? {} : { watch: options.watch }),
        ...(options.warn === undefined ? {} : { warn: options.warn }),
      })
    : undefined;
  const served = cached?.store ?? store;
  const sessionStore = new StoreSessionStore(accounts, shared ? { cacheMs: sharedRowCacheMs } : {});
  return {
    store: served,
    results: new StoreResultsService({ store: served, privacy: options.privacy }),
    users: new StoreUserRepository(accounts, shared ? { cacheMs: sharedRowCacheMs } : {}),
    sessionStore,
    close: async () => {
      await sessionStore.settled();
      await cached?.close();
    },
  };
}
