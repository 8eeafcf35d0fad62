export { databaseEnvVariable, defaultDatabasePath, findRepoRoot } from "./default-database-path.js";
export { type DuckDbStoreOptions, openDuckDbStore } from "./duckdb/duckdb-store.js";
export { StoreError, storeMessages } from "./messages.js";
export { loadOrCreateKey, pseudonymKeyBytes, pseudonymKeyPath } from "./pseudonym-key.js";
export {
  type ContextFilter,
  type ErasureCount,
  type ImportOutcome,
  type ImportRecord,
  ImportStatus,
  isImportStatus,
  type NewImport,
  type ResponseScope,
  type RosterEntry,
  type Store,
  type StoredResponse,
} from "./store.js";
