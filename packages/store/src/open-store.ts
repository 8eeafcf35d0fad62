import { type AccountsStoreOptions, openAccountsStore } from "./duckdb/accounts-store.js";
import { type DuckDbStoreOptions, openDuckDbStore } from "./duckdb/duckdb-store.js";
import { openPostgresAccounts } from "./postgres/accounts-store.js";
import { openPostgresStore, type PostgresStoreOptions } from "./postgres/postgres-store.js";
import type { AccountsStore, Store } from "./store.js";

/**
 * Where the data live, as `--db` and ZAZ_DB say it: a `postgres://` or `postgresql://` URL is a
 * PostgreSQL database; anything else is the path of a DuckDB file.
 */
export function isPostgresTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export interface OpenStoreOptions {
  duckdb?: DuckDbStoreOptions;
  postgres?: PostgresStoreOptions;
}

/** Opens the store at `target` (contract K1 of issue 12): PostgreSQL for a URL, else a DuckDB file. */
export function openStore(target: string, options: OpenStoreOptions = {}): Promise<Store> {
  return isPostgresTarget(target)
    ? openPostgresStore(target, options.postgres)
    : openDuckDbStore(target, options.duckdb);
}

export interface OpenAccountsOptions {
  duckdb?: AccountsStoreOptions;
  postgres?: { poolSize?: number };
}

/**
 * Opens the dashboard's accounts and sessions at `target`: on PostgreSQL, tables in that database
 * (shared by every dashboard process); else the accounts file at that path.
 */
export function openAccounts(target: string, options: OpenAccountsOptions = {}): Promise<AccountsStore> {
  return isPostgresTarget(target)
    ? openPostgresAccounts(target, options.postgres)
    : openAccountsStore(target, options.duckdb);
}
