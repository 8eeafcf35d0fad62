import type { SurveyResponse } from "@zaz/model";
import type { GroupKey, Partition } from "./grouping.js";

// Unsuppressed intermediate results. Internal to the analysis: nothing here is exported from the
// package, and every exported function turns these into Cells through suppress.ts.

/** A value with the responses (and students) behind it. `value` is null when nobody contributed. */
export interface RawCell<T> {
  readonly responses: number;
  readonly students: ReadonlySet<string> | null;
  readonly value: T | null;
}

export interface RawRow<T> {
  readonly key: GroupKey;
  /** all responses of the group: the n-only cell (response count, response rate) */
  readonly count: RawCell<number>;
  readonly columns: ReadonlyMap<string, RawCell<T>>;
}

export interface RawTable<T> {
  readonly total: RawRow<T>;
  readonly groups: readonly RawRow<T>[];
}

/** What a column computes for one group: the value, and which responses it rests on. */
export interface ColumnValue<T> {
  readonly contributors: readonly SurveyResponse[];
  readonly value: T | null;
}

export function rawCell<T>(
  contributors: readonly SurveyResponse[],
  studentDimension: string | null,
  value: T | null,
): RawCell<T> {
  let students: Set<string> | null = null;
  if (studentDimension !== null) {
    students = new Set();
    for (const r of contributors) {
      const s = r.context[studentDimension];
      if (s !== undefined && s !== "") students.add(s);
    }
  }
  return { responses: contributors.length, students, value: contributors.length === 0 ? null : value };
}

/** Computes every column for the scope's total and for each group. */
export function buildRawTable<T>(
  part: Partition,
  columns: readonly string[],
  compute: (responses: readonly SurveyResponse[], column: string) => ColumnValue<T>,
): RawTable<T> {
  const row = (key: GroupKey, responses: readonly SurveyResponse[]): RawRow<T> => {
    const cells = new Map<string, RawCell<T>>();
    for (const column of columns) {
      const { contributors, value } = compute(responses, column);
      cells.set(column, rawCell(contributors, part.studentDimension, value));
    }
    return { key, count: rawCell(responses, part.studentDimension, responses.length), columns: cells };
  };
  return { total: row(part.scope, part.total), groups: part.groups.map((g) => row(g.key, g.responses)) };
}
