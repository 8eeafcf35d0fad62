import type { MissingKind } from "@zaz/model";
import type { ReleaseMark } from "../release/release.js";

/**
 * What the database's aggregates give the analysis for one group: frequency tables, not responses.
 * A scale score or code is exact, so every statistic of the analysis follows exactly from them.
 */
export interface Frequency {
  /** a scale score, a code as answered, or a number; null for a missing value */
  readonly value: number | null;
  readonly missing: MissingKind | null;
  readonly count: number;
}

/** Distinct students behind a group's values (feedback on student teachers only). */
export interface GroupStudentSets {
  readonly all: ReadonlySet<string>;
  /** construct id → students of the respondents with a score */
  readonly constructs: Readonly<Record<string, ReadonlySet<string>>>;
  /** item id → students of the respondents with a valid answer */
  readonly items: Readonly<Record<string, ReadonlySet<string>>>;
}

export interface GroupData {
  /** the group's dimension values; "" where a response has none */
  readonly key: Readonly<Record<string, string>>;
  readonly responses: number;
  /** construct id → frequency of each scale score */
  readonly constructs: Readonly<Record<string, readonly Frequency[]>>;
  /** item id → frequency of each code (or number) and of each kind of missing value */
  readonly items: Readonly<Record<string, readonly Frequency[]>>;
  /** multiple-choice item id → respondents with at least one valid choice */
  readonly chose: Readonly<Record<string, number>>;
  /** free-text item id → responses that were asked it */
  readonly asked: Readonly<Record<string, number>>;
  readonly students: GroupStudentSets | null;
  /**
   * What the release (suppression over all views together, release/release.ts) hides of this
   * group; absent where the caller chose no release (the table's own rule alone).
   */
  readonly release?: ReleaseMark;
  /** the context values that selected this group's responses (for the release audit) */
  readonly definition?: Readonly<Record<string, string | readonly string[]>>;
  /** the instrument role of those responses (for the release audit) */
  readonly role?: string;
}

/** A grouping's data: the scope's total and its groups (in any order; the analysis arranges them). */
export interface GroupedData {
  readonly total: GroupData | undefined;
  readonly groups: readonly GroupData[];
  /**
   * Finer groups (e.g. each groep of each school) whose respondents resemble each other: intervals
   * of a row spanning several of them are widened by the design effect. Keys hold the row dimensions too.
   */
  readonly clusters?: readonly GroupData[];
}

export function emptyGroup(key: Readonly<Record<string, string>>, students: boolean): GroupData {
  return {
    key,
    responses: 0,
    constructs: {},
    items: {},
    chose: {},
    asked: {},
    students: students ? { all: new Set(), constructs: {}, items: {} } : null,
  };
}

/** The valid values of a frequency table, as (value, count) pairs. */
export function validValues(
  frequencies: readonly Frequency[] | undefined,
): { value: number; count: number }[] {
  return (frequencies ?? []).flatMap((f) => (f.value === null ? [] : [{ value: f.value, count: f.count }]));
}
