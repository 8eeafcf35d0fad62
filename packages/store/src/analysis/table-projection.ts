import {
  type AnalysisTable,
  constructItems,
  constructOf,
  constructSources,
  factsItemOf,
  itemOf,
  scoredCodes,
} from "./analysis-table.js";
import { dimensionSql } from "./derived-dimension.js";
import type { Params } from "./params.js";
import { quoteIdent as q, type SqlDialect, sqlNumber, sqlText } from "./sql-dialect.js";
import type { ReliabilityRequest, Selection } from "./types.js";

/**
 * One analysis table as the rows of a query: every response of the selection with, per response,
 * the columns a query asks for — all in one fixed order, so the tables of several instrument
 * versions can be combined with UNION ALL.
 *
 *   g_<dim>   the dimension's value
 *   c_<id>    the construct's scale score: the mean of the valid answers to its items, reverse-coded
 *             items flipped; NULL with fewer valid answers than the construct's minValid
 *   v_<id>    the item's code as answered (or its number), where valid and asked
 *   k_<id>    the item's missing code (< 0), where missing and asked
 *   b_<id>    a multiple-choice item's chosen label positions as bits, where asked
 *   a_<id>    whether the response was asked the (free-text) item
 *   q_<id>    the item's code as scored (reverse-coded items flipped), where valid and asked
 * "Asked": an item in a section that applies only to some conversations counts only there.
 */
export interface Needs {
  readonly dims?: readonly string[];
  readonly constructs?: readonly string[];
  readonly items?: readonly string[];
  readonly texts?: readonly string[];
  readonly scored?: readonly string[];
  /** h_<id>: whether the response gave the item a valid answer (where asked) */
  readonly answered?: readonly string[];
  /** the response's id, as rid */
  readonly responseId?: boolean;
  /** per scale: r_<construct>, whether the response counts for its reliability (see reliability-sql.ts) */
  readonly reliability?: readonly ReliabilityRequest[];
}

export const col = {
  dim: (id: string) => `g_${id}`,
  construct: (id: string) => `c_${id}`,
  value: (id: string) => `v_${id}`,
  missing: (id: string) => `k_${id}`,
  bits: (id: string) => `b_${id}`,
  asked: (id: string) => `a_${id}`,
  scored: (id: string) => `q_${id}`,
  reliable: (id: string) => `r_${id}`,
  answered: (id: string) => `h_${id}`,
  /** a multiple-choice item's label with code number `n` in the plan's list of its codes: 1 when chosen */
  choice: (id: string, n: number) => `x_${id}_${n}`,
};

/** What the projections of all tables share: who scores which construct, and every code of each multiple-choice item. */
export interface ProjectionPlan {
  readonly tables: readonly AnalysisTable[];
  readonly sources: ReadonlyMap<string, ReadonlySet<number>>;
  readonly choiceCodes: ReadonlyMap<string, readonly number[]>;
}

export function planProjection(tables: readonly AnalysisTable[], needs: Needs): ProjectionPlan {
  const sources = new Map((needs.constructs ?? []).map((id) => [id, constructSources(tables, id)]));
  const choiceCodes = new Map<string, number[]>();
  for (const id of needs.items ?? []) {
    const codes: number[] = [];
    for (const table of tables) {
      const facts = factsItemOf(table, id);
      if (facts?.kind !== "multiple") continue;
      for (const code of facts.codes) if (!codes.includes(code)) codes.push(code);
    }
    if (codes.length > 0) choiceCodes.set(id, codes);
  }
  return { tables, sources, choiceCodes };
}

/** WHERE condition on the facts alias `f`: complete imports only, and the selection's dimension values. */
export function selectionCondition(table: AnalysisTable, selection: Selection, params: Params): string {
  const conditions = ["f.import_id NOT IN (SELECT id FROM imports WHERE pending)"];
  for (const [dimension, wanted] of Object.entries(selection.where ?? {})) {
    const values: readonly string[] = typeof wanted === "string" ? [wanted] : wanted;
    const column = dimensionSql(table, dimension, selection.derived);
    if (column === null || values.length === 0) return "FALSE";
    conditions.push(`${column} IN (${values.map((v) => params.add(v)).join(", ")})`);
  }
  return conditions.join(" AND ");
}

/** SQL: whether the response was asked the item (its section's condition on the context). */
function askedSql(table: AnalysisTable, itemId: string): string {
  const item = itemOf(table, itemId);
  if (item === undefined) return "FALSE";
  const section =
    item.section === undefined ? undefined : table.instrument.sections.find((s) => s.id === item.section);
  const when = section?.appliesWhen;
  if (when === undefined) return "TRUE";
  const column = table.layout.dimensions.find((d) => d.id === when.dimension)?.column;
  if (column === undefined) return "FALSE";
  return `(f.${q(column)} IS NOT NULL AND f.${q(column)} IN (${when.values.map(sqlText).join(", ")}))`;
}

/** SQL mapping a label position to a number: arithmetic where the numbers step evenly, else a CASE. */
function byPosition(position: string, values: readonly number[]): string {
  const [first, second] = values;
  if (first === undefined) return "NULL";
  const step = second === undefined ? 0 : second - first;
  if (values.every((v, i) => v === first + step * i))
    return step === 0 ? sqlNumber(first) : `(${sqlNumber(first)} + ${sqlNumber(step)} * ${position})`;
  return `CASE ${position} ${values.map((v, i) => `WHEN ${i} THEN ${sqlNumber(v)}`).join(" ")} END`;
}

/** The projection of one table, as `SELECT … FROM facts_<key> f WHERE …`. */
export function projectTable(
  table: AnalysisTable,
  selection: Selection,
  needs: Needs,
  plan: ProjectionPlan,
  dialect: SqlDialect,
  params: Params,
): string {
  const inner: string[] = [];
  const outer: string[] = [];
  for (const id of needs.dims ?? []) {
    const column = dimensionSql(table, id, selection.derived);
    inner.push(`${column ?? "CAST(NULL AS VARCHAR)"} AS ${q(col.dim(id))}`);
    outer.push(q(col.dim(id)));
  }

  // Scored codes of every item a construct or the caller needs; computed once, read by name.
  const scoredIds = new Set(needs.scored ?? []);
  const scoring = new Map<string, string[]>();
  for (const id of needs.constructs ?? []) {
    if (!plan.sources.get(id)?.has(table.key)) continue;
    const items = constructItems(table, id).map((i) => i.id);
    scoring.set(id, items);
    for (const item of items) scoredIds.add(item);
  }
  const scoredInner = new Set<string>();
  for (const id of scoredIds) {
    const item = itemOf(table, id);
    const facts = factsItemOf(table, id);
    const codes = item === undefined ? null : scoredCodes(table, item);
    if (item === undefined || facts?.kind !== "choice" || codes === null) continue;
    const column = `f.${q(facts.column)}`;
    inner.push(
      `CASE WHEN ${askedSql(table, id)} AND ${column} >= 0 THEN ${byPosition(column, codes)} END AS ${q(col.scored(id))}`,
    );
    scoredInner.add(id);
  }
  for (const id of needs.constructs ?? []) {
    const items = (scoring.get(id) ?? []).filter((i) => scoredInner.has(i));
    const construct = constructOf(table, id);
    if (items.length === 0 || construct === undefined) {
      outer.push(`CAST(NULL AS ${dialect.double}) AS ${q(col.construct(id))}`);
      continue;
    }
    const count = items.map((i) => `CASE WHEN ${q(col.scored(i))} IS NULL THEN 0 ELSE 1 END`).join(" + ");
    const sum = items.map((i) => `coalesce(${q(col.scored(i))}, 0)`).join(" + ");
    outer.push(
      `CASE WHEN (${count}) >= ${Math.max(1, construct.minValid)}
        THEN CAST(${sum} AS ${dialect.double}) / (${count}) END AS ${q(col.construct(id))}`,
    );
  }

  for (const id of needs.items ?? []) {
    const facts = factsItemOf(table, id);
    const asked = askedSql(table, id);
    const column = facts === undefined ? "" : `f.${q(facts.column)}`;
    const missing = q(col.missing(id));
    const codes = plan.choiceCodes.get(id);
    if (codes !== undefined) {
      // Multiple choice: the chosen labels as bits, decoded per code of the plan (versions may differ).
      const own = facts?.kind === "multiple";
      inner.push(
        own
          ? `CASE WHEN ${asked} AND ${column} < 0 THEN ${column} END AS ${missing}`
          : `CAST(NULL AS SMALLINT) AS ${missing}`,
        own
          ? `CASE WHEN ${asked} AND ${column} > 0 THEN ${column} END AS ${q(col.bits(id))}`
          : `CAST(NULL AS BIGINT) AS ${q(col.bits(id))}`,
      );
      outer.push(missing, q(col.bits(id)));
      codes.forEach((code, n) => {
        const position = own ? facts.codes.indexOf(code) : -1;
        const alias = q(col.choice(id, n));
        inner.push(
          position < 0
            ? `CAST(NULL AS SMALLINT) AS ${alias}`
            : `CASE WHEN ${asked} AND ${column} > 0 AND (${column} & (CAST(1 AS BIGINT) << ${position})) <> 0 THEN 1 END AS ${alias}`,
        );
        outer.push(alias);
      });
      continue;
    }
    const value = q(col.value(id));
    if (facts?.kind === "choice") {
      inner.push(
        `CASE WHEN ${asked} AND ${column} >= 0 THEN CAST(${byPosition(column, facts.codes)} AS ${dialect.double}) END AS ${value}`,
        `CASE WHEN ${asked} AND ${column} < 0 THEN ${column} END AS ${missing}`,
      );
    } else if (facts?.kind === "number") {
      inner.push(
        `CASE WHEN ${asked} THEN f.${q(facts.column)} END AS ${value}`,
        `CASE WHEN ${asked} AND f.${q(facts.column)} IS NULL THEN f.${q(facts.missingColumn)} END AS ${missing}`,
      );
    } else {
      inner.push(`CAST(NULL AS ${dialect.double}) AS ${value}`, `CAST(NULL AS SMALLINT) AS ${missing}`);
    }
    outer.push(value, missing);
  }
  for (const id of needs.answered ?? []) {
    const facts = factsItemOf(table, id);
    const asked = askedSql(table, id);
    const column = facts === undefined ? "" : `f.${q(facts.column)}`;
    const valid =
      facts === undefined
        ? "FALSE"
        : facts.kind === "choice"
          ? `(${asked} AND ${column} >= 0)`
          : facts.kind === "multiple"
            ? `(${asked} AND ${column} > 0)`
            : `(${asked} AND ${column} IS NOT NULL)`;
    inner.push(`coalesce(${valid}, FALSE) AS ${q(col.answered(id))}`);
    outer.push(q(col.answered(id)));
  }
  for (const id of needs.texts ?? []) {
    inner.push(
      // any item: free text is also kept beside the "Anders" code of a choice item
      `${itemOf(table, id) === undefined ? "FALSE" : askedSql(table, id)} AS ${q(col.asked(id))}`,
    );
    outer.push(q(col.asked(id)));
  }
  for (const id of needs.scored ?? []) {
    if (!scoredInner.has(id)) inner.push(`CAST(NULL AS INTEGER) AS ${q(col.scored(id))}`);
    outer.push(q(col.scored(id)));
  }
  for (const request of needs.reliability ?? []) {
    // Only an instrument with every item of the scale, in that scale, is comparable; a response
    // counts when it was asked at least one of them.
    const own = new Set(constructItems(table, request.construct).map((i) => i.id));
    const comparable =
      request.items.length > 0 && request.items.every((i) => own.has(i) && scoredInner.has(i));
    const asked = comparable ? `(${request.items.map((i) => askedSql(table, i)).join(" OR ")})` : "FALSE";
    inner.push(`${asked} AS ${q(col.reliable(request.construct))}`);
    outer.push(q(col.reliable(request.construct)));
  }
  if (needs.responseId === true) {
    inner.push("f.response_id AS rid");
    outer.push("rid");
  }
  if (inner.length === 0) inner.push("1 AS one");
  if (outer.length === 0) outer.push("1 AS one");
  return `SELECT ${outer.join(", ")} FROM (
  SELECT ${inner.join(",\n    ")}
  FROM ${q(table.layout.table)} f
  WHERE ${selectionCondition(table, selection, params)}
) t`;
}

/** Every table of the selection projected alike and combined: the rows of one query. */
export function projectSelection(
  plan: ProjectionPlan,
  selection: Selection,
  needs: Needs,
  dialect: SqlDialect,
  params: Params,
): string {
  if (plan.tables.length === 0) return `SELECT * FROM (${emptyProjection(needs, dialect)}) e WHERE FALSE`;
  return plan.tables
    .map((t) => projectTable(t, selection, needs, plan, dialect, params))
    .join("\nUNION ALL\n");
}

function emptyProjection(needs: Needs, dialect: SqlDialect): string {
  const columns = [
    ...(needs.dims ?? []).map((id) => `CAST(NULL AS VARCHAR) AS ${q(col.dim(id))}`),
    ...(needs.constructs ?? []).map((id) => `CAST(NULL AS ${dialect.double}) AS ${q(col.construct(id))}`),
    ...(needs.items ?? []).flatMap((id) => [
      `CAST(NULL AS ${dialect.double}) AS ${q(col.value(id))}`,
      `CAST(NULL AS SMALLINT) AS ${q(col.missing(id))}`,
    ]),
    ...(needs.answered ?? []).map((id) => `FALSE AS ${q(col.answered(id))}`),
    ...(needs.texts ?? []).map((id) => `FALSE AS ${q(col.asked(id))}`),
    ...(needs.scored ?? []).map((id) => `CAST(NULL AS INTEGER) AS ${q(col.scored(id))}`),
    ...(needs.reliability ?? []).map((r) => `FALSE AS ${q(col.reliable(r.construct))}`),
    ...(needs.responseId === true ? ["CAST(NULL AS BIGINT) AS rid"] : []),
  ];
  return `SELECT ${columns.length === 0 ? "1 AS one" : columns.join(", ")}`;
}
