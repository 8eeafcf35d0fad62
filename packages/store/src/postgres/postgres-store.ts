import type { Instrument, SurveyResponse } from "@zaz/model";
import type { AnalysisQueries } from "../analysis/types.js";
import type { CsvConversion, CsvImport } from "../duckdb/csv-import.js";
import type { CsvFile } from "../duckdb/csv-read.js";
import { defaultBatchSize } from "../duckdb/read-responses.js";
import { StoreError, storeMessages } from "../messages.js";
import type {
  ActionPointTable,
  ContextFilter,
  ErasureCount,
  ImportOutcome,
  ImportRecord,
  MappingTable,
  NewImport,
  RegistryTable,
  ResponseScope,
  RosterEntry,
  Store,
  StoredInstrument,
  StoredResponse,
  ViewResultTable,
} from "../store.js";
import {
  actionPointHistoryPg,
  addActionPointPg,
  listActionPointsPg,
  markActionPointDonePg,
  removeActionPointPg,
  updateActionPointPg,
} from "./action-points.js";
import { postgresAnalysis } from "./analysis.js";
import { PgDatabase, type PgOptions } from "./connection.js";
import { readDataVersionPg } from "./data-version.js";
import { removeImportPg, removeRespondentPg } from "./erase.js";
import { hasImportPg, importResponsesPg } from "./import-responses.js";
import { adoptLegacyImportsPg, listStoredInstrumentsPg } from "./instruments.js";
import { getMappingPg, putMappingPg } from "./mappings.js";
import { migratePg } from "./migrations.js";
import { openError } from "./open-error.js";
import { contextValuesPg, countResponsesPg, listImportsPg, readResponseBatchPg } from "./queries.js";
import { addEntitiesPg, listRegistryPg, renameEntityPg } from "./registry.js";
import { replaceRosterPg, rosterPg } from "./roster.js";
import { getViewResultPg, putViewResultPg } from "./view-results.js";

export interface PostgresStoreOptions extends PgOptions {
  /** statement timeout of an analysis query in ms; default ZAZ_DB_ANALYSIS_TIMEOUT_MS, else 120 s */
  analysisTimeoutMs?: number;
}

const nothingErased: ErasureCount = { responses: 0, answers: 0 };

function analysisTimeoutFromEnv(): number | undefined {
  const value = Number(process.env.ZAZ_DB_ANALYSIS_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * Opens the PostgreSQL store at `url` (postgres://…): a connection pool, and the schema brought up
 * to date (migrations.ts, safe when several processes open at once). Many Stores — in this process
 * and in others — may be open on one database at once: every write is a transaction, and the data
 * version is read from the database, so each sees the others' changes.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const db = await PgDatabase.open(url, options);
  try {
    await migratePg(db);
  } catch (error) {
    await db.close();
    throw openError(url, error);
  }
  // Every request of a dashboard asks for the data version (is the kept view still valid?): with its
  // own two connections, that answer never waits behind slow analysis queries in the main pool.
  const quick = await PgDatabase.open(url, { poolSize: 2 });
  return new PostgresStore(db, quick, options.analysisTimeoutMs ?? analysisTimeoutFromEnv());
}

class PostgresStore implements Store {
  readonly kind = "postgres";
  private closed = false;
  readonly analysis: AnalysisQueries;

  constructor(
    private readonly database: PgDatabase,
    /** for the cheap reads every request makes: the data version and kept views */
    private readonly quick: PgDatabase,
    analysisTimeoutMs: number | undefined,
  ) {
    this.analysis = postgresAnalysis(database, analysisTimeoutMs);
  }

  /** the database, refusing work once closed (as the DuckDB store does) */
  private get db(): PgDatabase {
    if (this.closed) throw new StoreError(storeMessages.storeClosed());
    return this.database;
  }

  private get quickDb(): PgDatabase {
    if (this.closed) throw new StoreError(storeMessages.storeClosed());
    return this.quick;
  }

  readonly registry: RegistryTable = {
    list: () => listRegistryPg(this.db),
    add: (entities) => addEntitiesPg(this.db, entities),
    rename: (kind, id, name) => renameEntityPg(this.db, kind, id, name),
  };

  readonly viewResults: ViewResultTable = {
    get: (key) => getViewResultPg(this.quickDb, key),
    put: (key, dataVersion, body) => putViewResultPg(this.db, key, dataVersion, body),
  };

  readonly actions: ActionPointTable = {
    list: (filter) => listActionPointsPg(this.db, filter),
    add: (point, by) => addActionPointPg(this.db, point, by),
    update: (id, changes, by) => updateActionPointPg(this.db, id, changes, by),
    markDone: (id, done, by) => markActionPointDonePg(this.db, id, done, by),
    remove: (id, by) => removeActionPointPg(this.db, id, by),
    history: (id) => actionPointHistoryPg(this.db, id),
  };

  // not research data: a saved mapping leaves the data version (and the kept views) as they are
  readonly mappings: MappingTable = {
    get: (school, instrumentId) => getMappingPg(this.db, school, instrumentId),
    put: (school, instrumentId, mapping, by) => putMappingPg(this.db, school, instrumentId, mapping, by),
  };

  importResponses(
    record: NewImport,
    responses: AsyncIterable<SurveyResponse> | Iterable<SurveyResponse>,
    onProgress?: (n: number) => void,
  ): Promise<ImportOutcome> {
    return importResponsesPg(this.db, record, responses, onProgress);
  }

  /** DuckDB's fast path reads the file inside DuckDB; PostgreSQL takes the streaming path. */
  async importCsv(_record: NewImport, _file: CsvFile, _conversion: CsvConversion): Promise<CsvImport> {
    return { ok: false, reason: "PostgreSQL: het bestand wordt regel voor regel ingelezen" };
  }

  hasImport(id: string): Promise<boolean> {
    return hasImportPg(this.db, id);
  }

  listImports(): Promise<ImportRecord[]> {
    return listImportsPg(this.db);
  }

  countResponses(scope?: Partial<ResponseScope>): Promise<number> {
    return countResponsesPg(this.db, scope);
  }

  async selectResponses(scope: ResponseScope): Promise<StoredResponse[]> {
    const all: StoredResponse[] = [];
    for await (const response of this.streamResponses(scope, 10_000)) all.push(response);
    return all;
  }

  async *streamResponses(scope: ResponseScope, batchSize = defaultBatchSize): AsyncGenerator<StoredResponse> {
    let after = 0n;
    for (;;) {
      const batch = await readResponseBatchPg(this.db, scope, after, batchSize);
      if (batch === undefined) return;
      yield* batch.responses;
      after = batch.lastId;
    }
  }

  contextValues(instrumentId: string, dimension: string, where?: ContextFilter): Promise<string[]> {
    return contextValuesPg(this.db, instrumentId, dimension, where);
  }

  async removeImport(id: string): Promise<ErasureCount> {
    return (await removeImportPg(this.db, id)) ?? nothingErased;
  }

  async removeRespondent(pseudonym: string): Promise<ErasureCount> {
    return (await removeRespondentPg(this.db, pseudonym)) ?? nothingErased;
  }

  replaceRoster(entries: readonly RosterEntry[], source: string): Promise<number> {
    return replaceRosterPg(this.db, entries, source);
  }

  roster(where?: Partial<Pick<RosterEntry, "school" | "groep" | "wave">>): Promise<RosterEntry[]> {
    return rosterPg(this.db, where);
  }

  instruments(): Promise<StoredInstrument[]> {
    return listStoredInstrumentsPg(this.db);
  }

  adoptInstruments(load: () => Promise<readonly Instrument[]>): Promise<number> {
    return adoptLegacyImportsPg(this.db, load);
  }

  /** Read from its row every time: another process may have changed the data a moment ago. */
  dataVersion(): Promise<number> {
    return readDataVersionPg(this.quickDb);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.database.close(), this.quick.close()]);
  }
}
