import type { MissingKind, SurveyResponse } from "@zaz/model";
import type { RowExclusion } from "../read/row-exclusion.js";

/** What an ingest did, for the summary at the end. */
export interface IngestStats {
  rowsRead: number;
  responses: number;
  answers: number;
  missing: Record<MissingKind, number>;
  /** columns not stored, with why */
  columnsDropped: { header: string; reason: string }[];
  /** how many of those were direct identifiers (names, e-mail addresses …) */
  identifiersDropped: number;
  /** rows not imported: previews, tests and spam; unfinished responses (unless kept) */
  excluded: Record<RowExclusion, number>;
}

export function emptyStats(): IngestStats {
  return {
    rowsRead: 0,
    responses: 0,
    answers: 0,
    missing: { weet_niet: 0, nvt: 0, leeg: 0 },
    columnsDropped: [],
    identifiersDropped: 0,
    excluded: { preview: 0, unfinished: 0 },
  };
}

export function countResponse(stats: IngestStats, response: SurveyResponse): void {
  stats.responses++;
  for (const a of response.answers) {
    if (a.missing !== null) stats.missing[a.missing]++;
    else stats.answers++;
  }
}

/** A row left out by `rowExclusion` (read, but no response). */
export function countExcluded(stats: IngestStats, why: RowExclusion): void {
  stats.excluded[why]++;
}
