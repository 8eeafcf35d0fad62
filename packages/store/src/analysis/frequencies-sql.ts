import type { MissingKind } from "@zaz/model";
import { grouping, groupKey, setsOf } from "./grouping-sql.js";
import { missingKindOf } from "./missing-code.js";
import type { Params } from "./params.js";
import { quoteIdent as q, type SqlDialect, sqlText } from "./sql-dialect.js";
import { col, type Needs, type ProjectionPlan, projectSelection } from "./table-projection.js";
import type { Frequency, FrequencyRequest, GroupFrequencies, Selection } from "./types.js";

/**
 * One pass over the selection: every response becomes a few (kind, id, value, missing) rows —
 * its construct scores, its answers, one row for itself — and these are counted per group. The
 * result is small (groups × scales × distinct values) however many responses there are, and it
 * holds everything the statistics need: n, mean, SD and median follow exactly from the frequencies.
 */
export function frequencyNeeds(request: FrequencyRequest): Needs {
  return {
    dims: [...new Set(request.groupingSets.flat())],
    constructs: request.constructs ?? [],
    items: request.items ?? [],
    texts: request.texts ?? [],
  };
}

export function frequenciesSql(
  plan: ProjectionPlan,
  selection: Selection,
  request: FrequencyRequest,
  dialect: SqlDialect,
  params: Params,
): string {
  const needs = frequencyNeeds(request);
  const g = grouping(request.groupingSets);
  const num = (expr: string) => `CAST(${expr} AS ${dialect.double})`;
  const small = (expr: string) => `CAST(${expr} AS SMALLINT)`;
  const text = (value: string) => `CAST(${sqlText(value)} AS VARCHAR)`;
  const rows: string[][] = [[text("r"), text(""), num("NULL"), small("NULL")]];
  for (const id of needs.constructs ?? [])
    rows.push([text("c"), text(id), `p.${q(col.construct(id))}`, small("NULL")]);
  for (const id of needs.items ?? []) {
    const codes = plan.choiceCodes.get(id);
    if (codes === undefined) {
      rows.push([text("i"), text(id), `p.${q(col.value(id))}`, small(`p.${q(col.missing(id))}`)]);
      continue;
    }
    rows.push([text("i"), text(id), num("NULL"), small(`p.${q(col.missing(id))}`)]);
    // respondents with at least one valid choice, then one row per chosen label
    rows.push([
      text("m"),
      text(id),
      `CASE WHEN p.${q(col.bits(id))} > 0 THEN ${num("1")} END`,
      small("NULL"),
    ]);
    codes.forEach((code, n) => {
      rows.push([
        text("i"),
        text(id),
        `CASE WHEN p.${q(col.choice(id, n))} = 1 THEN ${num(String(code))} END`,
        small("NULL"),
      ]);
    });
  }
  for (const id of needs.texts ?? [])
    rows.push([text("a"), text(id), `CASE WHEN p.${q(col.asked(id))} THEN ${num("1")} END`, small("NULL")]);
  const dims = g.dims.map((d) => q(col.dim(d)));
  const unpivoted = dialect.unpivot(
    projectSelection(plan, selection, needs, dialect, params),
    dims,
    ["kind", "id", "val", "miss"],
    rows,
  );
  return `SELECT ${g.gid}${dims.map((d) => `, u.${d}`).join("")}, u.kind, u.id, u.val, u.miss, count(*) AS n
FROM (${unpivoted}) u
WHERE u.kind = 'r' OR u.val IS NOT NULL OR u.miss IS NOT NULL
${g.groupBy(["u.kind", "u.id", "u.val", "u.miss"])}`;
}

interface Building {
  ref: GroupFrequencies;
  constructs: Record<string, Frequency[]>;
  items: Record<string, Frequency[]>;
  chose: Record<string, number>;
  asked: Record<string, number>;
  responses: number;
}

/** Result rows of frequenciesSql, gathered per group (in the order the groups first appear). */
export function readFrequencies(
  request: FrequencyRequest,
  rows: readonly Record<string, unknown>[],
): GroupFrequencies[] {
  const g = grouping(request.groupingSets);
  const groups = new Map<string, Building>();
  for (const row of rows) {
    for (const set of setsOf(request.groupingSets, g, Number(row.gid))) {
      const key = groupKey(request.groupingSets, set, row);
      const id = `${set}\u0000${JSON.stringify(key)}`;
      let group = groups.get(id);
      if (group === undefined) {
        group = {
          ref: { set, key } as unknown as GroupFrequencies,
          constructs: Object.fromEntries((request.constructs ?? []).map((c) => [c, []])),
          items: Object.fromEntries((request.items ?? []).map((i) => [i, []])),
          chose: {},
          asked: Object.fromEntries((request.texts ?? []).map((t) => [t, 0])),
          responses: 0,
        };
        groups.set(id, group);
      }
      const count = Number(row.n);
      const kind = String(row.kind);
      const item = String(row.id);
      const value = row.val === null || row.val === undefined ? null : Number(row.val);
      const missing: MissingKind | null =
        row.miss === null || row.miss === undefined ? null : missingKindOf(Number(row.miss));
      if (kind === "r") group.responses += count;
      else if (kind === "c") group.constructs[item]?.push({ value, missing: null, count });
      else if (kind === "i") group.items[item]?.push({ value, missing, count });
      else if (kind === "m") group.chose[item] = (group.chose[item] ?? 0) + count;
      else if (kind === "a") group.asked[item] = (group.asked[item] ?? 0) + count;
    }
  }
  return [...groups.values()].map((b) => ({
    set: b.ref.set,
    key: b.ref.key,
    responses: b.responses,
    constructs: b.constructs,
    items: b.items,
    chose: b.chose,
    asked: b.asked,
  }));
}
