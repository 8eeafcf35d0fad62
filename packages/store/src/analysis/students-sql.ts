import { grouping, groupKey, setsOf } from "./grouping-sql.js";
import type { Params } from "./params.js";
import { quoteIdent as q, type SqlDialect, sqlText } from "./sql-dialect.js";
import { col, type ProjectionPlan, projectSelection } from "./table-projection.js";
import type { GroupStudents, Selection, StudentRequest } from "./types.js";

/**
 * The distinct students behind each group and each of its values. Lists, not counts: suppression
 * must know how many students two hidden groups hold together, and a student can be in both.
 * One row per (group, value, student), from an unpivot the database can spill to disk, rather than
 * one DISTINCT aggregate per item (which holds a hash set per item and group in memory).
 */
export function studentsSql(
  plan: ProjectionPlan,
  selection: Selection,
  request: StudentRequest,
  dialect: SqlDialect,
  params: Params,
): string {
  const g = grouping(request.groupingSets);
  const needs = {
    dims: [...new Set([...g.dims, request.student])],
    constructs: request.constructs ?? [],
    answered: request.items ?? [],
  };
  const text = (value: string) => `CAST(${sqlText(value)} AS VARCHAR)`;
  const rows: string[][] = [
    [text("a"), text(""), "TRUE"],
    ...(request.constructs ?? []).map((id) => [text("c"), text(id), `p.${q(col.construct(id))} IS NOT NULL`]),
    ...(request.items ?? []).map((id) => [text("i"), text(id), `p.${q(col.answered(id))}`]),
  ];
  const dims = g.dims.map((d) => q(col.dim(d)));
  const student = q(col.dim(request.student));
  const keep = [...new Set([...dims, student])];
  const unpivoted = dialect.unpivot(
    projectSelection(plan, selection, needs, dialect, params),
    keep,
    ["kind", "id", "has"],
    rows,
  );
  return `SELECT ${g.gid}${dims.map((d) => `, u.${d}`).join("")}, u.kind, u.id, u.${student} AS student
FROM (${unpivoted}) u
WHERE u.has AND u.${student} IS NOT NULL AND u.${student} <> ''
${g.groupBy(["u.kind", "u.id", `u.${student}`])}`;
}

export function readStudents(
  request: StudentRequest,
  rows: readonly Record<string, unknown>[],
): GroupStudents[] {
  const g = grouping(request.groupingSets);
  const groups = new Map<
    string,
    {
      set: number;
      key: Record<string, string>;
      all: Set<string>;
      constructs: Map<string, Set<string>>;
      items: Map<string, Set<string>>;
    }
  >();
  for (const row of rows) {
    for (const set of setsOf(request.groupingSets, g, Number(row.gid))) {
      const key = groupKey(request.groupingSets, set, row);
      const id = `${set}\u0000${JSON.stringify(key)}`;
      let group = groups.get(id);
      if (group === undefined) {
        group = { set, key, all: new Set(), constructs: new Map(), items: new Map() };
        groups.set(id, group);
      }
      const student = String(row.student);
      const kind = String(row.kind);
      const item = String(row.id);
      const target = kind === "a" ? group.all : (kind === "c" ? group.constructs : group.items).get(item);
      if (target !== undefined) target.add(student);
      else (kind === "c" ? group.constructs : group.items).set(item, new Set([student]));
    }
  }
  const list = (s: Set<string> | undefined) => [...(s ?? [])].sort();
  return [...groups.values()].map((group) => ({
    set: group.set,
    key: group.key,
    all: list(group.all),
    constructs: Object.fromEntries(
      (request.constructs ?? []).map((id) => [id, list(group.constructs.get(id))]),
    ),
    items: Object.fromEntries((request.items ?? []).map((id) => [id, list(group.items.get(id))])),
  }));
}
