// Public API of @zaz/survey: reading exports, mapping, normalising, validating, scoring, statistics.

// Analysis: the database's aggregates to results, every group value suppressed (see analysis/suppress.ts)
export type { AnswerCount } from "./analysis/answer-distribution.js";
export {
  type BackgroundCategory,
  type BackgroundGroup,
  type BackgroundStats,
  type BackgroundTable,
  backgroundItems,
  backgroundTable,
  numberTop,
} from "./analysis/background-table.js";
export {
  type Cell,
  type EmptyCell,
  isShown,
  isSuppressionReason,
  mapShown,
  type ShownCell,
  type SuppressedCell,
  SuppressionReason,
  suppressionReasons,
} from "./analysis/cell.js";
export {
  compareToParent,
  type ParentComparison,
  type ParentComparisonGroup,
  type ParentComparisonOptions,
  type ParentDifference,
} from "./analysis/compare-to-parent.js";
export {
  compareWaves,
  type WaveChange,
  type WaveComparison,
  type WaveGroup,
  type WaveMean,
  type WaveOptions,
} from "./analysis/compare-waves.js";
export {
  constructReliability,
  type ItemReliability,
  type ReliabilityInput,
  type ReliabilityOptions,
  type ReliabilityReport,
  type ReliabilityStats,
  reliabilityItems,
} from "./analysis/construct-reliability.js";
export { type ConstructStats, type Interval, smallN } from "./analysis/construct-stats.js";
export {
  type ConstructGroup,
  type ConstructTable,
  type ConstructTableOptions,
  constructTable,
  type PrivacyNote,
} from "./analysis/construct-table.js";
export { filterIsSafe, type ValueCombination } from "./analysis/filter-complement.js";
export type {
  Frequency,
  GroupData,
  GroupedData,
  GroupStudentSets,
} from "./analysis/group-data.js";
export {
  type GroupingRequest,
  type GroupKey,
  type GroupLabel,
  type GroupPlan,
  planGroups,
  type Scope,
} from "./analysis/group-plan.js";
export type { ItemStats } from "./analysis/item-stats.js";
export { itemsFor } from "./analysis/item-table.js";
export {
  type JaGroup,
  type JaShare,
  type JaShareOptions,
  type JaTable,
  jaItems,
  jaShares,
} from "./analysis/ja-shares.js";
export type { ConstructInfo, InstrumentLabel, ItemInfo, ScaleInfo } from "./analysis/labels.js";
export {
  type AnsweredTable,
  answeredTexts,
  hasOtherChoice,
  type OpenAnswerOptions,
  type OpenAnswers,
  type OpenAnswerTable,
  type OpenGroup,
  type OpenItemInfo,
  openAnswers,
  type TextReader,
} from "./analysis/open-answers.js";
export {
  defaultPrivacy,
  minimumK,
  type PrivacySettings,
  privacySettings,
} from "./analysis/privacy-settings.js";
export type { ResponseRate } from "./analysis/response-rate.js";
export { type ResponseScores, scoreResponses } from "./analysis/score-responses.js";
export { type ScoredItem, scoredItem } from "./analysis/scored-item.js";
export {
  type DevelopmentEntry,
  type OwnAnswer,
  type StudentDevelopment,
  studentDevelopment,
} from "./analysis/student-development.js";
export {
  type ItemGroup,
  type ItemSummaryOptions,
  type ItemTable,
  summariseItems,
  summaryItems,
} from "./analysis/summarise-items.js";
// Mapping, normalising and validating
export {
  type ColumnTarget,
  formatTarget,
  IgnoreReason,
  MetaRole,
  parseTarget,
} from "./ingest/column-target.js";
// Registry of schools and boards: names as people write them → stable ids
export type { ContextIssue, ContextResolution, ContextResolver } from "./ingest/context-resolver.js";
export {
  addOtherText,
  type CellProblem,
  convertCell,
  type OptionCells,
  optionCell,
  otherChoiceCode,
} from "./ingest/convert-cell.js";
export { convertRow, respondentKey, type SourceRow } from "./ingest/convert-row.js";
export { type DimensionValue, dimensionExpected, dimensionLookup } from "./ingest/dimension-lookup.js";
export {
  type DistinctConversion,
  distinctConversion,
  distinctConversionBlocker,
} from "./ingest/distinct-conversion.js";
export { detectFormLanguage, type FormLanguage } from "./ingest/form-language.js";
export {
  type DimensionColumn,
  type FormLanguageOrigin,
  type IngestPlan,
  type ItemColumn,
  type PlanOptions,
  planIngest,
} from "./ingest/ingest-plan.js";
export { emptyStats, type IngestStats } from "./ingest/ingest-stats.js";
export { type LabelLookup, type LabelMatch, labelLookup, splitChoices } from "./ingest/label-lookup.js";
export {
  applyMappingFile,
  formatMappingFile,
  type MappingFile,
  parseMappingFile,
} from "./ingest/mapping-file.js";
export { foldHeader, foldText } from "./ingest/normalise-text.js";
export { parseDate } from "./ingest/parse-date.js";
export { type ParsedNumber, parseNumber } from "./ingest/parse-number.js";
export { isPlaceholderIdentity } from "./ingest/placeholder-identity.js";
export {
  IngestRejected,
  type IngestSession,
  type PrepareOptions,
  prepareIngest,
  type RowSource,
} from "./ingest/prepare-ingest.js";
export { ProblemCollector } from "./ingest/problem-collector.js";
export { type ChoiceProposal, otherChoiceCounter } from "./ingest/propose-choices.js";
export { type ColumnMapping, type ColumnRole, MatchVia, proposeMapping } from "./ingest/propose-mapping.js";
export { isPseudonym, pseudonym } from "./ingest/pseudonym.js";
export { type RepeatedHeader, repeatedHeaders } from "./ingest/repeated-headers.js";
export { type RosterRow, readRoster } from "./ingest/roster.js";
// Instrument files
export {
  defaultInstrumentDir,
  findInstruments,
  type LoadedInstrument,
  loadInstrumentFile,
  resolveInstrument,
} from "./instruments/instrument-file.js";
export { readMessages } from "./messages.js";
// Reading exports (bytes → rows)
export type { ByteSource } from "./read/byte-source.js";
export { columnLetter } from "./read/column-letter.js";
export { Delimiter, delimiterLabel, delimiters, isDelimiter, parseDelimiterName } from "./read/delimiter.js";
export { detectEncoding, type EncodingDetection } from "./read/detect-encoding.js";
export { detectProfile, type ProfileDetection } from "./read/detect-profile.js";
export { ExportProfile, exportProfiles, isExportProfile } from "./read/export-profile.js";
export { isMetadataRole, MetadataRole, metadataRoles } from "./read/metadata-role.js";
export { type CsvReader, type CsvRow, type OpenCsvOptions, openCsv } from "./read/open-csv.js";
export { isReadProblemCode, ReadProblemCode } from "./read/read-problem-code.js";
export {
  excludesRows,
  finishedExclusion,
  progressExclusion,
  RowExclusion,
  responseTypeExclusion,
  rowExclusion,
} from "./read/row-exclusion.js";
export { type DelimiterSniff, sniffDelimiter } from "./read/sniff-delimiter.js";
export { isTextEncoding, parseEncodingName, TextEncoding, textEncodings } from "./read/text-encoding.js";
export { type EntityMatch, type MatchOptions, matchEntity } from "./registry/entity-match.js";
export { registrationMessages, registryMessages } from "./registry/messages.js";
export {
  planRegistration,
  RegistrationMode,
  type RegistrationPlan,
  type RegistrationRequest,
} from "./registry/registration.js";
export { type RegistryResolverOptions, registryResolver } from "./registry/registry-resolver.js";
export { resolveEntity } from "./registry/resolve-entity.js";
export {
  chooseRelease,
  type Definition,
  loadRelease,
  matchingAtoms,
  type Release,
  type ReleaseAtom,
  type ReleaseCell,
  type ReleaseInput,
  type ReleaseMark,
  saveRelease,
} from "./release/release.js";
export { type AuditedValue, observeSuppression } from "./release/suppression-audit.js";
// Statistics (pure functions over numbers)
export { alphaIfDropped, alphaIfDroppedFromCovariance } from "./stats/alpha-if-dropped.js";
export { type CompleteRows, completeRows } from "./stats/complete-rows.js";
export { covarianceFromSums } from "./stats/covariance-from-sums.js";
export {
  alphaFromCovariance,
  type CronbachAlpha,
  type CronbachOptions,
  cronbachAlpha,
} from "./stats/cronbach-alpha.js";
export { isSummary, mean, type SampleSummary, sd, sum, summarize, variance } from "./stats/descriptives.js";
export { type ClusterSummary, type DesignEffect, designEffect } from "./stats/design-effect.js";
export {
  type Distribution,
  type DistributionEntry,
  distribution,
  type TopBox,
  topBox,
} from "./stats/distribution.js";
export { fCdf, fQuantile } from "./stats/f-distribution.js";
export { type AlphaInterval, feldtInterval } from "./stats/feldt-interval.js";
export {
  type FrequencySummary,
  subtractFrequencies,
  summarizeFrequencies,
  type WeightedValue,
} from "./stats/frequency-summary.js";
export { type HedgesG, hedgesG } from "./stats/hedges-g.js";
export {
  type BetaTails,
  inverseRegularizedBeta,
  regularizedBeta,
  type UnitPair,
} from "./stats/incomplete-beta.js";
export {
  flagNegativeItemRest,
  itemRestCorrelations,
  itemRestFromCovariance,
} from "./stats/item-rest-correlations.js";
export { logBeta, logGamma } from "./stats/log-gamma.js";
export { type MeanDifferenceInterval, meanDifferenceInterval } from "./stats/mean-difference-interval.js";
export { statsMessages } from "./stats/messages.js";
export { normalQuantile } from "./stats/normal.js";
export { median, quantile } from "./stats/quantile.js";
export {
  type RapportcijferFormula,
  rapportcijferFormula,
  rescaleToRapportcijfer,
} from "./stats/rapportcijfer.js";
export { type ScaleReliability, scaleReliability } from "./stats/scale-reliability.js";
export { standardizedAlpha } from "./stats/standardized-alpha.js";
export { tCdf, tQuantile } from "./stats/student-t.js";
export { type MeanInterval, tInterval } from "./stats/t-interval.js";
export { type ProportionInterval, wilsonInterval } from "./stats/wilson-interval.js";
