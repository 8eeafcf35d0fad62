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
export {
  type ChangedResponse,
  ChangedResponsesError,
  type ConflictingPair,
  ConflictingResponsesError,
  type EarlierImport,
} from "./changed-responses.js";
export {
  type DashboardMarker,
  dashboardMarkerPath,
  readDashboardMarker,
  writeDashboardMarker,
} from "./dashboard-marker.js";
export { databaseEnvVariable, defaultDatabasePath, findRepoRoot } from "./default-database-path.js";
export { type AccountsStoreOptions, openAccountsStore } from "./duckdb/accounts-store.js";
export { readsApart } from "./duckdb/csv-bytes.js";
export {
  type CsvCheck,
  type CsvConversion,
  type CsvCounts,
  type CsvImport,
  checkCsvFile,
} from "./duckdb/csv-import.js";
export type { CsvFile } from "./duckdb/csv-read.js";
export { type DuckDbStoreOptions, openDuckDbStore } from "./duckdb/duckdb-store.js";
export { researcherViewNames } from "./duckdb/researcher-views.js";
export { isOutOfMemory, StoreError, storeMessages } from "./messages.js";
export {
  isPostgresTarget,
  type OpenAccountsOptions,
  type OpenStoreOptions,
  openAccounts,
  openStore,
} from "./open-store.js";
export { openPostgresAccounts } from "./postgres/accounts-store.js";
export { defaultPoolSize, poolSizeFromEnv } from "./postgres/connection.js";
export { openPostgresStore, type PostgresStoreOptions } from "./postgres/postgres-store.js";
export { type DataVersionWatch, watchDataVersion } from "./postgres/watch-data-version.js";
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
  type MappingTable,
  type NewImport,
  type RegistryTable,
  type ResponseScope,
  type RosterEntry,
  type SessionTable,
  type Store,
  type StoredInstrument,
  type StoredMapping,
  type StoredResponse,
  type StoredSession,
  type StoredUser,
  type UserRecord,
  type UserScopes,
  type UserTable,
  type ViewResult,
  type ViewResultTable,
} from "./store.js";
