import type { Problem } from "./problem.js";

/** Problems of one kind in one column: one line for a user instead of one per cell. */
export interface ProblemGroup {
  code: string;
  file?: string;
  column?: string;
  /** how many problems the group holds */
  count: number;
  /** the first problem found: its message, value, expected and hint stand for the group */
  first: Problem;
  /** rows of the first `rowsShown` problems, in the order found */
  rows: number[];
}

/**
 * Groups problems per (file, code, column), in the order each group was first met, so that 44
 * warnings about one column do not bury the one real error. Problems without a row (about the
 * whole file or a header) stay on their own: they are not repeats of each other. The one place
 * for this grouping: ingest, validate and the dashboard all use it.
 */
export function groupProblems(problems: readonly Problem[], rowsShown = 3): ProblemGroup[] {
  const groups: ProblemGroup[] = [];
  const byKey = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = p.row === undefined ? undefined : JSON.stringify([p.file ?? "", p.code, p.column ?? ""]);
    const existing = key === undefined ? undefined : byKey.get(key);
    if (existing !== undefined) {
      existing.count++;
      if (p.row !== undefined && existing.rows.length < rowsShown) existing.rows.push(p.row);
      continue;
    }
    const group: ProblemGroup = {
      code: p.code,
      ...(p.file === undefined ? {} : { file: p.file }),
      ...(p.column === undefined ? {} : { column: p.column }),
      count: 1,
      first: p,
      rows: p.row === undefined || rowsShown < 1 ? [] : [p.row],
    };
    groups.push(group);
    if (key !== undefined) byKey.set(key, group);
  }
  return groups;
}
