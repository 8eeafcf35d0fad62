export {
  accountsDatabasePath,
  accountsEnvVariable,
  defaultAccountsDatabasePath,
} from "./accounts-database-path.js";
export type { DerivedDimension } from "./analysis/derived-dimension.js";
export { type FactsLayout, factsLayout } from "./analysis/facts-layout.js";
export type {
  AnalysisQueries,
  Frequency,
  FrequencyRequest,
  GroupFrequencies,
  GroupingSets,
  GroupRef,
  GroupStudents,
  GroupTexts,
  ReliabilityRequest,
  ReliabilitySums,
  Selection,
  StudentRequest,
  TextRequest,
  ValueCount,
} from "./analysis/types.js";
export { databaseEnvVariable, defaultDatabasePath, findRepoRoot } from "./default-database-path.js";
export { type AccountsStoreOptions, openAccountsStore } from "./duckdb/accounts-store.js";
export { type DuckDbStoreOptions, openDuckDbStore } from "./duckdb/duckdb-store.js";
export { StoreError, storeMessages } from "./messages.js";
export { loadOrCreateKey, pseudonymKeyBytes, pseudonymKeyPath } from "./pseudonym-key.js";
export {
  type AccountsStore,
  type ActionPointFilter,
  type ActionPointTable,
  AddUserOutcome,
  type ContextFilter,
  type ErasureCount,
  type ImportOutcome,
  type ImportRecord,
  ImportStatus,
  isAddUserOutcome,
  isImportStatus,
  type NewImport,
  type RegistryTable,
  type ResponseScope,
  type RosterEntry,
  type SessionTable,
  type Store,
  type StoredInstrument,
  type StoredResponse,
  type StoredSession,
  type StoredUser,
  type UserRecord,
  type UserScopes,
  type UserTable,
  type ViewResult,
  type ViewResultTable,
} from "./store.js";
