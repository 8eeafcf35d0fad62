/**
 * One thing wrong (or worth a warning) with a user's file. Validation returns these as data;
 * the CLI and the dashboard decide how to show them.
 */
export interface Problem {
  /** stable machine-readable code, e.g. "unknown-label" */
  code: string;
  /** the complete Dutch sentence for a user */
  message: string;
  file?: string;
  /** row as a spreadsheet user counts it (header row = 1) */
  row?: number;
  /** column header as it appears in the file */
  column?: string;
  /** path of a field in a structured file, e.g. "items[4].scale" */
  path?: string;
  /** the offending value as found */
  value?: string;
  /** what was expected instead */
  expected?: string;
  /** the likely fix, e.g. "bedoelde u 'Mee eens'?" */
  hint?: string;
}

export type Result<T> =
  | { ok: true; value: T; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

export function ok<T>(value: T, warnings: Problem[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T>(errors: Problem[], warnings: Problem[] = []): Result<T> {
  return { ok: false, errors, warnings };
}

/** Renders a field path as users read it: items[4].scale */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
