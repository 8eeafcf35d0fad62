import type { MissingKind } from "./missing-kind.js";

/**
 * One item's answer, in long format. A multiple-choice item gives one Answer per chosen label;
 * a number item keeps its number in `code`; a text item keeps `text`. A missing answer has
 * `missing` set and neither code nor text.
 */
export interface Answer {
  item: string;
  code: number | null;
  text: string | null;
  missing: MissingKind | null;
}

/** One filled-in questionnaire or form, with its context. */
export interface SurveyResponse {
  /** identity within its export: the export's own response id, or a hash of the row's content */
  key: string;
  /** the row where it starts, as a spreadsheet user counts rows */
  row: number;
  /** when it was submitted, ISO 8601, if the export says */
  submittedAt: string | null;
  /** context dimension id → value (a code for enum dimensions, a pseudonym where the dimension says so) */
  context: Record<string, string>;
  answers: Answer[];
}
