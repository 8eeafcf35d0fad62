import type { GroupData, GroupedData } from "./group-data.js";
import { arrangeGroups, type GroupKey, type GroupPlan, totalOf } from "./group-plan.js";

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
  /** the group's own data, for values derived after suppression (e.g. response rates) */
  readonly data: GroupData;
}

export interface RawTable<T> {
  readonly total: RawRow<T>;
  readonly groups: readonly RawRow<T>[];
  /** a column's key in the release ("c:" construct, "i:" item), to find what the release hides */
  readonly releaseKey: (column: string) => string;
}

/** How a table's columns are named: construct ids, item ids, or already prefixed ("c:…", "i:…"). */
export type ColumnKind = "construct" | "item" | "prefixed";

const releaseKeys: Readonly<Record<ColumnKind, (column: string) => string>> = {
  construct: (c) => `c:${c}`,
  item: (c) => `i:${c}`,
  prefixed: (c) => c,
};

/** What a column computes for one group: the value and how many responses (and which students) it rests on. */
export interface ColumnValue<T> {
  readonly responses: number;
  readonly students: ReadonlySet<string> | null;
  readonly value: T | null;
}

export function rawCell<T>(column: ColumnValue<T>): RawCell<T> {
  return {
    responses: column.responses,
    students: column.students,
    value: column.responses === 0 ? null : column.value,
  };
}

/** Computes every column for the scope's total and for each group, in report order. */
export function buildRawTable<T>(
  plan: GroupPlan,
  data: GroupedData,
  columns: readonly string[],
  compute: (group: GroupData, column: string, key: GroupKey) => ColumnValue<T>,
  kind: ColumnKind,
): RawTable<T> {
  const row = (key: GroupKey, group: GroupData): RawRow<T> => {
    const cells = new Map<string, RawCell<T>>();
    for (const column of columns) cells.set(column, rawCell(compute(group, column, key)));
    const count: RawCell<number> = {
      responses: group.responses,
      students: group.students?.all ?? null,
      value: group.responses,
    };
    return { key, count, columns: cells, data: group };
  };
  return {
    total: row(plan.scope, totalOf(plan, data)),
    groups: arrangeGroups(plan, data).map((g) => row(g.key, g.data)),
    releaseKey: releaseKeys[kind],
  };
}
