import type { ConstructInfo, ConstructTable } from "@zaz/survey";
import { meanCell } from "./format-cell.js";
import { reportMessages as msg } from "./messages.js";
import type { ReportTable, ReportValue } from "./report.js";
import { shortLabel } from "./short-label.js";

export function groupLabel(key: ConstructTable["groups"][number]["key"]): string {
  return key.map((g) => g.label).join(", ");
}

/** Groups as rows, constructs as columns: "3,8 (12)" — the mean and the n it rests on — or why it is hidden. */
export function constructMatrix(
  table: ConstructTable,
  constructs: readonly ConstructInfo[],
  k: number,
  options: { id: string; caption: string; rowTitle: string; total?: boolean },
): ReportTable {
  const groups = options.total === false ? table.groups : [...table.groups, table.total];
  const rows = groups.map((g, i) => {
    const row: Record<string, ReportValue> = {
      groep: i === table.groups.length ? msg.total : groupLabel(g.key),
    };
    for (const c of constructs) {
      const cell = g.constructs[c.id];
      row[c.id] = cell === undefined ? null : meanCell(cell, k, (v) => ({ mean: v.mean, ci: v.ci }));
    }
    return row;
  });
  return {
    id: options.id,
    caption: options.caption,
    columns: [
      { key: "groep", title: options.rowTitle, wrap: true },
      ...constructs.map((c) => ({ key: c.id, title: shortLabel(c), align: "right" as const })),
    ],
    rows,
    notes: [msg.legendMean, ...constructs.map((c) => `${shortLabel(c)}: ${c.name}`), msg.legendHidden(k)],
  };
}
