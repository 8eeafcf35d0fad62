import type { ConstructInfo, ConstructTable, GroupKey } from "@zaz/survey";
import { meanCell } from "../cells.js";
import { viewMessages as msg } from "../messages.js";
import type { CellValue, Table } from "../view.js";
import { shortLabel } from "./short-label.js";

export function groupLabel(key: GroupKey): string {
  return key.map((g) => g.label).join(", ");
}

/** Groups as rows, constructs as columns: "3,8 (12)" — the mean and the n it rests on — or why it is hidden. */
export function constructMatrix(
  table: ConstructTable,
  constructs: readonly ConstructInfo[],
  k: number,
  options: {
    id: string;
    caption: string;
    rowTitle: string;
    total?: boolean;
    rows?: ConstructTable["groups"];
  },
): Table {
  const base = options.rows ?? table.groups;
  const groups = options.total === false ? base : [...base, table.total];
  const rows = groups.map((g, i) => {
    const row: Record<string, CellValue> = { groep: i === base.length ? msg.total : groupLabel(g.key) };
    for (const c of constructs) row[c.id] = meanCell(g.constructs[c.id], k);
    return row;
  });
  const small = groups.some((g) =>
    constructs.some((c) => {
      const cell = g.constructs[c.id];
      return cell?.status === "shown" && cell.value.smallN;
    }),
  );
  const deff =
    options.total !== false &&
    constructs.some((c) => {
      const cell = table.total.constructs[c.id];
      return cell?.status === "shown" && (cell.value.designEffect?.deff ?? 1) > 1;
    });
  return {
    id: options.id,
    caption: options.caption,
    columns: [
      { key: "groep", title: options.rowTitle, wrap: true },
      ...constructs.map((c) => ({ key: c.id, title: shortLabel(c), align: "right" as const })),
    ],
    rows,
    notes: [
      msg.legendMean,
      ...constructs.map((c) => `${shortLabel(c)}: ${c.name}`),
      msg.legendHidden(k),
      ...(small ? [msg.legendSmall] : []),
      ...(deff ? [msg.legendDesignEffect] : []),
    ],
  };
}
