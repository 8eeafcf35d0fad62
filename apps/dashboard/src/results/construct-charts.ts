import { type Chart, classHeatmap, type HeatmapRow } from "@zaz/charts";
import type { Framework } from "@zaz/model";
import type { ConstructGroup, ConstructInfo, WaveGroup } from "@zaz/survey";
import { hiddenFields } from "./cells.js";
import type { ChangeRow } from "./change-heatmap.js";

/** A row of a heatmap: a groep of a school, or a school (in a wave) of a board. */
export interface LabeledGroup<G> {
  id: string;
  label: string;
  group: G;
}

export function constructsOf(constructs: readonly ConstructInfo[], framework: Framework): ConstructInfo[] {
  return constructs.filter((c) => c.framework === framework);
}

/** The scale range of a framework's constructs (Bakker 1–5, partnership forms 1–4). */
export function scaleRangeOf(constructs: readonly ConstructInfo[]): { min: number; max: number } {
  const scale = constructs.find((c) => c.scale !== null)?.scale;
  return { min: scale?.min ?? 1, max: scale?.max ?? 5 };
}

/** Heatmap of the means of one framework's constructs, one row per labelled group. */
export function constructHeatmap(input: {
  title: string;
  constructs: readonly ConstructInfo[];
  framework: Framework;
  rows: readonly LabeledGroup<ConstructGroup>[];
  /** the table's first column ("Groep" by default) */
  rowTitle?: string;
  /** screen-reader text; the builder's own summary speaks of groepen */
  description?: string;
}): Chart {
  const constructs = constructsOf(input.constructs, input.framework);
  const range = scaleRangeOf(constructs);
  const rows: HeatmapRow[] = input.rows.flatMap(({ id, label, group }) =>
    constructs.map((c) => {
      const cell = group.constructs[c.id];
      const base = {
        groep: id,
        groepLabel: label,
        construct: c.id,
        constructLabel: c.name,
        framework: input.framework,
      };
      return cell?.status === "shown"
        ? { ...base, mean: cell.value.mean, n: cell.n, suppressed: false }
        : { ...base, mean: null, n: null, ...hiddenFields(cell) };
    }),
  );
  const chart = classHeatmap({
    title: input.title,
    scaleMin: range.min,
    scaleMax: range.max,
    rows,
    ...(input.description === undefined ? {} : { description: input.description }),
  });
  if (input.rowTitle === undefined) return chart;
  const rowTitle = input.rowTitle;
  return {
    spec: chart.spec,
    table: {
      ...chart.table,
      columns: chart.table.columns.map((c) => (c.field === "groep" ? { ...c, title: rowTitle } : c)),
    },
  };
}

/** Rows of a change heatmap from a wave comparison's groups, for every comparable construct. */
export function changeRows(
  constructs: readonly ConstructInfo[],
  rows: readonly LabeledGroup<WaveGroup>[],
): ChangeRow[] {
  const ordered = [...constructsOf(constructs, "bakker"), ...constructsOf(constructs, "partnerschap")];
  return rows.flatMap(({ id, label, group }) =>
    ordered.map((c) => {
      const cell = group.constructs[c.id];
      const base = { row: id, rowLabel: label, construct: c.id, constructLabel: c.name };
      return cell?.status === "shown"
        ? {
            ...base,
            change: cell.value.change,
            previous: cell.value.previous.mean,
            current: cell.value.current.mean,
            n: cell.value.current.n,
            suppressed: false,
          }
        : { ...base, change: null, previous: null, current: null, n: null, ...hiddenFields(cell) };
    }),
  );
}
