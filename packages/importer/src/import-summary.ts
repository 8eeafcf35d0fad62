import { groupProblems, languageName, type ProblemGroup } from "@zaz/model";
import type { ImportOutcome } from "@zaz/store";
import type { IngestSession } from "@zaz/survey";

export interface IngestSummary {
  status: "imported" | "already-imported" | "valid";
  importId?: string;
  file: string;
  instrument: string;
  rowsRead: number;
  responses: number;
  responsesAdded?: number;
  responsesSkipped?: number;
  /** of responsesAdded: new versions that replaced a stored one (--vervang) */
  responsesReplaced?: number;
  /** given answers: not missing (the README's "antwoorden") */
  answers: number;
  /**
   * answer rows this import stored: given answers and typed missing ones ("weet niet", leeg …)
   * of the responses it added — the number `zaz imports` shows under the same name
   */
  answersStored?: number;
  missing: { weet_niet: number; nvt: number; leeg: number };
  columnsDropped: { header: string; reason: string }[];
  identifiersDropped: number;
  /** rows read but not imported: previews/tests/spam, and unfinished responses unless kept */
  excluded: { preview: number; unfinished: number };
  warnings: number;
  /** the warnings grouped per code and column, as the text output shows them */
  warningGroups: ProblemGroup[];
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
    excluded: { ...stats.excluded },
    warnings: session.problems.warningCount,
    warningGroups: groupProblems(session.problems.warnings),
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
    summary.answersStored = outcome.answersAdded;
    summary.responsesReplaced = outcome.responsesReplaced ?? 0;
  }
  return summary;
}
