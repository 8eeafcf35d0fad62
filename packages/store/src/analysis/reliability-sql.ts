import type { Params } from "./params.js";
import { quoteIdent as q, type SqlDialect } from "./sql-dialect.js";
import { col, type ProjectionPlan, projectSelection } from "./table-projection.js";
import type { ReliabilityRequest, ReliabilitySums, Selection } from "./types.js";

/**
 * Per scale, over the responses that answered all its items (listwise): n, the item sums and the
 * sums of products of item pairs. Codes are whole numbers, so the sums are exact, and alpha, alpha
 * if an item is dropped and item–rest correlations all follow from them.
 */
export function reliabilitySql(
  plan: ProjectionPlan,
  selection: Selection,
  requests: readonly ReliabilityRequest[],
  dialect: SqlDialect,
  params: Params,
  student?: string,
): string {
  const needs = {
    scored: [...new Set(requests.flatMap((r) => r.items))],
    reliability: requests,
    ...(student === undefined ? {} : { dims: [student] }),
  };
  const columns = requests.flatMap((r, ri) => {
    const x = r.items.map((i) => `p.${q(col.scored(i))}`);
    const asked = `p.${q(col.reliable(r.construct))}`;
    const complete = `${asked} AND ${x.map((v) => `${v} IS NOT NULL`).join(" AND ")}`;
    const out = [
      `count(*) FILTER (WHERE ${complete}) AS ${q(`n${ri}`)}`,
      `count(*) FILTER (WHERE ${asked} AND NOT (${complete})) AS ${q(`x${ri}`)}`,
      ...x.map((v, i) => `sum(CASE WHEN ${complete} THEN ${v} END) AS ${q(`s${ri}_${i}`)}`),
      ...(student === undefined
        ? []
        : [`${dialect.distinctList(`p.${q(col.dim(student))}`, complete)} AS ${q(`st${ri}`)}`]),
    ];
    for (let i = 0; i < x.length; i++)
      for (let j = i; j < x.length; j++)
        out.push(`sum(CASE WHEN ${complete} THEN ${x[i]} * ${x[j]} END) AS ${q(`p${ri}_${i}_${j}`)}`);
    return out;
  });
  if (columns.length === 0) return "SELECT 1 AS one WHERE FALSE";
  return `SELECT ${columns.join(",\n  ")}
FROM (${projectSelection(plan, selection, needs, dialect, params)}) p`;
}

export function readReliability(
  requests: readonly ReliabilityRequest[],
  row: Record<string, unknown> | undefined,
  student?: string,
): ReliabilitySums[] {
  const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return requests.map((r, ri) => {
    const k = r.items.length;
    const products: number[] = [];
    for (let i = 0; i < k; i++) for (let j = i; j < k; j++) products.push(num(row?.[`p${ri}_${i}_${j}`]));
    return {
      construct: r.construct,
      n: num(row?.[`n${ri}`]),
      excluded: num(row?.[`x${ri}`]),
      sums: r.items.map((_, i) => num(row?.[`s${ri}_${i}`])),
      products,
      students: student === undefined ? null : studentList(row?.[`st${ri}`]),
    };
  });
}

function studentList(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [];
  return list
    .filter((v) => v !== null && v !== "")
    .map(String)
    .sort();
}
