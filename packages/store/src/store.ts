import type {
  ActionPoint,
  ActionPointChanges,
  ActionPointEvent,
  EntityKind,
  Instrument,
  NewActionPoint,
  RegistryEntity,
  SurveyResponse,
} from "@zaz/model";
import type { AnalysisQueries } from "./analysis/types.js";
import type { CsvConversion, CsvImport } from "./duckdb/csv-import.js";
import type { CsvFile } from "./duckdb/csv-read.js";

/**
 * The persistence boundary. Everything outside packages/store sees only these types;
 * DuckDB (now) and PostgreSQL (later) live behind them.
 */

export interface NewImport {
  /** sha256 hex of the file's bytes (computed by the caller); the import's identity */
  id: string;
  fileName: string;
  /** the instrument the export was read with; the store keeps it, so the data can be analysed without the file */
  instrument: Instrument;
  /** export profile detected (google-forms, …) */
  profile: string;
  /**
   * Context given by flags (school, groep, wave …). Stored with the import, and merged into each
   * response's context where the response does not carry that dimension itself.
   */
  context: Record<string, string>;
  rowsRead: number;
  /**
   * Schools and boards to register with the import (`zaz ingest --nieuwe-school`): written in the
   * transaction that makes the import visible, so a refused import registers nothing.
   */
  register?: readonly RegistryEntity[];
  /**
   * A response stored before (same instrument and key) with other answers is a changed response.
   * Without this the import is refused as a whole (ChangedResponsesError); with it (`zaz ingest
   * --vervang`) the new version replaces the stored one when the import becomes visible.
   */
  replaceChanged?: boolean;
}

export const ImportStatus = {
  imported: "imported",
  /** the same content hash was seen before: nothing written */
  alreadyImported: "already-imported",
} as const;

export type ImportStatus = (typeof ImportStatus)[keyof typeof ImportStatus];

export function isImportStatus(value: unknown): value is ImportStatus {
  return value === ImportStatus.imported || value === ImportStatus.alreadyImported;
}

export interface ImportOutcome {
  status: ImportStatus;
  importId: string;
  responsesAdded: number;
  /**
   * already stored under the same (instrumentId, key) with the same answers (content hash), e.g. the
   * same rows in another file, or twice in this one
   */
  responsesSkipped: number;
  answersAdded: number;
  /**
   * Of responsesAdded, how many replaced a stored version with other answers (NewImport.replaceChanged);
   * those versions are gone, and their imports' counts lowered. Left out: none.
   */
  responsesReplaced?: number;
}

export interface ImportRecord extends Omit<NewImport, "instrument" | "register"> {
  instrumentId: string;
  instrumentVersion: string;
  /** ISO 8601, UTC */
  importedAt: string;
  /** responses of this import still stored (erasure of a respondent lowers it) */
  responses: number;
  answers: number;
}

/** Context dimension filters: a response matches when, for every dimension, its value is (one of) the given. */
export type ContextFilter = Record<string, string | readonly string[]>;

export interface ResponseScope {
  instrumentId: string;
  where?: ContextFilter;
}

export interface StoredResponse extends SurveyResponse {
  importId: string;
  instrumentId: string;
}

export interface RosterEntry {
  school: string;
  groep: string;
  wave: string;
  families: number;
}

export interface ErasureCount {
  responses: number;
  answers: number;
}

/** What results an account may see; the same shape as the dashboard's `UserScopes`. */
export interface UserScopes {
  schools?: string[];
  bestuur?: string;
  opleiding?: string;
}

/**
 * A dashboard account as stored. The store does not interpret role or hash; usernames are
 * compared exactly, so the caller normalises them (the dashboard lower-cases).
 */
export interface StoredUser {
  username: string;
  role: string;
  scopes: UserScopes;
  passwordHash: string;
  /** a blocked account gets no session (false when left out) */
  blocked?: boolean;
  /** how the person is called (an SSO account's name or e-mail claim); none for most local accounts */
  displayName?: string;
}

export interface UserRecord extends StoredUser {
  /** ISO 8601, UTC */
  createdAt: string;
  /** why the row could not be read whole (its scopes are then empty): such an account cannot log in */
  damaged?: string;
}

export const AddUserOutcome = {
  added: "added",
  /** the username is taken: nothing written */
  exists: "exists",
} as const;

export type AddUserOutcome = (typeof AddUserOutcome)[keyof typeof AddUserOutcome];

export function isAddUserOutcome(value: unknown): value is AddUserOutcome {
  return value === AddUserOutcome.added || value === AddUserOutcome.exists;
}

export interface UserTable {
  add(user: StoredUser): Promise<AddUserOutcome>;
  find(username: string): Promise<UserRecord | undefined>;
  /** sorted by username, as people read them ("user2" before "user10") */
  list(): Promise<UserRecord[]>;
  /** true when a user was removed */
  remove(username: string): Promise<boolean>;
  /** replaces the password hash (a new password, or a rehash); false when there is no such user */
  setPasswordHash(username: string, passwordHash: string): Promise<boolean>;
  /** blocks or unblocks; false when there is no such user */
  setBlocked(username: string, blocked: boolean): Promise<boolean>;
  /** replaces role, scopes and display name (an SSO account's claims changed); false when there is no such user */
  setAccess(username: string, access: Pick<StoredUser, "role" | "scopes" | "displayName">): Promise<boolean>;
}

/** A server-side session: its data as JSON text, and when it may be forgotten (ms since epoch). */
export interface StoredSession {
  record: string;
  expiresAt: number;
}

/**
 * Sessions of the dashboard. The store keeps no clock: `get` returns an expired session too, with
 * its `expiresAt`, and the caller decides (and purges).
 */
export interface SessionTable {
  get(id: string): Promise<StoredSession | undefined>;
  /** stores or replaces */
  set(id: string, record: string, expiresAt: number): Promise<void>;
  destroy(id: string): Promise<void>;
  /** removes every session with expiresAt ≤ now; returns how many */
  purgeExpired(now: number): Promise<number>;
}

/** An instrument definition as stored with the data it was imported with. */
export interface StoredInstrument {
  /** the store's number for this definition: analysis selections name it */
  key: number;
  instrument: Instrument;
  /** responses stored now under this definition */
  responses: number;
}

/**
 * The registered schools and boards. Their ids are what responses, the roster and accounts' scopes
 * hold; names are labels. Every change counts as a change of the data (views show the names).
 */
export interface RegistryTable {
  /** boards first, then schools, each by name */
  list(): Promise<RegistryEntity[]>;
  /**
   * Registers new entities, all or nothing. Refused (StoreError) when an id of the same kind is
   * taken, or a school names a board that is neither registered nor among `entities`.
   */
  add(entities: readonly RegistryEntity[]): Promise<void>;
  /** Changes a display name only (ids, scopes and data stay); false when there is no such entity. */
  rename(kind: EntityKind, id: string, name: string): Promise<boolean>;
}

/** A view computed for one version of the data (see Store.dataVersion), kept in the store. */
export interface ViewResult {
  dataVersion: number;
  body: string;
}

/**
 * Results kept until the data change: every change of the data deletes them in its own
 * transaction. `put` of a result computed for an older version is ignored.
 */
export interface ViewResultTable {
  get(key: string): Promise<ViewResult | undefined>;
  put(key: string, dataVersion: number, body: string): Promise<void>;
}

/** Which action points to list: those of one school, or of any of some schools; all without. */
export interface ActionPointFilter {
  school?: string;
  schools?: readonly string[];
}

/**
 * The action points (actiepunten) of schools, with an append-only audit trail. The caller has
 * validated the input (newActionPointSchema) and checked the person's scope; `by` is who acts.
 * Every change counts as a change of the data: the class overview shows them.
 */
export interface ActionPointTable {
  /** by id, oldest first */
  list(filter?: ActionPointFilter): Promise<ActionPoint[]>;
  add(point: NewActionPoint, by: string): Promise<ActionPoint>;
  /** undefined when there is no such action point */
  update(id: number, changes: ActionPointChanges, by: string): Promise<ActionPoint | undefined>;
  /** marks done (or not done again); undefined when there is no such action point */
  markDone(id: number, done: boolean, by: string): Promise<ActionPoint | undefined>;
  /** false when there is no such action point; its history stays */
  remove(id: number, by: string): Promise<boolean>;
  /** the audit trail, oldest first; of one action point, or of all */
  history(id?: number): Promise<ActionPointEvent[]>;
}

/**
 * A school's column mapping for an instrument, kept when someone reviewed it in the dashboard's
 * upload page and offered again for the next export: the text of a mapping file (survey's
 * `formatMappingFile`/`parseMappingFile`), so the store need not know its shape. Not research data:
 * a change does not change the data version.
 */
export interface StoredMapping {
  school: string;
  instrumentId: string;
  /** the mapping file's JSON text */
  mapping: string;
  updatedBy: string;
  /** ISO 8601, UTC */
  updatedAt: string;
}

/** The saved mappings, one per (school, instrument). */
export interface MappingTable {
  get(school: string, instrumentId: string): Promise<StoredMapping | undefined>;
  /** stores or replaces the mapping of (school, instrument) */
  put(school: string, instrumentId: string, mapping: string, by: string): Promise<void>;
}

export interface Store {
  /** which database is behind it: a DuckDB file, or a PostgreSQL server (open-store.ts) */
  readonly kind: "duckdb" | "postgres";
  /**
   * Writes the import and its responses all or nothing, also when the process dies half-way:
   * no read sees part of it, and what a failed or killed import wrote is removed (at the latest
   * when the store is next opened). Memory does not grow with the number of responses.
   * Responses arrive as an (async) iterable and are streamed in batches.
   * `onProgress` gets the number of responses read so far, now and then and at the end.
   */
  importResponses(
    record: NewImport,
    responses: AsyncIterable<SurveyResponse> | Iterable<SurveyResponse>,
    onProgress?: (n: number) => void,
  ): Promise<ImportOutcome>;
  /**
   * The DuckDB fast path of an import (duckdb/csv-import.ts): DuckDB reads the file, and
   * `{ ok: false, reason }` says it must take the streaming path (`importResponses`) instead.
   */
  importCsv(record: NewImport, file: CsvFile, conversion: CsvConversion): Promise<CsvImport>;
  hasImport(id: string): Promise<boolean>;
  /** oldest first */
  listImports(): Promise<ImportRecord[]>;
  /** without an instrumentId: across all instruments */
  countResponses(scope?: Partial<ResponseScope>): Promise<number>;
  /** in import order, answers in their original order; for large scopes prefer streamResponses */
  selectResponses(scope: ResponseScope): Promise<StoredResponse[]>;
  /**
   * The same responses, read in batches (default 2000) so memory stays bounded however large the
   * scope. Other store calls may run between batches; responses imported meanwhile may appear.
   */
  streamResponses(scope: ResponseScope, batchSize?: number): AsyncIterable<StoredResponse>;
  /** distinct values of one context dimension, sorted as people read them ("groep 2" before "groep 10") */
  contextValues(instrumentId: string, dimension: string, where?: ContextFilter): Promise<string[]>;
  /** erases the import and its responses, and compacts the file so the values are gone from it */
  removeImport(id: string): Promise<ErasureCount>;
  /** erases every response that carries this pseudonym as a context value (any dimension, "_respondent" included), and compacts */
  removeRespondent(pseudonym: string): Promise<ErasureCount>;
  /**
   * Stores roster entries. For every (school, wave) in `entries`, the entries stored before are
   * replaced as a whole (a groep left out is gone); other schools and waves are kept.
   * Returns the number of entries written.
   */
  replaceRoster(entries: readonly RosterEntry[], source: string): Promise<number>;
  roster(where?: Partial<Pick<RosterEntry, "school" | "groep" | "wave">>): Promise<RosterEntry[]>;
  /** every stored instrument definition, oldest first */
  instruments(): Promise<StoredInstrument[]>;
  /**
   * Imports made before definitions were stored are analysed with the matching definition (same id
   * and version) among those `load` gives, the instrument files of this installation; it is called
   * only when there is such an import. Returns the imports adopted.
   */
  adoptInstruments(load: () => Promise<readonly Instrument[]>): Promise<number>;
  /**
   * A number that changes whenever the stored data change (imports, erasures, rosters). Views made
   * for one value stay valid while it holds. Cheap: no database work where the store is the only writer.
   */
  dataVersion(): Promise<number>;
  /** aggregates computed in the database: the analysis engine's only way to the data */
  readonly analysis: AnalysisQueries;
  /** the registered schools and boards */
  readonly registry: RegistryTable;
  /** views kept for the current data version */
  readonly viewResults: ViewResultTable;
  /** the schools' action points and their audit trail */
  readonly actions: ActionPointTable;
  /** column mappings saved per school and instrument (the dashboard's upload page) */
  readonly mappings: MappingTable;
  close(): Promise<void>;
}

/**
 * The dashboard's accounts and sessions, in a file of their own beside the research database
 * (accountsDatabasePath): the research file is the one researchers open from R, Python or DBeaver
 * and that `zaz export` reads, so password hashes and session ids must never be in it. On
 * PostgreSQL they are tables of the same database, outside the researcher views (`onderzoek_*`),
 * so that every dashboard process shares them (postgres/accounts-store.ts).
 */
export interface AccountsStore {
  /** dashboard accounts */
  readonly users: UserTable;
  /** dashboard sessions */
  readonly sessions: SessionTable;
  close(): Promise<void>;
}
