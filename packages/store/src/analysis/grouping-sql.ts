import { quoteIdent as q } from "./sql-dialect.js";
import { col } from "./table-projection.js";
import type { GroupingSets } from "./types.js";

/**
 * GROUP BY GROUPING SETS over the g_ columns, and the GROUPING() bitmask that tells the sets apart
 * (a dimension's bit is 1 where it is rolled up). A NULL value in a grouped set means "no value",
 * which the results read as "".
 */
export interface Grouping {
  /** every dimension of any set, in a fixed order */
  readonly dims: readonly string[];
  /** SELECT expression of the set's bitmask, aliased gid */
  readonly gid: string;
  /** the GROUP BY clause, with `extra` columns grouped in every set */
  groupBy(extra: readonly string[]): string;
  /** the set index of a result row's bitmask */
  setOf(gid: number): number;
}

export function grouping(sets: GroupingSets): Grouping {
  const seen = new Set<string>();
  const unique: (readonly string[])[] = [];
  for (const set of sets) {
    const id = [...set].sort().join("\u0000");
    if (!seen.has(id)) unique.push(set);
    seen.add(id);
  }
  const dims = [...new Set(sets.flat())];
  const maskOf = (set: readonly string[]) =>
    dims.reduce((mask, d, i) => (set.includes(d) ? mask : mask | (1 << (dims.length - 1 - i))), 0);
  const masks = sets.map(maskOf);
  return {
    dims,
    gid: dims.length === 0 ? "0 AS gid" : `GROUPING(${dims.map((d) => q(col.dim(d))).join(", ")}) AS gid`,
    groupBy: (extra) => {
      const parts = unique.map((set) => `(${[...set.map((d) => q(col.dim(d))), ...extra].join(", ")})`);
      return `GROUP BY GROUPING SETS (${parts.join(", ")})`;
    },
    setOf: (gid) => masks.indexOf(gid),
  };
}

/** The group key of a result row: the set's dimensions with their values ("" for none). */
export function groupKey(
  sets: GroupingSets,
  set: number,
  row: Record<string, unknown>,
): Record<string, string> {
  const key: Record<string, string> = {};
  for (const d of sets[set] ?? []) {
    const value = row[col.dim(d)];
    key[d] = value === null || value === undefined ? "" : String(value);
  }
  return key;
}

/** Every set index a bitmask stands for (two requested sets can be the same set). */
export function setsOf(sets: GroupingSets, g: Grouping, gid: number): number[] {
  const first = g.setOf(gid);
  if (first < 0) return [];
  const target = [...(sets[first] ?? [])].sort().join("\u0000");
  return sets.flatMap((s, i) => ([...s].sort().join("\u0000") === target ? [i] : []));
}
