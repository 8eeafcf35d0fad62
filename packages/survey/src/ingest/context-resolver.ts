/**
 * A check of a response's context against something outside the export (the registry of schools
 * and boards): it may replace values (a name by its id) and add some (a school's board). Ingest
 * applies it to the flags once and to every row; problems name the row and column.
 */
export interface ContextResolver {
  resolve(context: Readonly<Record<string, string>>): ContextResolution;
}

export type ContextResolution =
  | { readonly ok: true; readonly context: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly issues: readonly ContextIssue[] };

export interface ContextIssue {
  /** the dimension whose value is wrong */
  readonly dimension: string;
  readonly code: string;
  readonly message: string;
  readonly value: string;
  readonly expected?: string;
  readonly hint?: string;
}
