import { resolve } from "node:path";
import type { Instrument, SurveyResponse } from "@zaz/model";
import { defaultAccountsDatabasePath } from "../accounts-database-path.js";
import type { AnalysisTable } from "../analysis/analysis-table.js";
import { duckDbDialect, portableDuckDbDialect, type SqlDialect } from "../analysis/sql-dialect.js";
import type { AnalysisQueries } from "../analysis/types.js";
import { makeFolderFor } from "../database-folder.js";
import { asDiskFull, diskFullPath, isOutOfMemory, StoreError, storeMessages } from "../messages.js";
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
  actionPointHistory,
  addActionPoint,
  listActionPoints,
  markActionPointDone,
  removeActionPoint,
  updateActionPoint,
} from "./action-points.js";
import { duckDbAnalysis } from "./analysis.js";
import { checkpointOrReopen, openWritten } from "./checkpoint.js";
import { compact, isInMemory, needsCompaction, removeStaleCompaction } from "./compact.js";
import { type DuckDb, type DuckDbOptions, defaultMemoryLimit } from "./connection.js";
import { type CsvConversion, type CsvImport, importCsv } from "./csv-import.js";
import type { CsvFile } from "./csv-read.js";
import { readDataVersion } from "./data-version.js";
import { removeImport, removeRespondent } from "./erase.js";
import { type ChunkOptions, defaultChunkOptions, hasImport, importResponses } from "./import-responses.js";
import { adoptLegacyImports, instrumentRows, listStoredInstruments } from "./instruments.js";
import { getMapping, putMapping } from "./mappings.js";
import { migrate } from "./migrations.js";
import { moveAccountsOut } from "./move-accounts.js";
import { openDatabase } from "./open-database.js";
import { claimPath } from "./open-paths.js";
import { removePendingImports } from "./pending-imports.js";
import { contextValues, countResponses, listImports } from "./queries.js";
import { defaultBatchSize, readResponseBatch } from "./read-responses.js";
import { addEntities, listRegistry, renameEntity } from "./registry.js";
import { replaceRoster, roster } from "./roster.js";
import { getViewResult, putViewResult } from "./view-results.js";

export interface DuckDbStoreOptions extends DuckDbOptions {
  /** responses per committed chunk of an import; default 50,000 */
  importChunkSize?: number;
  /** DuckDB's memory_limit during an import; default 96MB (see import-responses.ts) */
  importMemoryLimit?: string;
  /**
   * For tests of the analysis SQL: `portable` runs only the SQL PostgreSQL runs too (an unpivot where
   * DuckDB would count with histogram maps), so that path is held to the same results before a
   * PostgreSQL store exists; `mapsPerStatement` splits the count maps over more statements.
   */
  analysisSql?: { portable?: boolean; mapsPerStatement?: number };
  /**
   * The accounts file (accounts-store.ts) into which users and sessions that an older version kept
   * in this database are moved on open; default ZAZ_ACCOUNTS_DB, else the file beside it.
   */
  accountsPath?: string;
}

const nothingErased: ErasureCount = { responses: 0, answers: 0 };

/**
 * Opens (creating if needed) the database file, brings its schema up to date, removes what an
 * interrupted import left, moves accounts an older version kept in it to the accounts file, and
 * finishes a compaction an earlier erasure (or that removal, or that move) could not complete.
 * One Store per file per process.
 */
export async function openDuckDbStore(path: string, options: DuckDbStoreOptions = {}): Promise<Store> {
  const location = isInMemory(path) ? ":memory:" : resolve(path);
  if (isInMemory(location)) return openStore(location, options);
  const release = claimPath(location);
  try {
    await makeFolderFor(location);
    await removeStaleCompaction(location);
    return await openStore(location, options, release);
  } catch (error) {
    release();
    // opening writes what a WAL holds into the file (checkpoint.ts's openWritten)
    throw asDiskFull(error, location);
  }
}

function accountsPathFor(location: string, options: DuckDbStoreOptions): string {
  if (isInMemory(location)) return location;
  return resolve(options.accountsPath ?? defaultAccountsDatabasePath(location));
}

async function openStore(
  location: string,
  options: DuckDbStoreOptions,
  onClose?: () => void,
): Promise<Store> {
  const open = (at: string) => openDatabase(at, options);
  let db = await openWritten(location, options.memoryLimit ?? defaultMemoryLimit, (at, memoryLimit) =>
    openDatabase(at, { ...options, memoryLimit }),
  );
  try {
    const applied = await migrate(db);
    // before anything else: a killed import's committed chunks (never visible, but in the file)
    await removePendingImports(db);
    // accounts an older version kept here; the compaction below then removes them from the file
    await moveAccountsOut(db, accountsPathFor(location, options), applied);
    if (await needsCompaction(db)) db = (await compact(db, open)).db;
  } catch (error) {
    db.close();
    throw error;
  }
  const chunks: ChunkOptions = {
    chunkSize: options.importChunkSize ?? defaultChunkOptions.chunkSize,
    memoryLimit: options.importMemoryLimit ?? defaultChunkOptions.memoryLimit,
  };
  const sql = options.analysisSql ?? {};
  const dialect = {
    ...(sql.portable === true ? portableDuckDbDialect : duckDbDialect),
    ...(sql.mapsPerStatement === undefined ? {} : { mapsPerStatement: sql.mapsPerStatement }),
  };
  return new DuckDbStore(db, open, chunks, dialect, await readDataVersion(db), onClose);
}

class DuckDbStore implements Store {
  readonly kind = "duckdb";
  /** the tail of the queue: a DuckDB connection runs one transaction at a time */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  readonly analysis: AnalysisQueries;

  readonly registry: RegistryTable = {
    list: () => this.exclusive((db) => listRegistry(db)),
    add: (entities) => this.mutate((db) => addEntities(db, entities)),
    rename: (kind, id, name) => this.mutate((db) => renameEntity(db, kind, id, name)),
  };

  readonly viewResults: ViewResultTable = {
    get: (key) => this.exclusive((db) => getViewResult(db, key)),
    put: (key, dataVersion, body) => this.exclusive((db) => putViewResult(db, key, dataVersion, body)),
  };

  readonly actions: ActionPointTable = {
    list: (filter) => this.exclusive((db) => listActionPoints(db, filter)),
    add: (point, by) => this.mutate((db) => addActionPoint(db, point, by)),
    update: (id, changes, by) => this.mutate((db) => updateActionPoint(db, id, changes, by)),
    markDone: (id, done, by) => this.mutate((db) => markActionPointDone(db, id, done, by)),
    remove: (id, by) => this.mutate((db) => removeActionPoint(db, id, by)),
    history: (id) => this.exclusive((db) => actionPointHistory(db, id)),
  };

  // not research data: a saved mapping leaves the data version (and the kept views) as they are
  readonly mappings: MappingTable = {
    get: (school, instrumentId) => this.exclusive((db) => getMapping(db, school, instrumentId)),
    put: (school, instrumentId, mapping, by) =>
      this.exclusive((db) => putMapping(db, school, instrumentId, mapping, by)),
  };

  /** the stored definitions with their analysis tables; read again after anything stores one */
  private tables: Promise<readonly AnalysisTable[]> | undefined;

  constructor(
    private db: DuckDb,
    private readonly reopen: (path: string) => Promise<DuckDb>,
    private readonly chunks: ChunkOptions,
    dialect: SqlDialect,
    /** this process is the file's only writer, so the version it last read stays true */
    private version: number,
    private readonly onClose?: () => void,
  ) {
    this.analysis = duckDbAnalysis(
      (work) => this.exclusive(work),
      (db) => this.analysisTables(db),
      dialect,
    );
  }

  private analysisTables(db: DuckDb): Promise<readonly AnalysisTable[]> {
    this.tables ??= instrumentRows(db).catch((error) => {
      this.tables = undefined;
      throw error;
    });
    return this.tables;
  }

  /** After a change of the data: the new version, and the definitions read afresh. */
  private async changed(db: DuckDb): Promise<void> {
    this.tables = undefined;
    this.version = await readDataVersion(db);
  }

  dataVersion(): Promise<number> {
    return Promise.resolve(this.version);
  }

  instruments(): Promise<StoredInstrument[]> {
    return this.exclusive((db) => listStoredInstruments(db));
  }

  adoptInstruments(load: () => Promise<readonly Instrument[]>): Promise<number> {
    return this.mutate((db) => adoptLegacyImports(db, load));
  }

  /**
   * Work that may change the data, in turn like any other; afterwards, whatever happened, the
   * data version and the stored definitions are read again (each write bumps the version in SQL).
   */
  private mutate<T>(work: (db: DuckDb) => Promise<T>): Promise<T> {
    return this.exclusive(async (db) => {
      let result: T;
      try {
        result = await work(db);
      } catch (error) {
        // the error that stopped the work is the one to report (compaction may have replaced the connection)
        await this.changed(this.db).catch(() => undefined);
        throw asDiskFull(error, this.db.path);
      }
      await this.changed(this.db);
      return result;
    });
  }

  private exclusive<T>(work: (db: DuckDb) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.closed) throw new StoreError(storeMessages.storeClosed());
      return work(this.db);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * DuckDB running out of the import's memory, in a statement or in the checkpoint of a commit
   * (which then invalidates the connection): a Dutch message with what to do. Nothing of the import
   * stays visible: it is pending until its last step, and removed here or at the next open.
   */
  private importFailure(error: unknown, record: NewImport): unknown {
    if (isOutOfMemory(error))
      return new StoreError(storeMessages.importOutOfMemory(record.fileName, this.chunks.memoryLimit));
    const full = diskFullPath(error, this.db.path);
    return full === undefined ? error : new StoreError(storeMessages.importDiskFull(record.fileName, full));
  }

  importCsv(record: NewImport, file: CsvFile, conversion: CsvConversion): Promise<CsvImport> {
    return this.mutate(async () => {
      await this.discardFailedImports();
      let imported: CsvImport;
      try {
        imported = await importCsv(this.db, record, file, conversion, this.chunks.memoryLimit);
      } catch (error) {
        await this.discardFailedImports().catch(() => undefined);
        throw this.importFailure(error, record);
      }
      // committed: whatever happens now, the import stays
      if (imported.ok) await this.writeImported(imported.outcome);
      return imported;
    });
  }

  importResponses(
    record: NewImport,
    responses: AsyncIterable<SurveyResponse> | Iterable<SurveyResponse>,
    onProgress?: (n: number) => void,
  ): Promise<ImportOutcome> {
    return this.mutate(async () => {
      // leftovers of an earlier failure whose clean-up failed too; the ids below assume none
      await this.discardFailedImports();
      let imported: ImportOutcome;
      try {
        imported = await importResponses(this.db, record, responses, this.chunks, onProgress);
      } catch (error) {
        // the error that stopped the import is the one to report; what stays is removed on next open
        await this.discardFailedImports().catch(() => undefined);
        throw this.importFailure(error, record);
      }
      await this.writeImported(imported);
      return imported;
    });
  }

  /**
   * Writes a committed import's rows into the file now, with the memory that takes (checkpoint.ts),
   * so that neither the views after it nor a later open find the pool taken by them. A checkpoint
   * that fails leaves the rows in the WAL and the database unusable: it is opened again, and the
   * next import's checkpoint tries once more.
   */
  private async writeImported(outcome: ImportOutcome): Promise<void> {
    // an import that removed rows (duplicates, replaced responses) vacuums them (checkpoint.ts)
    const removed = outcome.responsesSkipped > 0 || (outcome.responsesReplaced ?? 0) > 0;
    this.db = await checkpointOrReopen(this.db, this.chunks.memoryLimit, this.reopen, removed);
  }

  /**
   * Removes pending imports and compacts when an import's rows reached the file. A failed
   * compaction leaves the flag set, and the next open retries it, as after an erasure.
   */
  private async discardFailedImports(): Promise<void> {
    await removePendingImports(this.db);
    if (await needsCompaction(this.db)) this.db = (await compact(this.db, this.reopen)).db;
  }

  hasImport(id: string): Promise<boolean> {
    return this.exclusive((db) => hasImport(db, id));
  }

  listImports(): Promise<ImportRecord[]> {
    return this.exclusive((db) => listImports(db));
  }

  countResponses(scope?: Partial<ResponseScope>): Promise<number> {
    return this.exclusive((db) => countResponses(db, scope));
  }

  async selectResponses(scope: ResponseScope): Promise<StoredResponse[]> {
    const all: StoredResponse[] = [];
    for await (const response of this.streamResponses(scope, 10_000)) all.push(response);
    return all;
  }

  async *streamResponses(scope: ResponseScope, batchSize = defaultBatchSize): AsyncGenerator<StoredResponse> {
    let after = 0n;
    for (;;) {
      // each batch is one exclusive step, so a slow consumer never blocks the store
      const batch = await this.exclusive((db) => readResponseBatch(db, scope, after, batchSize));
      if (batch === undefined) return;
      yield* batch.responses;
      after = batch.lastId;
    }
  }

  contextValues(instrumentId: string, dimension: string, where?: ContextFilter): Promise<string[]> {
    return this.exclusive((db) => contextValues(db, instrumentId, dimension, where));
  }

  removeImport(id: string): Promise<ErasureCount> {
    return this.mutate(async (db) => this.compactAfter(await removeImport(db, id)));
  }

  removeRespondent(pseudonym: string): Promise<ErasureCount> {
    return this.mutate(async (db) => this.compactAfter(await removeRespondent(db, pseudonym)));
  }

  /** Rewrites the file when something was erased, so the erased values are gone from its bytes. */
  private async compactAfter(erased: ErasureCount | undefined): Promise<ErasureCount> {
    if (erased === undefined) return nothingErased;
    const done = await compact(this.db, this.reopen);
    this.db = done.db;
    if (done.failure !== undefined) {
      const detail = done.failure instanceof Error ? done.failure.message : String(done.failure);
      throw new StoreError(storeMessages.compactionFailed(this.db.path, detail), { cause: done.failure });
    }
    return erased;
  }

  replaceRoster(entries: readonly RosterEntry[], source: string): Promise<number> {
    return this.mutate((db) => replaceRoster(db, entries, source));
  }

  roster(where?: Partial<Pick<RosterEntry, "school" | "groep" | "wave">>): Promise<RosterEntry[]> {
    return this.exclusive((db) => roster(db, where));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.exclusive(async (db) => {
      this.closed = true;
      db.close();
      this.onClose?.();
    });
  }
}
