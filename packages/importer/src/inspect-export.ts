import type { Instrument, Problem } from "@zaz/model";
import {
  applyMappingFile,
  type ColumnMapping,
  formatTarget,
  parseMappingFile,
  proposeMapping,
  resolveInstrument,
} from "@zaz/survey";
import { openExport } from "./open-export.js";
import type { ImportEffects } from "./prepare-export.js";

/** What the reader found: the export's profile, encoding, delimiter and number of rows. */
export interface ExportFormat {
  profile: string;
  encoding: string;
  delimiter: string;
  /** rows of answers as the reader delivers them (header rows not counted) */
  rows: number;
}

/** One column of the export with what it is proposed (or was saved) to be. */
export interface ProposedColumn {
  /** 0-based */
  index: number;
  header: string;
  /** a mapping file's target text: "item:ID", "dimension:ID", "meta:responseId", "ignore" … */
  target: string;
  /** 0–1; 1 for a saved mapping */
  confidence: number;
  /** how it was matched (survey's MatchVia); "mappingFile" when it comes from a saved mapping */
  via: string;
}

export type Inspection =
  | { ok: false; errors: readonly Problem[]; warnings: readonly Problem[] }
  | {
      ok: true;
      instrument: Instrument;
      format: ExportFormat;
      columns: ProposedColumn[];
      /** true when a saved mapping fitted the file and is shown instead of a fresh proposal */
      saved: boolean;
      warnings: readonly Problem[];
    };

function proposed(c: ColumnMapping): ProposedColumn {
  // an unsure match is offered as its suggestion, as `zaz map` writes it into the mapping file
  const shown =
    c.via === "none" && c.suggestion ? c.suggestion : { target: c.target, confidence: c.confidence };
  return {
    index: c.index,
    header: c.header,
    target: formatTarget(shown.target),
    confidence: shown.confidence,
    via: c.via,
  };
}

/**
 * The format and the column mapping of an export, before any check: what `zaz map` proposes, or
 * `saved` (a mapping file's text) when it fits this file's columns. Reads the rows once to count them.
 */
export async function inspectExport(
  path: string,
  file: string,
  options: { instrument: string; encoding?: string; delimiter?: string; saved?: string },
  effects: Pick<ImportEffects, "instrumentDirs">,
): Promise<Inspection> {
  const instrument = await resolveInstrument(options.instrument, [...effects.instrumentDirs]);
  if (!instrument.ok) return { ok: false, errors: instrument.errors, warnings: [] };
  const opened = await openExport(path, options, file, true);
  if (!opened.ok) return { ok: false, errors: opened.errors, warnings: opened.warnings };
  const { source, layout } = opened.value;
  const inst = instrument.value.instrument;
  let columns = options.saved === undefined ? undefined : fitting(options.saved, source.header, inst, file);
  const saved = columns !== undefined;
  columns ??= proposeMapping(source.header, inst, source.roles);
  let rows = 0;
  try {
    for await (const _ of source.rows()) rows++;
  } finally {
    await opened.value.close();
  }
  return {
    ok: true,
    instrument: inst,
    format: { profile: opened.value.profile, encoding: layout.encoding, delimiter: layout.delimiter, rows },
    columns: columns.map(proposed),
    saved,
    warnings: opened.warnings,
  };
}

/** The columns of a saved mapping when it names exactly this file's columns; undefined otherwise. */
function fitting(
  saved: string,
  header: readonly string[],
  instrument: Instrument,
  file: string,
): ColumnMapping[] | undefined {
  const parsed = parseMappingFile(saved, file, instrument);
  if (!parsed.ok) return undefined;
  const applied = applyMappingFile(header, parsed.value, file);
  // a saved mapping that names other columns than this file has is not offered
  return applied.errors.length === 0 && applied.warnings.length === 0 ? applied.columns : undefined;
}

/**
 * Whether a saved mapping fits the export (inspectExport offers it then): reads the header only, so
 * a check or import asks this before reading the file once more.
 */
export async function savedMappingFits(
  path: string,
  file: string,
  options: { instrument: string; encoding?: string; delimiter?: string; saved: string },
  effects: Pick<ImportEffects, "instrumentDirs">,
): Promise<boolean> {
  const instrument = await resolveInstrument(options.instrument, [...effects.instrumentDirs]);
  if (!instrument.ok) return false;
  const opened = await openExport(path, options, file, true);
  if (!opened.ok) return false;
  try {
    return (
      fitting(options.saved, opened.value.source.header, instrument.value.instrument, file) !== undefined
    );
  } finally {
    await opened.value.close();
  }
}

/**
 * A mapping file's text from a person's choice per column (target texts as ProposedColumn has them):
 * every column by number with its header, so a re-arranged export is refused rather than misread.
 */
export function mappingFromChoices(
  instrument: Instrument,
  columns: readonly { index: number; header: string; target: string }[],
): string {
  return `${JSON.stringify(
    {
      instrument: instrument.id,
      columns: columns.map((c) => ({ column: c.index + 1, header: c.header, target: c.target })),
    },
    null,
    2,
  )}\n`;
}
