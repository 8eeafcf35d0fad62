import {
  checkExport,
  chooseReleases,
  type ExportOptions,
  type ImportEffects,
  type ImportProgress,
  inspectExport,
  mappingFromChoices,
  runImport,
  savedMappingFits,
} from "@zaz/importer";
import { groupProblems, type Problem } from "@zaz/model";
import type { ImportRecord, Store } from "@zaz/store";
import { findInstruments, parseMappingFile, resolveInstrument } from "@zaz/survey";
import { HttpError } from "../http-error.js";
import { uploadMessages as msg } from "../messages.js";
import type { ReceivedFile } from "./receive-file.js";

/** The default upload limit: a year of a large school's exports is a few MB. */
export const defaultUploadMaxBytes = 50 * 1024 * 1024;

export interface UploadsOptions {
  store: Store;
  /** the installation's pseudonym key (loadOrCreateKey), read when the first import needs it */
  pseudonymKey: () => Promise<Uint8Array>;
  /** the folders searched for instruments */
  instrumentDirs: readonly string[];
  /** largest upload accepted, in bytes (default 50 MB) */
  maxBytes?: number;
  /** imports and checks running at once over all users (default 2); one per user always */
  maxRunning?: number;
  now?: () => Date;
}

/** What the page chose for an export: school (in scope), instrument, and a wave unless the file has one. */
export interface UploadChoice {
  school: string;
  instrument: string;
  wave?: string | undefined;
  /** the upload's own file name, as the import list shows it */
  name: string;
}

/** What a user's running check or import has done so far; the page polls it. */
export interface UploadProgress {
  phase: "bekijken" | "controleren" | "importeren";
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

/** Warnings grouped per code and column, as the CLI prints them: the page shows one line per group. */
function withGroups<T extends object>(outcome: T): T & { warningGroups: ReturnType<typeof groupProblems> } {
  const warnings = "warnings" in outcome ? (outcome.warnings as readonly Problem[]) : [];
  return { ...outcome, warningGroups: groupProblems(warnings) };
}

/**
 * The dashboard's import pipeline (@zaz/importer) over its store: the upload page's inspect, check
 * and import, the school's saved mapping, the import list and erasure. Bounded: one check or import
 * per user at a time and `maxRunning` in all; another is refused with 429 rather than queued, so a
 * request never waits unseen. Files are the caller's (receive-file.ts) and removed by it.
 */
export class Uploads {
  readonly maxBytes: number;
  readonly #store: Store;
  readonly #options: UploadsOptions;
  readonly #running = new Map<string, UploadProgress>();

  constructor(options: UploadsOptions) {
    this.#options = options;
    this.#store = options.store;
    this.maxBytes = options.maxBytes ?? defaultUploadMaxBytes;
  }

  #effects(): ImportEffects {
    const now = this.#options.now ?? (() => new Date());
    return { instrumentDirs: this.#options.instrumentDirs, now };
  }

  /** The instruments an export may be read with, by id and title. */
  async instruments(): Promise<{ id: string; title: string }[]> {
    const found = await findInstruments([...this.#options.instrumentDirs]);
    return found.instruments.map((l) => ({ id: l.instrument.id, title: l.instrument.title }));
  }

  /** The school's saved mapping text for the instrument, if any. */
  async #saved(choice: Pick<UploadChoice, "school" | "instrument">): Promise<string | undefined> {
    return (await this.#store.mappings.get(choice.school, choice.instrument))?.mapping;
  }

  /** Detected format and the proposed (or the school's saved) column mapping, with the instrument's targets. */
  async inspect(file: ReceivedFile, choice: UploadChoice, user: string) {
    const saved = await this.#saved(choice);
    // it reads the whole file (to count its rows): bounded as a check is
    const inspected = await this.#exclusive(user, "bekijken", () =>
      inspectExport(
        file.path,
        choice.name,
        { instrument: choice.instrument, ...(saved === undefined ? {} : { saved }) },
        this.#effects(),
      ),
    );
    if (!inspected.ok) return { ok: false as const, errors: inspected.errors, warnings: inspected.warnings };
    const inst = inspected.instrument;
    return {
      ok: true as const,
      format: inspected.format,
      columns: inspected.columns,
      saved: inspected.saved,
      // what a column may be made in the page: an item, a dimension, or nothing
      targets: {
        items: inst.items.map((i) => ({ target: `item:${i.id}`, label: `${i.id}: ${i.text}` })),
        dimensions: inst.dimensions.map((d) => ({ target: `dimension:${d.id}`, label: d.label })),
      },
      warnings: inspected.warnings,
    };
  }

  /** Keeps a person's mapping as the school's for the instrument; its problems when it names unknown targets. */
  async saveMapping(
    choice: Pick<UploadChoice, "school" | "instrument">,
    columns: readonly { index: number; header: string; target: string }[],
    by: string,
  ): Promise<{ ok: true } | { ok: false; errors: readonly Problem[] }> {
    const instrument = await resolveInstrument(choice.instrument, [...this.#options.instrumentDirs]);
    if (!instrument.ok) return { ok: false, errors: instrument.errors };
    const text = mappingFromChoices(instrument.value.instrument, columns);
    const parsed = parseMappingFile(text, msg.mappingName, instrument.value.instrument);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    await this.#store.mappings.put(choice.school, choice.instrument, text, by);
    return { ok: true };
  }

  /**
   * The options of a check or import: the page's choices as context, and the school's saved mapping
   * when it fits the file (inspectExport's rule), so what the page showed is what is read.
   */
  async #exportOptions(file: ReceivedFile, choice: UploadChoice): Promise<ExportOptions> {
    const context: Record<string, string> = { school: choice.school };
    if (choice.wave !== undefined && choice.wave !== "") context.wave = choice.wave;
    const saved = await this.#saved(choice);
    const fits =
      saved !== undefined &&
      (await savedMappingFits(
        file.path,
        choice.name,
        { instrument: choice.instrument, saved },
        this.#effects(),
      ));
    return {
      instrument: choice.instrument,
      context,
      ...(fits && saved !== undefined ? { mapping: { name: msg.mappingName, text: async () => saved } } : {}),
    };
  }

  /** Runs `work` as the user's one running job, with its progress visible to `progress(user)`. */
  async #exclusive<T>(
    user: string,
    phase: UploadProgress["phase"],
    work: (onProgress: (p: ImportProgress) => void) => Promise<T>,
  ): Promise<T> {
    if (this.#running.has(user))
      throw new HttpError(429, "upload-busy", msg.oneAtATime, { "Retry-After": "5" });
    if (this.#running.size >= (this.#options.maxRunning ?? 2))
      throw new HttpError(429, "upload-busy", msg.serverBusy, { "Retry-After": "10" });
    const progress: UploadProgress = { phase, bytesRead: 0, bytesTotal: 0, rows: 0 };
    this.#running.set(user, progress);
    try {
      return await work((p) => Object.assign(progress, p));
    } finally {
      this.#running.delete(user);
    }
  }

  /** The user's running check or import, or undefined. */
  progress(user: string): UploadProgress | undefined {
    const running = this.#running.get(user);
    return running === undefined ? undefined : { ...running };
  }

  /** "Controleren": the import's checks, nothing written. */
  async check(file: ReceivedFile, choice: UploadChoice, user: string) {
    const options = await this.#exportOptions(file, choice);
    return withGroups(
      await this.#exclusive(user, "controleren", (onProgress) =>
        checkExport(file.path, choice.name, options, this.#effects(), onProgress),
      ),
    );
  }

  /** "Importeren": all or nothing, idempotent by the file's content; releases chosen again after new data. */
  async import(file: ReceivedFile, choice: UploadChoice, user: string) {
    const options = await this.#exportOptions(file, choice);
    const key = await this.#options.pseudonymKey();
    const outcome = await this.#exclusive(user, "importeren", (onProgress) =>
      runImport(
        this.#store,
        {
          path: file.path,
          file: choice.name,
          options,
          pseudonymKey: key,
          changedHint: msg.responsesChangedHint,
        },
        this.#effects(),
        onProgress,
      ),
    );
    return withGroups(outcome);
  }

  /** The imports of one school (`zaz imports`, within a scope), newest first. */
  async imports(school: string): Promise<ImportRecord[]> {
    return (await this.#store.listImports()).filter((r) => r.context.school === school).reverse();
  }

  /** Erases an import of the school (also from the file); undefined when the school has no such import. */
  async remove(
    school: string,
    importId: string,
  ): Promise<{ responses: number; answers: number } | undefined> {
    const record = (await this.imports(school)).find((r) => r.id === importId);
    if (record === undefined) return undefined;
    const erased = await this.#store.removeImport(record.id);
    if (erased.responses > 0) await chooseReleases(this.#store, this.#options.now ?? (() => new Date()));
    return erased;
  }
}
