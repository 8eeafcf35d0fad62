import type { MissingKind } from "@zaz/model";
import { grouping, groupKey, setsOf } from "./grouping-sql.js";
import { missingKindOf } from "./missing-code.js";
import { Params, type SqlValue } from "./params.js";
import { quoteIdent as q, type SqlDialect } from "./sql-dialect.js";
import { col, type Needs, type ProjectionPlan, projectSelection } from "./table-projection.js";
import type { Frequency, FrequencyRequest, GroupFrequencies, Selection } from "./types.js";

/**
 * One pass over the selection, counted per group and per value column: every construct score,
 * every item (its code or its kind of missing value), each label of a multiple-choice item, and
 * the responses themselves. The result is small (groups × scales × distinct values) however many
 * responses there are, and it holds everything the statistics need: n, mean, SD and median follow
 * exactly from it.
 */
export function frequencyNeeds(request: FrequencyRequest): Needs {
  return {
    dims: [...new Set(request.groupingSets.flat())],
    constructs: [...new Set(request.constructs ?? [])],
    items: [...new Set(request.items ?? [])],
    texts: [...new Set(request.texts ?? [])],
  };
}

/** What one value column counts: a construct's scores, an item's codes, a label, choosers or askees. */
export interface FrequencySlot {
  readonly kind: "c" | "i" | "m" | "a";
  readonly id: string;
  /** whether the slot also has a column of missing codes */
  readonly missing: boolean;
}

/** One statement of a frequency count, with its parameters and what its result rows hold. */
export interface FrequencyQuery {
  readonly sql: string;
  readonly values: readonly SqlValue[];
  /** the slots this statement counts: `slots[j]` is the value column s<j> (and m<j>, its missing codes) */
  readonly slots: readonly FrequencySlot[];
  /**
   * "histograms": one row per group with a map of counts per slot (h<j>, and hm<j> for missing codes);
   * "rows": one row per group, slot (-1 for the responses) and value
   */
  readonly shape: "histograms" | "rows";
  /** whether this statement's counts of responses are the groups' (one statement per request has them) */
  readonly responses: boolean;
}

export function frequenciesSql(
  plan: ProjectionPlan,
  selection: Selection,
  request: FrequencyRequest,
  dialect: SqlDialect,
): FrequencyQuery[] {
  const needs = frequencyNeeds(request);
  const g = grouping(request.groupingSets);
  const num = (expr: string) => `CAST(${expr} AS ${dialect.double})`;
  const slots: { slot: FrequencySlot; value: string; missing?: string }[] = [];
  const slot = (kind: FrequencySlot["kind"], id: string, value: string, missing?: string) => {
    slots.push({
      slot: { kind, id, missing: missing !== undefined },
      value,
      ...(missing === undefined ? {} : { missing: `CAST(${missing} AS SMALLINT)` }),
    });
  };
  for (const id of needs.constructs ?? []) slot("c", id, num(`p.${q(col.construct(id))}`));
  for (const id of needs.items ?? []) {
    const codes = plan.choiceCodes.get(id);
    if (codes === undefined) {
      slot("i", id, num(`p.${q(col.value(id))}`), `p.${q(col.missing(id))}`);
      continue;
    }
    slot("i", id, num("NULL"), `p.${q(col.missing(id))}`);
    // respondents with at least one valid choice, then one column per label: its code where chosen
    slot("m", id, `CASE WHEN p.${q(col.bits(id))} > 0 THEN ${num("1")} END`);
    codes.forEach((code, n) => {
      slot("i", id, `CASE WHEN p.${q(col.choice(id, n))} = 1 THEN ${num(String(code))} END`);
    });
  }
  for (const id of needs.texts ?? []) slot("a", id, `CASE WHEN p.${q(col.asked(id))} THEN ${num("1")} END`);
  const dims = g.dims.map((d) => q(col.dim(d)));

  /** one statement over the selection for these slots */
  const statement = (part: typeof slots, responses: boolean): FrequencyQuery => {
    const params = new Params();
    const columns = part.flatMap((s, j) => [
      `${s.value} AS s${j}`,
      ...(s.missing === undefined ? [] : [`${s.missing} AS m${j}`]),
    ]);
    const wide = `SELECT ${[...dims.map((d) => `p.${d}`), ...columns, "1 AS one"].join(", ")}
  FROM (${projectSelection(plan, selection, needs, dialect, params)}) p`;
    const histogram = dialect.histogram;
    const counted = part.map((s) => s.slot);
    if (histogram !== undefined) {
      // One hash table per grouping set, a count map per value column in it: no row is copied per
      // item, which an unpivot of 30 items at a million responses pays for several times over.
      const maps = part.flatMap((s, j) => [
        `${histogram(`w.s${j}`)} AS h${j}`,
        ...(s.missing === undefined ? [] : [`${histogram(`w.m${j}`)} AS hm${j}`]),
      ]);
      const sql = `SELECT ${[g.gid, ...dims.map((d) => `w.${d}`), "count(*) AS n", ...maps].join(", ")}
FROM (${wide}) w
${g.groupBy([])}`;
      return { sql, values: params.values, slots: counted, shape: "histograms", responses };
    }
    const rows = [
      ["-1", num("NULL"), "CAST(NULL AS SMALLINT)"],
      ...part.map((s, j) => [
        String(j),
        `p.s${j}`,
        s.missing === undefined ? "CAST(NULL AS SMALLINT)" : `p.m${j}`,
      ]),
    ];
    const unpivoted = dialect.unpivot(wide, dims, ["slot", "val", "miss"], rows);
    const sql = `SELECT ${g.gid}${dims.map((d) => `, u.${d}`).join("")}, u.slot, u.val, u.miss, count(*) AS n
FROM (${unpivoted}) u
WHERE u.slot = -1 OR u.val IS NOT NULL OR u.miss IS NOT NULL
${g.groupBy(["u.slot", "u.val", "u.miss"])}`;
    return { sql, values: params.values, slots: counted, shape: "rows", responses };
  };

  // An unpivot spills to disk and takes every slot in one statement.
  if (dialect.histogram === undefined) return [statement(slots, true)];
  const mapsPerStatement = dialect.mapsPerStatement ?? Number.POSITIVE_INFINITY;
  const parts: (typeof slots)[] = [[]];
  let maps = 0;
  for (const s of slots) {
    const size = s.missing === undefined ? 1 : 2;
    if (maps + size > mapsPerStatement && (parts.at(-1)?.length ?? 0) > 0) {
      parts.push([]);
      maps = 0;
    }
    parts.at(-1)?.push(s);
    maps += size;
  }
  return parts.map((part, i) => statement(part, i === 0));
}

interface Building {
  readonly set: number;
  readonly key: Readonly<Record<string, string>>;
  readonly constructs: Record<string, Frequency[]>;
  readonly items: Record<string, Frequency[]>;
  readonly chose: Record<string, number>;
  readonly asked: Record<string, number>;
  responses: number;
}

/** One count of a slot's value (or, with `missing`, of a kind of missing value) added to its group. */
function add(
  group: Building,
  slot: FrequencySlot,
  value: number | null,
  missing: MissingKind | null,
  count: number,
) {
  if (value === null && missing === null) return;
  const { kind, id } = slot;
  if (kind === "c") group.constructs[id]?.push({ value, missing: null, count });
  else if (kind === "i") group.items[id]?.push({ value, missing, count });
  else if (kind === "m") group.chose[id] = (group.chose[id] ?? 0) + count;
  else group.asked[id] = (group.asked[id] ?? 0) + count;
}

/** A histogram aggregate's map as the client returns it: entries of key and count. */
function entriesOf(map: unknown): [number, number][] {
  if (map === null || map === undefined) return [];
  const list: unknown[] = Array.isArray(map)
    ? map
    : Object.entries(map).map(([key, value]) => ({ key, value }));
  return list.flatMap((e) => {
    const { key, value } = e as { key: unknown; value: unknown };
    return key === null || key === undefined ? [] : [[Number(key), Number(value)] as [number, number]];
  });
}

/** Result rows of frequenciesSql, gathered per group (ordered by set and key). */
export function readFrequencies(
  request: FrequencyRequest,
  results: readonly { query: FrequencyQuery; rows: readonly Record<string, unknown>[] }[],
): GroupFrequencies[] {
  const g = grouping(request.groupingSets);
  const groups = new Map<string, Building>();
  const groupsOf = (row: Record<string, unknown>) =>
    setsOf(request.groupingSets, g, Number(row.gid)).map((set) => {
      const key = groupKey(request.groupingSets, set, row);
      const id = `${set}\u0000${JSON.stringify(key)}`;
      let group = groups.get(id);
      if (group === undefined) {
        group = {
          set,
          key,
          constructs: Object.fromEntries((request.constructs ?? []).map((c) => [c, []])),
          items: Object.fromEntries((request.items ?? []).map((i) => [i, []])),
          chose: {},
          asked: Object.fromEntries((request.texts ?? []).map((t) => [t, 0])),
          responses: 0,
        };
        groups.set(id, group);
      }
      return group;
    });
  for (const { query, rows } of results) {
    const { slots } = query;
    for (const row of rows) {
      for (const group of groupsOf(row)) readRow(query, slots, row, group);
    }
  }
  // In a fixed order, whatever order the database's threads gave: sums over these must come out
  // the same to the last bit every time (a view's numbers, its ETag, the CLI beside the dashboard).
  const sorted = (table: Record<string, Frequency[]>) =>
    Object.fromEntries(Object.entries(table).map(([id, fs]) => [id, [...fs].sort(byValue)]));
  return [...groups.values()]
    .sort((a, b) => a.set - b.set || compareKeys(a.key, b.key))
    .map((b) => ({
      set: b.set,
      key: b.key,
      responses: b.responses,
      constructs: sorted(b.constructs),
      items: sorted(b.items),
      chose: b.chose,
      asked: b.asked,
    }));
}

/** Values ascending, then the kinds of missing value by name. */
function byValue(a: Frequency, b: Frequency): number {
  if (a.value !== null && b.value !== null) return a.value - b.value;
  if (a.value !== null) return -1;
  if (b.value !== null) return 1;
  return (a.missing ?? "").localeCompare(b.missing ?? "");
}

function compareKeys(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): number {
  const x = JSON.stringify(Object.entries(a));
  const y = JSON.stringify(Object.entries(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

function readRow(
  query: FrequencyQuery,
  slots: readonly FrequencySlot[],
  row: Record<string, unknown>,
  group: Building,
): void {
  if (query.shape === "histograms") {
    if (query.responses) group.responses += Number(row.n);
    slots.forEach((slot, j) => {
      for (const [value, count] of entriesOf(row[`h${j}`])) add(group, slot, value, null, count);
      if (slot.missing)
        for (const [code, count] of entriesOf(row[`hm${j}`]))
          add(group, slot, null, missingKindOf(code), count);
    });
    return;
  }
  const count = Number(row.n);
  const slot = slots[Number(row.slot)];
  if (slot === undefined) {
    if (query.responses) group.responses += count;
    return;
  }
  const value = row.val === null || row.val === undefined ? null : Number(row.val);
  const missing = row.miss === null || row.miss === undefined ? null : missingKindOf(Number(row.miss));
  add(group, slot, value, missing, count);
}
