import type { Instrument, Problem, RegistryEntity } from "@zaz/model";
import {
  applyMappingFile,
  type ColumnMapping,
  type IngestSession,
  parseMappingFile,
  planRegistration,
  prepareIngest,
  RegistrationMode,
  registryResolver,
  resolveInstrument,
} from "@zaz/survey";
import { openExport, type ReadLayout } from "./open-export.js";

/** What an import is asked to do, the same from `zaz ingest` flags and from the upload page. */
export interface ExportOptions {
  /** an instrument id or the path of an instrument file */
  instrument: string;
  /** context for every response: school, groep, wave, bestuur, taal … (flags or the page's choices) */
  context: Record<string, string>;
  encoding?: string;
  delimiter?: string;
  /**
   * A reviewed mapping: the name its problems are reported under, and its text (a mapping file's),
   * read only when the export is read, so a repeated import never needs it.
   */
  mapping?: { name: string; text: () => Promise<string> };
  /** register the context's school/bestuur when they are not registered yet (`--nieuwe-school`) */
  registerNew?: boolean;
  /** responses stored before with other answers: replace them (without: the import is refused) */
  replaceChanged?: boolean;
  /** import unfinished responses too (Qualtrics Finished = False) */
  keepUnfinished?: boolean;
}

/** What the pipeline needs from outside: where instruments are, and how it is asked to read. */
export interface ImportEffects {
  /** the folders searched for instruments */
  instrumentDirs: readonly string[];
  /** "stream" makes every import take the streaming path (ZAZ_IMPORT_PATH; tests compare the two) */
  importPath?: string | undefined;
  now(): Date;
}

/** Problems that stop an import before anything is written. */
export interface Rejection {
  errors: readonly Problem[];
  warnings: readonly Problem[];
  errorCount?: number;
  warningCount?: number;
}

export interface PreparedExport {
  session: IngestSession;
  /** the file's name as problems and the import list name it */
  file: string;
  profile: string;
  instrument: Instrument;
  readBytes(): number;
  size: number;
  /** how the reader read the file, for the fast path */
  layout: ReadLayout;
  /** schools and boards this import registers (registerNew) */
  register: readonly RegistryEntity[];
}

/**
 * Instrument, export, mapping, registry and plan: everything an import and a check share. Problems
 * are returned, never printed. `registry` undefined: no registry check (a check without a database).
 */
export async function prepareExport(
  path: string,
  file: string,
  options: ExportOptions,
  effects: ImportEffects,
  key: Uint8Array,
  registry: readonly RegistryEntity[] | undefined,
): Promise<{ ok: true; value: PreparedExport } | ({ ok: false } & Rejection)> {
  const fail = (errors: readonly Problem[], warnings: readonly Problem[] = []) =>
    ({ ok: false, errors, warnings }) as const;
  const instrument = await resolveInstrument(options.instrument, [...effects.instrumentDirs]);
  if (!instrument.ok) return fail(instrument.errors);
  const opened = await openExport(path, options, file, true);
  if (!opened.ok) return fail(opened.errors, opened.warnings);
  const { source } = opened.value;
  let columns: ColumnMapping[] | undefined;
  const warnings: Problem[] = [...opened.warnings];
  if (options.mapping !== undefined) {
    const { text, name } = options.mapping;
    const parsed = parseMappingFile(await text(), name, instrument.value.instrument);
    if (!parsed.ok) return fail(parsed.errors);
    const applied = applyMappingFile(source.header, parsed.value, name);
    if (applied.errors.length > 0) return fail(applied.errors, warnings);
    columns = applied.columns;
    // A column without a header may hold answers when the mapping file names it by number.
    opened.value.mapByPosition(columns.filter((c) => c.via === "mappingFile").map((c) => c.index));
    warnings.push(...applied.warnings);
  }
  // Schools and boards are named by registry id in the store: the context and columns are resolved
  // against the registry (a check, which opens no database, leaves that to the import).
  const dimensions = instrument.value.instrument.dimensions.map((d) => d.id);
  const context = options.context;
  let register: readonly RegistryEntity[] = [];
  let resolver: ReturnType<typeof registryResolver> | undefined;
  if (registry !== undefined) {
    if (options.registerNew && (dimensions.includes("school") || dimensions.includes("bestuur"))) {
      const planned = planRegistration(
        registry,
        {
          ...(dimensions.includes("school") && context.school !== undefined
            ? { school: context.school }
            : {}),
          ...(dimensions.includes("bestuur") && context.bestuur !== undefined
            ? { bestuur: context.bestuur }
            : {}),
        },
        RegistrationMode.onIngest,
      );
      if (!planned.ok)
        return fail(
          planned.errors.map((e) => ({ ...e, file })),
          warnings,
        );
      warnings.push(...planned.warnings);
      register = planned.value.entities;
    }
    resolver = registryResolver([...registry, ...register], { dimensions });
  }
  const prepared = prepareIngest(source, {
    file,
    instrument: instrument.value.instrument,
    ...(columns ? { columns } : {}),
    context,
    pseudonymKey: key,
    warnings,
    problems: opened.value.problems,
    ...(resolver === undefined ? {} : { resolveContext: resolver }),
    ...(options.keepUnfinished ? { keepUnfinished: true } : {}),
  });
  if (!prepared.ok) return fail(prepared.errors, prepared.warnings);
  return {
    ok: true,
    value: {
      session: prepared.value,
      file,
      profile: opened.value.profile,
      readBytes: opened.value.readBytes,
      size: opened.value.size,
      layout: opened.value.layout,
      instrument: instrument.value.instrument,
      register,
    },
  };
}
