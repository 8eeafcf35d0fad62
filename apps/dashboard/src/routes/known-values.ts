import { z } from "zod";
import type { FilterOptions, Labeled } from "../results-service.js";

const maxValueLength = 200;

function isPrintable(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/**
 * A filter value (wave, groep, cohort, fase, gesprekssoort): any printable text of bounded length.
 * Its shape is not what makes it valid (a wave may be called "2025 najaar" or "najaar/2025"); it
 * must be one of the values that exist in the scope, checked by `unknownParameter`.
 */
export const filterValue = z.string().min(1).max(maxValueLength).refine(isPrintable);

/** A parameter to check: its name, the value asked for (none: not asked), the values that exist. */
export type Known = readonly [name: string, value: string | undefined, existing: readonly Labeled[]];

/** A parameter whose value does not exist: its name, the value and the values that do exist. */
export interface UnknownValue {
  readonly name: string;
  readonly value: string | undefined;
  /** names of the values that exist in the user's scope (none for an unknown scope) */
  readonly available: readonly string[];
}

/**
 * The first parameter whose value does not exist in the scope, or undefined when all do.
 * `options` undefined: the scope itself (school, board, opleiding) has no data. The options are
 * read once per scope and data version (filterOptions), so after the first request this check does
 * no database work, and a value that does not exist never reaches the views or their cache.
 */
export function unknownParameter(
  scope: string,
  options: FilterOptions | undefined,
  known: (options: FilterOptions) => readonly Known[],
): UnknownValue | undefined {
  if (options === undefined) return { name: scope, value: undefined, available: [] };
  for (const [name, value, existing] of known(options))
    if (value !== undefined && !existing.some((e) => e.id === value))
      return { name, value, available: existing.map((e) => e.id) };
  return undefined;
}
