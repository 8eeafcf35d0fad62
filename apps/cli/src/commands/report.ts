import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Instrument } from "@zaz/model";
import { openStore } from "@zaz/store";
import { findInstruments, privacySettings } from "@zaz/survey";
import {
  ChromiumMissingError,
  chromiumPath,
  renderCsv,
  renderHtml,
  renderPdf,
  renderText,
  type View,
  type ViewContext,
  type ViewRequest,
  ViewService,
} from "@zaz/views";
import { CliError, ExitCode } from "../cli-error.js";
import { databasePath, instrumentDirs } from "../context.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";

export interface ReportOptions {
  format?: string;
  output?: string;
  db?: string;
  k?: string;
  kTekst?: string;
  delimiter?: string;
  /** compute afresh, not from a kept result */
  vers?: boolean;
}

/** Opens the store and the view service every report needs; closes the store afterwards. */
export async function withViews<T>(
  options: { db?: string; k?: string; kTekst?: string; vers?: boolean },
  effects: Effects,
  run: (views: ViewService) => Promise<T>,
): Promise<T> {
  const privacy = privacySettings({
    ...(options.k === undefined ? {} : { k: Number(options.k) }),
    ...(options.kTekst === undefined ? {} : { kText: Number(options.kTekst) }),
  });
  if (!privacy.ok) throw new CliError(privacy.errors.map((p) => p.message).join(" "), ExitCode.usage);
  const store = await openStore(databasePath(effects, options.db));
  try {
    // Imports from before definitions were stored get the matching definition of this installation.
    await store.adoptInstruments(async () =>
      (await findInstruments(instrumentDirs(effects))).instruments.map((l): Instrument => l.instrument),
    );
    const context: ViewContext = { store, privacy: privacy.value, now: effects.now };
    return await run(new ViewService(context, { persist: options.vers !== true }));
  } finally {
    await store.close();
  }
}

/** Writes a view in the chosen format to stdout or to `-o FILE`. */
export async function emitView(view: View, options: ReportOptions, effects: Effects): Promise<number> {
  const format = options.format ?? "table";
  if (format === "pdf") return emitPdf(view, options, effects);
  let text: string;
  if (format === "json") text = `${JSON.stringify(view, null, 2)}\n`;
  else if (format === "csv")
    text = renderCsv(
      view,
      options.delimiter === ";" ? { delimiter: ";", bom: true } : { delimiter: ",", bom: true },
    );
  else if (format === "html") text = await renderHtml(view);
  else {
    const width = options.output === undefined && effects.stdout.isTTY ? (effects.stdout.columns ?? 80) : 80;
    text = renderText(view, Math.min(width, 100));
  }
  if (options.output !== undefined) {
    const path = resolve(effects.cwd, options.output);
    await writeFile(path, text);
    effects.stderr.write(`${msg.reportWritten(path)}\n`);
  } else effects.stdout.write(text);
  return ExitCode.ok;
}

/**
 * A PDF goes to `-o FILE` only: it is binary, and a PDF on a terminal or in a text pipe is never
 * what a user meant. Chromium (and playwright-core) are loaded only here.
 */
async function emitPdf(view: View, options: ReportOptions, effects: Effects): Promise<number> {
  if (options.output === undefined) throw new CliError(msg.pdfNeedsOutput, ExitCode.usage);
  const path = resolve(effects.cwd, options.output);
  let pdf: Uint8Array;
  try {
    pdf = await renderPdf(view, { executablePath: chromiumPath(effects.env) });
  } catch (error) {
    if (error instanceof ChromiumMissingError) throw new CliError(error.message);
    throw error;
  }
  await writeFile(path, pdf);
  effects.stderr.write(`${msg.reportWritten(path)}\n`);
  return ExitCode.ok;
}

/** What `zaz report` and `zaz export` are given to say which view they want. */
export interface ViewOptions {
  school?: string;
  wave?: string;
  groep?: string;
  bestuur?: string;
  opleiding?: string;
  cohort?: string;
  fase?: string;
  gesprekssoort?: string;
  student?: string;
}

/** The view request of a report kind, from its options; a usage error names a missing one. */
export function viewRequest(kind: string, options: ViewOptions): ViewRequest {
  const need = (value: string | undefined, flag: string): string => {
    if (value === undefined) throw new CliError(msg.exportNeeds(kind, flag), ExitCode.usage);
    return value;
  };
  const { school, wave, groep, bestuur, opleiding, cohort, fase, gesprekssoort, student } = options;
  switch (kind) {
    case "klassen":
      return { kind, params: { school: need(school, "--school"), wave: need(wave, "--wave") } };
    case "groep":
      return {
        kind,
        params: {
          school: need(school, "--school"),
          wave: need(wave, "--wave"),
          groep: need(groep, "--groep"),
        },
      };
    case "scholen":
      return { kind, params: { bestuur: need(bestuur, "--bestuur") } };
    case "leerlijn":
      return { kind, params: { opleiding: need(opleiding, "--opleiding"), cohort, fase, gesprekssoort } };
    case "ontwikkeling":
      return { kind, params: { student: need(student, "--student") } };
    default:
      throw new CliError(msg.exportKinds(kind), ExitCode.usage);
  }
}

/** `zaz report KIND …` */
export async function report(kind: string, options: ReportOptions & ViewOptions, effects: Effects) {
  const request = viewRequest(kind, options);
  // Before any data is read: a PDF without a file to go to is a usage error.
  if (options.format === "pdf" && options.output === undefined)
    throw new CliError(msg.pdfNeedsOutput, ExitCode.usage);
  const view = await withViews(options, effects, async (views) => (await views.get(request)).view);
  return emitView(view, options, effects);
}

/**
 * `zaz export RAPPORT …` — the aggregated results of a report as one long CSV for Excel: UTF-8 with
 * BOM, ";" by default (Dutch Excel), cells that Excel would run as a formula neutralised.
 */
export async function exportCsv(
  kind: string,
  options: ReportOptions & ViewOptions,
  effects: Effects,
): Promise<number> {
  // a student's own development is not a table for Excel
  if (kind === "ontwikkeling") throw new CliError(msg.exportKinds(kind), ExitCode.usage);
  const request = viewRequest(kind, options);
  const view = await withViews(options, effects, async (views) => (await views.get(request)).view);
  const delimiter = options.delimiter === "," ? "," : ";";
  return emitView(view, { ...options, format: "csv", delimiter }, effects);
}
