import { randomBytes } from "node:crypto";
import type { Problem } from "@zaz/model";
import { checkCsvFile } from "@zaz/store";
import { distinctConversion, IngestRejected } from "@zaz/survey";
import { countInto, fastPathFile, type ImportPath } from "./fast-path.js";
import { type IngestSummary, ingestSummary } from "./import-summary.js";
import { type ExportOptions, type ImportEffects, prepareExport, type Rejection } from "./prepare-export.js";
import type { OnProgress } from "./progress.js";

export type CheckOutcome =
  | ({ ok: false } & Rejection)
  | {
      ok: true;
      summary: IngestSummary & { path: ImportPath };
      warnings: readonly Problem[];
      warningCount: number;
    };

/**
 * The same checks as an import, with nothing written (`zaz validate`, the upload page's
 * "Controleren"): on the fast path where it applies (a private in-memory DuckDB), else the
 * streaming reader. Pseudonyms are computed with a throwaway key, so the installation's key is
 * never needed.
 */
export async function checkExport(
  path: string,
  file: string,
  options: ExportOptions,
  effects: ImportEffects,
  onProgress?: OnProgress,
): Promise<CheckOutcome> {
  const prepared = await prepareExport(path, file, options, effects, randomBytes(32), undefined);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const { session } = p;
  // a problem found on the fast path is reported by the streaming path, as an import does
  let checkPath: ImportPath = "stream";
  const chosen = await fastPathFile(path, p.layout, p.profile, session, effects.importPath);
  if (chosen.ok) {
    const conversion = distinctConversion(session.plan);
    const checked = await checkCsvFile(chosen.file, conversion);
    if (checked.ok) {
      countInto(session, checked.counts);
      conversion.flushWarnings(session.problems);
      checkPath = "duckdb";
    }
  }
  try {
    if (checkPath === "stream")
      for await (const _ of session.responses())
        onProgress?.({ bytesRead: p.readBytes(), bytesTotal: p.size, rows: session.stats.rowsRead });
  } catch (error) {
    if (!(error instanceof IngestRejected)) throw error;
    return {
      ok: false,
      errors: session.problems.errors,
      warnings: session.problems.warnings,
      errorCount: session.problems.errorCount,
      warningCount: session.problems.warningCount,
    };
  }
  return {
    ok: true,
    summary: { ...ingestSummary(session, undefined), path: checkPath },
    warnings: session.problems.warnings,
    warningCount: session.problems.warningCount,
  };
}
