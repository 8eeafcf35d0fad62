import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Instrument } from "@zaz/model";
import {
  klassenReport,
  leerlijnReport,
  ontwikkelingReport,
  type Report,
  type ReportContext,
  ReportError,
  renderCsv,
  renderHtml,
  renderText,
  scholenReport,
} from "@zaz/reports";
import { openDuckDbStore } from "@zaz/store";
import { findInstruments, privacySettings } from "@zaz/survey";
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
}

/** Opens what every report needs; closes the store afterwards. */
export async function withReportContext<T>(
  options: { db?: string; k?: string; kTekst?: string },
  effects: Effects,
  run: (context: ReportContext) => Promise<T>,
): Promise<T> {
  const privacy = privacySettings({
    ...(options.k === undefined ? {} : { k: Number(options.k) }),
    ...(options.kTekst === undefined ? {} : { kText: Number(options.kTekst) }),
  });
  if (!privacy.ok) throw new CliError(privacy.errors.map((p) => p.message).join(" "), ExitCode.usage);
  const { instruments } = await findInstruments(instrumentDirs(effects));
  const map = new Map<string, Instrument>(instruments.map((l) => [l.instrument.id, l.instrument]));
  const store = await openDuckDbStore(databasePath(effects, options.db));
  try {
    return await run({ store, instruments: map, privacy: privacy.value, now: effects.now });
  } catch (error) {
    if (error instanceof ReportError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

/** Writes a report in the chosen format to stdout or to `-o FILE`. */
export async function emitReport(report: Report, options: ReportOptions, effects: Effects): Promise<number> {
  const format = options.format ?? "table";
  let text: string;
  if (format === "json") text = `${JSON.stringify(report, null, 2)}\n`;
  else if (format === "csv")
    text = renderCsv(
      report,
      options.delimiter === ";" ? { delimiter: ";", bom: true } : { delimiter: ",", bom: true },
    );
  else if (format === "html") text = await renderHtml(report);
  else {
    const width = options.output === undefined && effects.stdout.isTTY ? (effects.stdout.columns ?? 80) : 80;
    text = renderText(report, Math.min(width, 100));
  }
  if (options.output !== undefined) {
    const path = resolve(effects.cwd, options.output);
    await writeFile(path, text);
    effects.stderr.write(`${msg.reportWritten(path)}\n`);
  } else effects.stdout.write(text);
  return ExitCode.ok;
}

export async function reportKlassen(
  options: ReportOptions & { school: string; wave: string },
  effects: Effects,
): Promise<number> {
  const report = await withReportContext(options, effects, (c) =>
    klassenReport(c, { school: options.school, wave: options.wave }),
  );
  return emitReport(report, options, effects);
}

export async function reportScholen(
  options: ReportOptions & { bestuur: string },
  effects: Effects,
): Promise<number> {
  const report = await withReportContext(options, effects, (c) =>
    scholenReport(c, { bestuur: options.bestuur }),
  );
  return emitReport(report, options, effects);
}

export async function reportLeerlijn(
  options: ReportOptions & { opleiding: string; cohort?: string },
  effects: Effects,
): Promise<number> {
  const report = await withReportContext(options, effects, (c) =>
    leerlijnReport(c, {
      opleiding: options.opleiding,
      ...(options.cohort === undefined ? {} : { cohort: options.cohort }),
    }),
  );
  return emitReport(report, options, effects);
}

export async function reportOntwikkeling(
  options: ReportOptions & { student: string },
  effects: Effects,
): Promise<number> {
  const report = await withReportContext(options, effects, (c) =>
    ontwikkelingReport(c, { student: options.student }),
  );
  return emitReport(report, options, effects);
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
  const report = await withReportContext(options, effects, (c) => {
    if (kind === "klassen")
      return klassenReport(c, {
        school: need(options.school, "--school"),
        wave: need(options.wave, "--wave"),
      });
    if (kind === "scholen") return scholenReport(c, { bestuur: need(options.bestuur, "--bestuur") });
    if (kind === "leerlijn")
      return leerlijnReport(c, {
        opleiding: need(options.opleiding, "--opleiding"),
        ...(options.cohort === undefined ? {} : { cohort: options.cohort }),
      });
    throw new CliError(msg.exportKinds(kind), ExitCode.usage);
  });
  const delimiter = options.delimiter === "," ? "," : ";";
  return emitReport(report, { ...options, format: "csv", delimiter }, effects);
}
