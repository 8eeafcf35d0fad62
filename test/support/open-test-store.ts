import {
  type AccountsStore,
  type AccountsStoreOptions,
  type DuckDbStoreOptions,
  openAccounts,
  openStore,
  type Store,
} from "@zaz/store";

/**
 * Opens the store at `target` (a DuckDB path or a PostgreSQL URL, as newTestDatabase gives) through
 * the factory `openStore`; the options are DuckDB's (chunk size …), which a PostgreSQL import does not
 * have: it is one transaction.
 */
export function openTestStore(target: string, options?: DuckDbStoreOptions): Promise<Store> {
  return openStore(target, options === undefined ? {} : { duckdb: options });
}

/**
 * Opens the accounts store at `target` through the factory `openAccounts`: a DuckDB accounts file, or
 * a PostgreSQL URL (accounts and sessions live in the research database there, in their own tables).
 */
export function openTestAccounts(target: string, options?: AccountsStoreOptions): Promise<AccountsStore> {
  return openAccounts(target, options === undefined ? {} : { duckdb: options });
}
