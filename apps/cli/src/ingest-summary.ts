import { languageName } from "@zaz/model";
import type { ImportOutcome } from "@zaz/store";
import type { IngestSession } from "@zaz/survey";
import type { Effects } from "./effects.js";
import { cliMessages as msg } from "./messages.js";

export interface IngestSummary {
  status: "imported" | "already-imported" | "valid";
  importId?: string;
  file: string;
  instrument: string;
  rowsRead: number;
  responses: number;
  responsesAdded?: number;
  responsesSkipped?: number;
  answers: number;
  missing: { weet_niet: number; nvt: number; leeg: number };
  columnsDropped: { header: string; reason: string }[];
  identifiersDropped: number;
  warnings: number;
  /** the language of the form, when the instrument keeps it (a `taal` dimension) */
  formLanguage?: {
    code: string;
    name: string;
    source: "flag" | "headers" | "column" | "default";
  };
}

export function ingestSummary(session: IngestSession, outcome: ImportOutcome | undefined): IngestSummary {
  const { stats } = session;
  const summary: IngestSummary = {
    status: outcome?.status ?? "valid",
    file: session.plan.file,
    instrument: session.plan.instrument.id,
    rowsRead: stats.rowsRead,
    responses: stats.responses,
    answers: stats.answers,
    missing: { ...stats.missing },
    columnsDropped: stats.columnsDropped,
    identifiersDropped: stats.identifiersDropped,
    warnings: session.problems.warningCount,
  };
  const language = session.plan.formLanguage;
  if (language !== undefined)
    summary.formLanguage = {
      code: language.language,
      name: languageName(session.plan.instrument, language.language),
      source: language.source,
    };
  if (outcome) {
    summary.importId = outcome.importId;
    summary.responsesAdded = outcome.responsesAdded;
    summary.responsesSkipped = outcome.responsesSkipped;
  }
  return summary;
}

/** The closing summary, on stderr (it is a message, not data). */
export function printSummary(effects: Effects, s: IngestSummary): void {
  const n = (x: number) => x.toLocaleString("nl-NL");
  const lines = [
    s.status === "valid" ? msg.summaryValid(s.file) : msg.summaryImported(s.file, s.importId ?? ""),
    msg.summaryRows(n(s.rowsRead), n(s.responses)),
  ];
  if (s.responsesAdded !== undefined) {
    lines.push(msg.summaryStored(n(s.responsesAdded), n(s.responsesSkipped ?? 0)));
    if (s.responsesAdded === 0) lines.push(msg.summaryNothingNew);
  }
  lines.push(msg.summaryAnswers(n(s.answers)));
  lines.push(msg.summaryMissing(n(s.missing.weet_niet), n(s.missing.nvt), n(s.missing.leeg)));
  if (s.columnsDropped.length > 0) {
    lines.push(msg.summaryDropped(s.columnsDropped.length, s.identifiersDropped));
    for (const c of s.columnsDropped) lines.push(`    - ${c.header}: ${c.reason}`);
  }
  if (s.formLanguage !== undefined)
    lines.push(msg.summaryLanguage(s.formLanguage.name, s.formLanguage.code, s.formLanguage.source));
  lines.push(msg.summaryWarnings(s.warnings));
  effects.stderr.write(`${lines.join("\n")}\n`);
}
