import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Instrument } from "@zaz/model";
import { openDuckDbStore, StoreError } from "@zaz/store";
import { findInstruments, privacySettings } from "@zaz/survey";
import {
  renderCsv,
  renderHtml,
  renderText,
  type View,
  type ViewContext,
  ViewError,
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
  const store = await openDuckDbStore(databasePath(effects, options.db));
  try {
    // Imports from before definitions were stored get the matching definition of this installation.
    const { instruments } = await findInstruments(instrumentDirs(effects));
    await store.adoptInstruments(instruments.map((l): Instrument => l.instrument));
    const context: ViewContext = { store, privacy: privacy.value, now: effects.now };
    return await run(new ViewService(context, { persist: options.vers !== true }));
  } catch (error) {
    if (error instanceof ViewError || error instanceof StoreError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

/** Writes a view in the chosen format to stdout or to `-o FILE`. */
export async function emitView(view: View, options: ReportOptions, effects: Effects): Promise<number> {
  const format = options.format ?? "table";
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

async function report(request: ViewRequest, options: ReportOptions, effects: Effects): Promise<number> {
  const view = await withViews(options, effects, async (views) => (await views.get(request)).view);
  return emitView(view, options, effects);
}

export function reportKlassen(options: ReportOptions & { school: string; wave: string }, effects: Effects) {
  return report(
    { kind: "klassen", params: { school: options.school, wave: options.wave } },
    options,
    effects,
  );
}

export function reportGroep(
  options: ReportOptions & { school: string; wave: string; groep: string },
  effects: Effects,
) {
  return report(
    { kind: "groep", params: { school: options.school, wave: options.wave, groep: options.groep } },
    options,
    effects,
  );
}

export function reportScholen(options: ReportOptions & { bestuur: string }, effects: Effects) {
  return report({ kind: "scholen", params: { bestuur: options.bestuur } }, options, effects);
}

export function reportLeerlijn(
  options: ReportOptions & { opleiding: string; cohort?: string; fase?: string; gesprekssoort?: string },
  effects: Effects,
) {
  const { opleiding, cohort, fase, gesprekssoort } = options;
  return report(
    {
      kind: "leerlijn",
      params: {
        opleiding,
        ...(cohort === undefined ? {} : { cohort }),
        ...(fase === undefined ? {} : { fase }),
        ...(gesprekssoort === undefined ? {} : { gesprekssoort }),
      },
    },
    options,
    effects,
  );
}

export function reportOntwikkeling(options: ReportOptions & { student: string }, effects: Effects) {
  return report({ kind: "ontwikkeling", params: { student: options.student } }, options, effects);
}

/**
 * `zaz export RAPPORT …` — the aggregated results of a report as one long CSV for Excel: UTF-8 with
 * BOM, ";" by default (Dutch Excel), cells that Excel would run as a formula neutralised.
 */
export async function exportCsv(
  kind: string,
  options: ReportOptions & {
    school?: string;
    wave?: string;
    groep?: string;
    bestuur?: string;
    opleiding?: string;
    cohort?: string;
  },
  effects: Effects,
): Promise<number> {
  const need = (value: string | undefined, flag: string): string => {
    if (value === undefined) throw new CliError(msg.exportNeeds(kind, flag), ExitCode.usage);
    return value;
  };
  let request: ViewRequest;
  if (kind === "klassen")
    request = {
      kind,
      params: { school: need(options.school, "--school"), wave: need(options.wave, "--wave") },
    };
  else if (kind === "groep")
    request = {
      kind,
      params: {
        school: need(options.school, "--school"),
        wave: need(options.wave, "--wave"),
        groep: need(options.groep, "--groep"),
      },
    };
  else if (kind === "scholen") request = { kind, params: { bestuur: need(options.bestuur, "--bestuur") } };
  else if (kind === "leerlijn")
    request = {
      kind,
      params: {
        opleiding: need(options.opleiding, "--opleiding"),
        ...(options.cohort === undefined ? {} : { cohort: options.cohort }),
      },
    };
  else throw new CliError(msg.exportKinds(kind), ExitCode.usage);
  const view = await withViews(options, effects, async (views) => (await views.get(request)).view);
  const delimiter = options.delimiter === "," ? "," : ";";
  return emitView(view, { ...options, format: "csv", delimiter }, effects);
}
