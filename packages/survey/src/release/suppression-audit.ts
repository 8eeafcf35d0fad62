import type { Definition } from "./release.js";

/** One value of a table after suppression: which responses it rests on, and whether it is shown. */
export interface AuditedValue {
  /** the instrument role of the responses */
  readonly role: string;
  /** the context values that select the group's responses */
  readonly definition: Definition;
  /** "n" for the count column, else the column's release key ("c:…", "i:…") */
  readonly column: string;
  readonly shown: boolean;
  readonly responses: number;
}

let observer: ((value: AuditedValue) => void) | null = null;

/**
 * Lets an audit see every value suppression decides on — the release audit in the tests collects
 * what a role can see this way. Returns a function that stops observing. Not for product code.
 */
export function observeSuppression(listener: (value: AuditedValue) => void): () => void {
  observer = listener;
  return () => {
    if (observer === listener) observer = null;
  };
}

export function reportSuppressed(value: AuditedValue): void {
  observer?.(value);
}
