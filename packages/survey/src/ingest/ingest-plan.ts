import type { Dimension, Instrument, Item, Problem, Result, Section } from "@zaz/model";
import { dimensionValueTranslations, fail, formLanguageDimension, ok, scaleTranslations } from "@zaz/model";
import { formatTarget } from "./column-target.js";
import type { ContextResolver } from "./context-resolver.js";
import { otherChoiceCode } from "./convert-cell.js";
import { type DimensionValue, dimensionExpected, dimensionLookup } from "./dimension-lookup.js";
import { detectFormLanguage } from "./form-language.js";
import { type LabelLookup, labelLookup } from "./label-lookup.js";
import { ingestMessages as msg } from "./messages.js";
import { isPlaceholderIdentity } from "./placeholder-identity.js";
import type { ColumnMapping } from "./propose-mapping.js";
import { pseudonym } from "./pseudonym.js";

export interface ItemColumn {
  index: number;
  header: string;
  item: Item;
  lookup: LabelLookup | undefined;
  /** for a column per choice of a multiple-choice item: the choice's code */
  option: number | undefined;
  /** the column holds the text typed beside the item's "Anders" choice */
  other?: true;
  /** the section's condition, when the item belongs to one form of several */
  appliesWhen: Section["appliesWhen"];
}

export interface DimensionColumn {
  index: number;
  header: string;
  dimension: Dimension;
  lookup: (raw: string) => DimensionValue;
}

/** Everything needed to turn one row into a response, decided once per file. */
export interface IngestPlan {
  file: string;
  instrument: Instrument;
  items: ItemColumn[];
  dimensions: DimensionColumn[];
  /** context that holds for every row (from flags), already normalised */
  fixedContext: Record<string, string>;
  /** dimensions given only by flags, to fill empty cells of a column */
  flagContext: Record<string, string>;
  responseIdColumn: number | undefined;
  submittedAtColumn: number | undefined;
  /** direct identifiers: read only to derive the respondent pseudonym, never stored */
  identifierColumns: number[];
  pseudonymKey: Uint8Array;
  /** checks (and rewrites) each row's context, e.g. school names to registry ids */
  resolveContext?: ContextResolver;
  /** the language of the form, kept in the `taal` dimension when the instrument has one */
  formLanguage?: FormLanguageOrigin;
}

/**
 * Where the form's language came from: `--taal`; the column headers (a translated form's
 * questions); a language column of the export (then this fills only its empty cells); or, with
 * nothing to go on, the instrument's own language.
 */
export interface FormLanguageOrigin {
  language: string;
  source: "flag" | "headers" | "column" | "default";
  /** headers in that language */
  headers: number;
}

export interface PlanOptions {
  file: string;
  instrument: Instrument;
  columns: readonly ColumnMapping[];
  /** context from flags: dimension id → value as the user typed it */
  context: Readonly<Record<string, string>>;
  pseudonymKey: Uint8Array;
}

/** A column this similar to an absent item is taken to be that item: ingest stops and asks for a mapping. */
const strongSuggestion = 0.75;

/** Checks the mapping against the instrument and the flags: the problems every row would share. */
export function planIngest(options: PlanOptions): Result<IngestPlan> {
  const { instrument, columns, context, file } = options;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const sections = new Map(instrument.sections.map((s) => [s.id, s]));
  const scales = new Map(instrument.scales.map((s) => [s.id, s]));
  const lookups = new Map<string, LabelLookup>();
  const lookupFor = (scaleId: string | undefined) => {
    if (scaleId === undefined) return undefined;
    let l = lookups.get(scaleId);
    const scale = scales.get(scaleId);
    if (l === undefined && scale !== undefined) {
      l = labelLookup(scale, scaleTranslations(instrument, scaleId));
      lookups.set(scaleId, l);
    }
    return l;
  };

  const seen = new Map<string, string>();
  const items: ItemColumn[] = [];
  const dimensions: DimensionColumn[] = [];
  const identifierColumns: number[] = [];
  let responseIdColumn: number | undefined;
  let submittedAtColumn: number | undefined;

  for (const c of columns) {
    const t = c.target;
    if (t.kind === "item" || t.kind === "dimension" || t.kind === "meta") {
      const name = formatTarget(t);
      const first = seen.get(name);
      if (first !== undefined) {
        errors.push({
          code: "duplicate-target",
          message: msg.duplicateTarget(name, first, c.header),
          file,
          row: 1,
          column: c.header,
          hint: msg.duplicateTargetHint,
        });
        continue;
      }
      seen.set(name, c.header);
    }
    if (t.kind === "item") {
      const item = instrument.items.find((i) => i.id === t.item);
      if (!item) continue;
      const section = item.section === undefined ? undefined : sections.get(item.section);
      const lookup = lookupFor(item.scale);
      if (t.other && otherChoiceCode(lookup) === undefined) {
        errors.push({
          code: "other-without-choice",
          message: msg.otherWithoutChoice(c.header, item.id),
          file,
          row: 1,
          column: c.header,
          hint: msg.otherWithoutChoiceHint,
        });
        continue;
      }
      items.push({
        index: c.index,
        header: c.header,
        item,
        lookup,
        option: t.option,
        ...(t.other ? { other: true as const } : {}),
        appliesWhen: section?.appliesWhen,
      });
    } else if (t.kind === "dimension") {
      const dimension = instrument.dimensions.find((d) => d.id === t.dimension);
      if (dimension)
        dimensions.push({
          index: c.index,
          header: c.header,
          dimension,
          lookup: dimensionLookup(dimension, dimensionValueTranslations(instrument, dimension.id)),
        });
    } else if (t.kind === "meta") {
      if (t.role === "responseId") responseIdColumn = c.index;
      else submittedAtColumn = c.index;
    } else {
      if (t.reason === "identifier") identifierColumns.push(c.index);
      const s = c.suggestion;
      if (s && s.confidence >= strongSuggestion) {
        // Storing the file without this column would silently lose answers: ask for a reviewed mapping.
        errors.push({
          code: "column-similar",
          message: msg.columnSimilar(c.header, formatTarget(s.target), s.confidence),
          file,
          row: 1,
          column: c.header,
          hint: msg.columnSimilarHint,
        });
      } else if (s) {
        warnings.push({
          code: "column-similar",
          message: msg.columnSimilarWeak(c.header, formatTarget(s.target), s.confidence),
          file,
          row: 1,
          column: c.header,
          hint: msg.columnSimilarHint,
        });
      } else if (t.reason !== "toolMetadata") {
        warnings.push({
          code: t.reason === "identifier" ? "identifier-dropped" : "column-dropped",
          message: msg.columnDropped(c.header, msg.ignoreReason(t.reason)),
          file,
          row: 1,
          column: c.header,
        });
      }
    }
  }

  if (items.length === 0) {
    errors.push({
      code: "no-items-mapped",
      message: msg.noItemsMapped,
      file,
      row: 1,
      hint: msg.noItemsMappedHint,
    });
  } else {
    const absent = instrument.items.filter((i) => !items.some((c) => c.item.id === i.id)).map((i) => i.id);
    if (absent.length > 0) {
      warnings.push({
        code: "items-absent",
        message: msg.itemAbsent(absent.length, absent),
        file,
        row: 1,
        hint: msg.columnSimilarHint,
      });
    }
  }

  const fixedContext: Record<string, string> = {};
  const flagContext: Record<string, string> = {};
  for (const dimension of instrument.dimensions) {
    const given = context[dimension.id];
    // A placeholder ("anoniem") names no one: as if the flag were not given.
    const raw =
      given !== undefined && dimension.pseudonymise && isPlaceholderIdentity(given) ? undefined : given;
    const column = dimensions.find((d) => d.dimension.id === dimension.id);
    const flag = `--${dimension.id}`;
    if (raw !== undefined) {
      const v = dimensionLookup(dimension, dimensionValueTranslations(instrument, dimension.id))(raw);
      if ("error" in v) {
        const problem: Problem = {
          code: v.error === "refused" ? "dimension-refused" : "flag-invalid",
          message:
            v.error === "refused"
              ? msg.refusedDimensionValue(raw, dimension.label, v.reason)
              : msg.unknownDimensionValue(raw, dimension.label),
          value: raw,
          expected: dimensionExpected(dimension),
        };
        if ("hint" in v && v.hint !== undefined) problem.hint = v.hint;
        else if (v.suggestion !== undefined) problem.hint = msg.didYouMean(v.suggestion);
        errors.push(problem);
        continue;
      }
      const value = dimension.pseudonymise ? pseudonym(options.pseudonymKey, v.value) : v.value;
      if (column) {
        flagContext[dimension.id] = value;
        warnings.push({
          code: "flag-and-column",
          message: msg.flagAndColumn(dimension.label, flag),
          file,
          column: column.header,
        });
      } else fixedContext[dimension.id] = value;
    } else if (!column && dimension.required) {
      errors.push({
        code: "dimension-missing",
        message: msg.missingDimension(dimension.label),
        file,
        row: 1,
        expected: dimension.label,
        hint: msg.missingDimensionHint(flag),
      });
    }
  }

  const formLanguage = planFormLanguage(instrument, columns, dimensions, fixedContext, flagContext);

  if (errors.length > 0) return fail(errors, warnings);
  return ok(
    {
      file,
      instrument,
      items,
      dimensions,
      fixedContext,
      flagContext,
      responseIdColumn,
      submittedAtColumn,
      identifierColumns,
      pseudonymKey: options.pseudonymKey,
      ...(formLanguage === undefined ? {} : { formLanguage }),
    },
    warnings,
  );
}

/**
 * Keeps the language of the form in the instrument's `taal` dimension: from `--taal` (already in
 * the context), else detected from the headers — for every row, or for the empty cells of a
 * language column (LimeSurvey's "startlanguage", Qualtrics' "Q_Language").
 */
function planFormLanguage(
  instrument: Instrument,
  columns: readonly ColumnMapping[],
  dimensions: readonly DimensionColumn[],
  fixedContext: Record<string, string>,
  flagContext: Record<string, string>,
): FormLanguageOrigin | undefined {
  const dimension = instrument.dimensions.find((d) => d.id === formLanguageDimension);
  if (dimension === undefined) return undefined;
  const id = dimension.id;
  const given = fixedContext[id] ?? flagContext[id];
  if (given !== undefined) return { language: given, source: "flag", headers: 0 };
  const detected = detectFormLanguage(
    columns.map((c) => c.header),
    instrument,
  );
  // A language the dimension does not list (an instrument without that value) is not guessed at.
  if (!(dimension.values ?? []).some((v) => v.code === detected.language)) return undefined;
  const column = dimensions.some((d) => d.dimension.id === id);
  if (column) flagContext[id] = detected.language;
  else fixedContext[id] = detected.language;
  return {
    language: detected.language,
    source: column ? "column" : detected.headers > 0 ? "headers" : "default",
    headers: detected.headers,
  };
}
