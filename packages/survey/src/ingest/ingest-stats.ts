import type { MissingKind, SurveyResponse } from "@zaz/model";

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
}

export function emptyStats(): IngestStats {
  return {
    rowsRead: 0,
    responses: 0,
    answers: 0,
    missing: { weet_niet: 0, nvt: 0, leeg: 0 },
    columnsDropped: [],
    identifiersDropped: 0,
  };
}

export function countResponse(stats: IngestStats, response: SurveyResponse): void {
  stats.responses++;
  for (const a of response.answers) {
    if (a.missing !== null) stats.missing[a.missing]++;
    else stats.answers++;
  }
}
