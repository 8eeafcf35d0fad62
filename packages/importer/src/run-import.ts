import type { Problem } from "@zaz/model";
import { type ImportOutcome, isOutOfMemory, type Store, StoreError } from "@zaz/store";
import { distinctConversion, IngestRejected } from "@zaz/survey";
import { chooseReleases, loadViews } from "./choose-releases.js";
import { countInto, fastPathFile, type ImportPath } from "./fast-path.js";
import { type IngestSummary, ingestSummary } from "./import-summary.js";
import { importerMessages } from "./messages.js";
import { fileHash } from "./open-export.js";
import { type ExportOptions, type ImportEffects, prepareExport, type Rejection } from "./prepare-export.js";
import type { OnProgress } from "./progress.js";
import { refusedImportProblems } from "./refused-import.js";

export interface ImportRequest {
  /** the file to read */
  path: string;
  /** its name as the import list shows it (an upload's own name, not the temp file's) */
  file: string;
  options: ExportOptions;
  /** the installation's pseudonym key */
  pseudonymKey: Uint8Array;
  /** the file's content hash when the caller computed it already */
  hash?: string;
  /** the hint for changed responses (refusedImportProblems) */
  changedHint?: (file: string) => string;
}

export type RunOutcome =
  | { status: "already-imported"; importId: string; importedAt: string | undefined }
  | ({ status: "rejected" } & Rejection)
  | {
      status: "imported";
      summary: IngestSummary & { path: ImportPath };
      warnings: readonly Problem[];
      warningCount: number;
      /** schools and boards registered with the import (registerNew) */
      registered: { kind: string; id: string; name: string }[];
    };

/**
 * One import, all or nothing and idempotent (a file whose content hash is stored is not read again):
 * prepare, the DuckDB fast path where checks allow it, else the streaming path; after new data the
 * releases are chosen again, as every reader of the store expects. Problems are returned, not printed;
 * anything else the store throws (a locked database) is thrown.
 */
export async function runImport(
  store: Store,
  request: ImportRequest,
  effects: ImportEffects,
  onProgress?: OnProgress,
): Promise<RunOutcome> {
  const { path, options } = request;
  const hash = request.hash ?? (await fileHash(path));
  if (await store.hasImport(hash)) {
    const record = (await store.listImports()).find((r) => r.id === hash);
    return { status: "already-imported", importId: hash, importedAt: record?.importedAt };
  }
  const prepared = await prepareExport(
    path,
    request.file,
    options,
    effects,
    request.pseudonymKey,
    await store.registry.list(),
  );
  if (!prepared.ok) return { ...prepared, status: "rejected" };
  // loaded while the store works; a failure to load is met where the releases are chosen
  loadViews().catch(() => undefined);
  const p = prepared.value;
  // the fast path's conversion while its import runs: a refusal then still reports its warnings
  let converting: ReturnType<typeof distinctConversion> | undefined;
  try {
    const record = {
      id: hash,
      fileName: p.file,
      instrument: p.instrument,
      profile: p.profile,
      context: p.session.plan.fixedContext,
      register: p.register,
      replaceChanged: options.replaceChanged === true,
      // Read by the store when the last chunk commits, after the last row.
      get rowsRead() {
        return p.session.stats.rowsRead;
      },
    };
    // DuckDB parses the file where checks allow it; otherwise, or when it finds a problem, the
    // streaming path runs and reports the problems as it always has.
    let importPath: ImportPath = "stream";
    let outcome: ImportOutcome | undefined;
    const chosen = await fastPathFile(path, p.layout, p.profile, p.session, effects.importPath);
    if (chosen.ok) {
      converting = distinctConversion(p.session.plan);
      const done = await store.importCsv(record, chosen.file, converting);
      if (done.ok) {
        outcome = done.outcome;
        countInto(p.session, done.counts);
        converting.flushWarnings(p.session.problems);
        importPath = "duckdb";
      }
      converting = undefined;
    }
    outcome ??= await store.importResponses(record, p.session.responses(), (n) =>
      onProgress?.({ bytesRead: p.readBytes(), bytesTotal: p.size, rows: n }),
    );
    if (outcome.responsesAdded > 0)
      await chooseReleasesAfter(store, effects, p.session.problems, record.fileName);
    return {
      status: "imported",
      summary: { ...ingestSummary(p.session, outcome), path: importPath },
      warnings: p.session.problems.warnings,
      warningCount: p.session.problems.warningCount,
      registered: p.register.map((e) => ({ kind: e.kind, id: e.id, name: e.name })),
    };
  } catch (error) {
    const refused = refusedImportProblems(error, request.changedHint);
    // refused after the fast path converted every value: its warnings, as the streaming path's
    converting?.flushWarnings(p.session.problems);
    if (refused !== undefined)
      return { status: "rejected", ...refused, warnings: p.session.problems.warnings };
    if (error instanceof IngestRejected)
      return {
        status: "rejected",
        errors: error.problems.errors,
        warnings: error.problems.warnings,
        errorCount: error.problems.errorCount,
        warningCount: error.problems.warningCount,
      };
    throw error;
  }
}

/**
 * Chooses the releases for the new data. The import is committed by then: a known failure here
 * (too little memory, a PostgreSQL statement timeout) becomes a warning, and the first view
 * chooses the release instead (views' release.ts), as it does after any change.
 */
async function chooseReleasesAfter(
  store: Store,
  effects: ImportEffects,
  problems: { warning(problem: Problem): void },
  file: string,
): Promise<void> {
  try {
    await chooseReleases(store, effects.now);
  } catch (error) {
    const reason = isOutOfMemory(error)
      ? importerMessages.releaseOutOfMemory
      : error instanceof StoreError
        ? error.message
        : undefined;
    if (reason === undefined) throw error;
    problems.warning({ code: "release-deferred", message: importerMessages.releaseDeferred(reason), file });
  }
}
