// Public API of @zaz/survey: reading exports, mapping, normalising, validating, scoring, statistics.

// Instrument files
export {
  type LoadedInstrument,
  defaultInstrumentDir,
  findInstruments,
  loadInstrumentFile,
  resolveInstrument,
} from "./instruments/instrument-file.js";

// Mapping, normalising and validating
export {
  type ColumnTarget,
  IgnoreReason,
  MetaRole,
  formatTarget,
  parseTarget,
} from "./ingest/column-target.js";
export { type SourceRow, convertRow, respondentKey } from "./ingest/convert-row.js";
export { type DimensionColumn, type IngestPlan, type ItemColumn, type PlanOptions, planIngest } from "./ingest/ingest-plan.js";
export { type LabelLookup, type LabelMatch, labelLookup, splitChoices } from "./ingest/label-lookup.js";
export { type MappingFile, applyMappingFile, formatMappingFile, parseMappingFile } from "./ingest/mapping-file.js";
export { foldHeader, foldText } from "./ingest/normalise-text.js";
export { parseDate } from "./ingest/parse-date.js";
export { ProblemCollector } from "./ingest/problem-collector.js";
export { type ColumnMapping, type ColumnRole, MatchVia, proposeMapping } from "./ingest/propose-mapping.js";
export { isPseudonym, pseudonym } from "./ingest/pseudonym.js";
export { type IngestStats, emptyStats } from "./ingest/ingest-stats.js";
export {
  type IngestSession,
  IngestRejected,
  type PrepareOptions,
  type RowSource,
  prepareIngest,
} from "./ingest/prepare-ingest.js";
