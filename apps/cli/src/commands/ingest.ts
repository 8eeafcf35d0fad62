import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { Instrument, Problem, RegistryEntity } from "@zaz/model";
import { loadOrCreateKey, openDuckDbStore } from "@zaz/store";
import {
  applyMappingFile,
  type ColumnMapping,
  IngestRejected,
  type IngestSession,
  parseMappingFile,
  planRegistration,
  prepareIngest,
  RegistrationMode,
  registryResolver,
  resolveInstrument,
} from "@zaz/survey";
import { chooseReleases } from "../choose-releases.js";
import { ExitCode } from "../cli-error.js";
import { databasePath, instrumentDirs } from "../context.js";
import type { Effects } from "../effects.js";
import { ingestSummary, printSummary } from "../ingest-summary.js";
import { cliMessages as msg } from "../messages.js";
import { printProblems } from "../problems.js";
import { Progress } from "../progress.js";
import { fileHash, openExport } from "../read-export.js";
import { registryCliMessages } from "./registry.js";

export interface IngestOptions {
  instrument: string;
  school?: string;
  groep?: string;
  wave?: string;
  bestuur?: string;
  /** the language of the form, kept in the instrument's `taal` dimension */
  taal?: string;
  context?: string[];
  map?: string;
  db?: string;
  encoding?: string;
  delimiter?: string;
  json?: boolean;
  /** register the --school/--bestuur of this import when they are not registered yet */
  nieuweSchool?: boolean;
}

/** The context a user gave with flags: --school, --groep, --wave, --bestuur, --taal and --context dim=waarde. */
export function flagContext(options: IngestOptions): Record<string, string> {
  const context: Record<string, string> = {};
  for (const pair of options.context ?? []) {
    const at = pair.indexOf("=");
    if (at > 0) context[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  for (const key of ["school", "groep", "wave", "bestuur", "taal"] as const) {
    const value = options[key];
    if (value !== undefined) context[key] = value;
  }
  return context;
}

interface Prepared {
  session: IngestSession;
  file: string;
  profile: string;
  readBytes(): number;
  size: number;
  /** schools and boards this import registers (--nieuwe-school) */
  register: readonly RegistryEntity[];
}

/** Shared by ingest and validate: instrument, export, mapping, plan. Problems are printed here. */
async function prepare(
  path: string,
  options: IngestOptions,
  effects: Effects,
  key: Uint8Array,
  registry: readonly RegistryEntity[] | undefined,
): Promise<{ ok: true; value: Prepared & { instrument: Instrument } } | { ok: false }> {
  const fail = (errors: readonly Problem[], warnings: readonly Problem[] = []) => {
    report(effects, options, { errors, warnings });
    return { ok: false } as const;
  };
  const file = basename(path);
  const instrument = await resolveInstrument(options.instrument, instrumentDirs(effects));
  if (!instrument.ok) return fail(instrument.errors);
  const opened = await openExport(path, options, file);
  if (!opened.ok) return fail(opened.errors, opened.warnings);
  const { source } = opened.value;
  let columns: ColumnMapping[] | undefined;
  const warnings: Problem[] = [...opened.warnings];
  if (options.map !== undefined) {
    const mapPath = resolve(effects.cwd, options.map);
    const parsed = parseMappingFile(
      await readFile(mapPath, "utf8"),
      basename(mapPath),
      instrument.value.instrument,
    );
    if (!parsed.ok) return fail(parsed.errors);
    const applied = applyMappingFile(source.header, parsed.value, basename(mapPath));
    columns = applied.columns;
    warnings.push(...applied.warnings);
  }
  // Schools and boards are named by registry id in the store: flags and columns are resolved
  // against the registry (validate, which opens no database, leaves that to ingest).
  const dimensions = instrument.value.instrument.dimensions.map((d) => d.id);
  let register: readonly RegistryEntity[] = [];
  let resolver: ReturnType<typeof registryResolver> | undefined;
  if (registry !== undefined) {
    const context = flagContext(options);
    if (options.nieuweSchool && (dimensions.includes("school") || dimensions.includes("bestuur"))) {
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
    context: flagContext(options),
    pseudonymKey: key,
    warnings,
    problems: opened.value.problems,
    ...(resolver === undefined ? {} : { resolveContext: resolver }),
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
      instrument: instrument.value.instrument,
      register,
    },
  };
}

function report(
  effects: Effects,
  options: { json?: boolean },
  problems: {
    errors: readonly Problem[];
    warnings: readonly Problem[];
    errorCount?: number;
    warningCount?: number;
  },
): void {
  if (options.json) {
    effects.stdout.write(
      `${JSON.stringify(
        {
          ok: problems.errors.length === 0,
          errors: problems.errors,
          errorCount: problems.errorCount ?? problems.errors.length,
          warnings: problems.warnings,
          warningCount: problems.warningCount ?? problems.warnings.length,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  printProblems(effects, problems.warnings, "warning", problems.warningCount);
  printProblems(effects, problems.errors, "error", problems.errorCount);
  if (problems.errors.length > 0) {
    effects.stderr.write(
      `${msg.ingestErrors(problems.errorCount ?? problems.errors.length)} ${msg.ingestNothingWritten}\n`,
    );
  }
}

/** `zaz ingest FILE --instrument ID` — all or nothing into the database. */
export async function ingest(fileArg: string, options: IngestOptions, effects: Effects): Promise<number> {
  const path = resolve(effects.cwd, fileArg);
  const dbPath = databasePath(effects, options.db);
  const hash = await fileHash(path);
  const key = await loadOrCreateKey(dbPath);
  const store = await openDuckDbStore(dbPath);
  try {
    if (await store.hasImport(hash)) {
      const record = (await store.listImports()).find((r) => r.id === hash);
      const summary = {
        status: "already-imported",
        importId: hash,
        file: basename(path),
        importedAt: record?.importedAt,
      };
      if (options.json) effects.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else effects.stderr.write(`${msg.alreadyImported(basename(path), record?.importedAt ?? "", hash)}\n`);
      return ExitCode.ok;
    }
    const prepared = await prepare(path, options, effects, key, await store.registry.list());
    if (!prepared.ok) return ExitCode.invalidInput;
    const p = prepared.value;
    const progress = new Progress(effects, msg.progressLabel, p.size);
    try {
      const outcome = await store.importResponses(
        {
          id: hash,
          fileName: p.file,
          instrument: p.instrument,
          profile: p.profile,
          context: p.session.plan.fixedContext,
          register: p.register,
          // Read by the store when the last chunk commits, after the last row.
          get rowsRead() {
            return p.session.stats.rowsRead;
          },
        },
        p.session.responses(),
        (n) => progress.update(p.readBytes(), n),
      );
      progress.done();
      if (outcome.responsesAdded > 0) await chooseReleases(store, effects);
      const summary = ingestSummary(p.session, outcome);
      // what --nieuwe-school registered with the import, so the new ids are seen
      const registered = p.register.map((e) => ({ kind: e.kind, id: e.id, name: e.name }));
      if (options.json)
        effects.stdout.write(
          `${JSON.stringify(registered.length === 0 ? summary : { ...summary, registered }, null, 2)}\n`,
        );
      else {
        printProblems(effects, p.session.problems.warnings, "warning", p.session.problems.warningCount);
        printSummary(effects, summary);
        for (const e of registered)
          effects.stderr.write(`${registryCliMessages.registered(e.kind, e.name, e.id)}\n`);
      }
      return ExitCode.ok;
    } catch (error) {
      progress.done();
      if (error instanceof IngestRejected) {
        report(effects, options, {
          errors: error.problems.errors,
          warnings: error.problems.warnings,
          errorCount: error.problems.errorCount,
          warningCount: error.problems.warningCount,
        });
        return ExitCode.invalidInput;
      }
      throw error;
    }
  } finally {
    await store.close();
  }
}

/** `zaz validate FILE --instrument ID` — the same checks as ingest; nothing is written. */
export async function validate(fileArg: string, options: IngestOptions, effects: Effects): Promise<number> {
  const path = resolve(effects.cwd, fileArg);
  // Pseudonyms are computed but thrown away: a throwaway key keeps the installation's key untouched.
  const prepared = await prepare(path, options, effects, randomBytes(32), undefined);
  if (!prepared.ok) return ExitCode.invalidInput;
  const { session } = prepared.value;
  const progress = new Progress(effects, msg.validateLabel, prepared.value.size);
  try {
    for await (const _ of session.responses())
      progress.update(prepared.value.readBytes(), session.stats.rowsRead);
  } catch (error) {
    progress.done();
    if (!(error instanceof IngestRejected)) throw error;
    report(effects, options, {
      errors: session.problems.errors,
      warnings: session.problems.warnings,
      errorCount: session.problems.errorCount,
      warningCount: session.problems.warningCount,
    });
    return ExitCode.invalidInput;
  }
  progress.done();
  const summary = ingestSummary(session, undefined);
  if (options.json) effects.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    printProblems(effects, session.problems.warnings, "warning", session.problems.warningCount);
    printSummary(effects, summary);
  }
  return ExitCode.ok;
}
