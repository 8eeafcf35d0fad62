import { basename, resolve } from "node:path";
import {
  checkExport,
  type ExportOptions,
  fileHash,
  type ImportEffects,
  type ImportProgress,
  runImport,
} from "@zaz/importer";
import { loadOrCreateKey, openStore } from "@zaz/store";
import { ExitCode } from "../cli-error.js";
import { databasePath, instrumentDirs } from "../context.js";
import type { Effects } from "../effects.js";
import { printSummary } from "../ingest-summary.js";
import { cliMessages as msg } from "../messages.js";
import { type ProblemLists, printErrorsAndWarnings, printProblems, problemGroups } from "../problems.js";
import { Progress } from "../progress.js";
import { readMappingText } from "../read-export.js";
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
  /** responses stored before with other answers: replace them (without: the import is refused) */
  vervang?: boolean;
  /** import unfinished responses too (Qualtrics Finished = False) */
  onvoltooidMeenemen?: boolean;
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

/** The flags as the import pipeline (@zaz/importer) takes them; the --map file is read when needed. */
function exportOptions(options: IngestOptions, effects: Effects): ExportOptions {
  const mapPath = options.map === undefined ? undefined : resolve(effects.cwd, options.map);
  return {
    instrument: options.instrument,
    context: flagContext(options),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(mapPath === undefined
      ? {}
      : { mapping: { name: basename(mapPath), text: () => readMappingText(mapPath) } }),
    ...(options.nieuweSchool ? { registerNew: true } : {}),
    ...(options.vervang ? { replaceChanged: true } : {}),
    ...(options.onvoltooidMeenemen ? { keepUnfinished: true } : {}),
  };
}

function importEffects(effects: Effects): ImportEffects {
  return {
    instrumentDirs: instrumentDirs(effects),
    importPath: effects.env.ZAZ_IMPORT_PATH,
    now: () => effects.now(),
  };
}

/** A progress line made when the first progress arrives: only then is the file's size known. */
function progressLine(effects: Effects, label: string): { update(p: ImportProgress): void; done(): void } {
  let line: Progress | undefined;
  return {
    update: (p) => {
      line ??= new Progress(effects, label, p.bytesTotal);
      line.update(p.bytesRead, p.rows);
    },
    done: () => line?.done(),
  };
}

function report(effects: Effects, options: { json?: boolean }, problems: ProblemLists): void {
  if (options.json) {
    effects.stdout.write(
      `${JSON.stringify(
        {
          ok: problems.errors.length === 0,
          errors: problems.errors,
          errorCount: problems.errorCount ?? problems.errors.length,
          warnings: problems.warnings,
          warningCount: problems.warningCount ?? problems.warnings.length,
          groups: problemGroups(problems),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  printErrorsAndWarnings(effects, problems);
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
  const store = await openStore(dbPath);
  const progress = progressLine(effects, msg.progressLabel);
  try {
    const outcome = await runImport(
      store,
      { path, file: basename(path), options: exportOptions(options, effects), pseudonymKey: key, hash },
      importEffects(effects),
      (p) => progress.update(p),
    );
    progress.done();
    if (outcome.status === "already-imported") {
      const summary = {
        status: "already-imported",
        importId: hash,
        file: basename(path),
        importedAt: outcome.importedAt,
      };
      if (options.json) effects.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else effects.stderr.write(`${msg.alreadyImported(basename(path), outcome.importedAt ?? "", hash)}\n`);
      return ExitCode.ok;
    }
    if (outcome.status === "rejected") {
      report(effects, options, outcome);
      return ExitCode.invalidInput;
    }
    const { summary, registered } = outcome;
    if (options.json)
      effects.stdout.write(
        `${JSON.stringify(registered.length === 0 ? summary : { ...summary, registered }, null, 2)}\n`,
      );
    else {
      printProblems(effects, outcome.warnings, "warning", outcome.warningCount);
      printSummary(effects, summary);
      // what --nieuwe-school registered with the import, so the new ids are seen
      for (const e of registered)
        effects.stderr.write(`${registryCliMessages.registered(e.kind, e.name, e.id)}\n`);
    }
    return ExitCode.ok;
  } finally {
    progress.done();
    await store.close();
  }
}

/** `zaz validate FILE --instrument ID` — the same checks as ingest; nothing is written. */
export async function validate(fileArg: string, options: IngestOptions, effects: Effects): Promise<number> {
  const path = resolve(effects.cwd, fileArg);
  const progress = progressLine(effects, msg.validateLabel);
  let outcome: Awaited<ReturnType<typeof checkExport>>;
  try {
    outcome = await checkExport(
      path,
      basename(path),
      exportOptions(options, effects),
      importEffects(effects),
      (p) => progress.update(p),
    );
  } finally {
    progress.done();
  }
  if (!outcome.ok) {
    report(effects, options, outcome);
    return ExitCode.invalidInput;
  }
  if (options.json) effects.stdout.write(`${JSON.stringify(outcome.summary, null, 2)}\n`);
  else {
    printProblems(effects, outcome.warnings, "warning", outcome.warningCount);
    printSummary(effects, outcome.summary);
  }
  return ExitCode.ok;
}
