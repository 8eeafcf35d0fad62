import { MetadataRole } from "./metadata-role.js";

/**
 * Why a row of an export is not imported as a response: `preview` — the survey tool marks it as
 * a preview, a test or spam (never imported); `unfinished` — the respondent did not finish
 * (left out unless the user asks to keep those).
 */
export const RowExclusion = {
  preview: "preview",
  unfinished: "unfinished",
} as const;
export type RowExclusion = (typeof RowExclusion)[keyof typeof RowExclusion];

const fold = (value: string) => value.trim().toLowerCase();

/**
 * Qualtrics' Status (Response Type) codes of rows that are no response: 1 Survey Preview,
 * 2 Survey Test, 8 Spam, 9 Survey Preview Spam, 12 Imported Spam, 17 Offline Survey Preview.
 * 0 IP Address, 4 Imported and 16 Offline are real responses.
 */
const notResponseCodes = new Set(["1", "2", "8", "9", "12", "17"]);
/** The same as labels, English and Dutch ("Enquêtevoorbeeld", "Enquêtetest"). */
const notResponseLabel = /preview|voorbeeld|\btest\b|enqu[eê]tetest|spam/;

/** The Status (Response Type) column's verdict on one cell. */
export function responseTypeExclusion(value: string): RowExclusion | undefined {
  const v = fold(value);
  return notResponseCodes.has(v) || notResponseLabel.test(v) ? RowExclusion.preview : undefined;
}

const notFinished = new Set(["false", "0", "onwaar", "nee", "no", "n"]);

/** The Finished column's verdict on one cell: True/False or 1/0 (an empty cell says nothing). */
export function finishedExclusion(value: string): RowExclusion | undefined {
  return notFinished.has(fold(value)) ? RowExclusion.unfinished : undefined;
}

/** The Progress column's verdict (0–100), used only where there is no Finished column. */
export function progressExclusion(value: string): RowExclusion | undefined {
  const v = fold(value).replace(/%$/, "").replace(",", ".");
  if (v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n < 100 ? RowExclusion.unfinished : undefined;
}

/**
 * Whether a row is left out, and why — the one rule for both import paths: the streaming
 * reader calls it per row; the DuckDB path applies the per-cell verdicts above per distinct
 * value of these columns. A preview row is a preview even when unfinished. Progress counts
 * only when the export has no Finished column (Finished is what Qualtrics itself uses).
 */
export function rowExclusion(
  roles: readonly (MetadataRole | undefined)[],
  fields: readonly string[],
): RowExclusion | undefined {
  let unfinished = false;
  let progressSays: RowExclusion | undefined;
  let hasFinished = false;
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i];
    if (role === undefined) continue;
    const value = fields[i] ?? "";
    if (role === MetadataRole.responseType) {
      if (responseTypeExclusion(value) !== undefined) return RowExclusion.preview;
    } else if (role === MetadataRole.finished) {
      hasFinished = true;
      if (finishedExclusion(value) !== undefined) unfinished = true;
    } else if (role === MetadataRole.progress) {
      progressSays ??= progressExclusion(value);
    }
  }
  if (unfinished || (!hasFinished && progressSays !== undefined)) return RowExclusion.unfinished;
  return undefined;
}

/** Whether any column of the export can exclude a row: when none, the check can be skipped. */
export function excludesRows(roles: readonly (MetadataRole | undefined)[]): boolean {
  return roles.some(
    (r) => r === MetadataRole.responseType || r === MetadataRole.finished || r === MetadataRole.progress,
  );
}
