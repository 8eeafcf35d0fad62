// Public API of @zaz/importer: one import pipeline for `zaz ingest`/`zaz validate` and the dashboard's upload page.

export { type CheckOutcome, checkExport } from "./check-export.js";
export { chooseReleases } from "./choose-releases.js";
export { countInto, fastPathFile, type ImportPath } from "./fast-path.js";
export { type IngestSummary, ingestSummary } from "./import-summary.js";
export {
  type ExportFormat,
  type Inspection,
  inspectExport,
  mappingFromChoices,
  type ProposedColumn,
  savedMappingFits,
} from "./inspect-export.js";
export { ImportFileError, importerMessages } from "./messages.js";
export { fileHash, type OpenedExport, openExport, type ReadLayout } from "./open-export.js";
export {
  type ExportOptions,
  type ImportEffects,
  type PreparedExport,
  prepareExport,
  type Rejection,
} from "./prepare-export.js";
export type { ImportProgress, OnProgress } from "./progress.js";
export { refusedImportProblems } from "./refused-import.js";
export { type ImportRequest, type RunOutcome, runImport } from "./run-import.js";
