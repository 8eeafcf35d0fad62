import { type ResponseRateRow, responseRate } from "@zaz/charts";
import type { ConstructGroup, ConstructTable } from "@zaz/survey";
import { countCell, hiddenCell, percentCell } from "../cells.js";
import { viewMessages as msg } from "../messages.js";
import type { Cell, Section } from "../view.js";
import { hiddenFields } from "./chart-rows.js";
import { groupLabel } from "./construct-matrix.js";
import { toChart } from "./to-chart.js";

/** A group's response rate as a cell: the share with its n and Wilson interval, or why it is hidden. */
export function rateCell(group: ConstructGroup, k: number): Cell {
  const rate = group.responseRate;
  if (rate.status !== "shown") return hiddenCell(rate, k);
  return percentCell(rate.value.rate, rate.n, rate.value.ci);
}

/** Chart rows of response rates; a rate above 1 (an incomplete roster) is drawn as full. */
export function rateRows(
  rows: readonly { id: string; label: string; group: ConstructGroup }[],
): ResponseRateRow[] {
  return rows.map(({ id, label, group }) => {
    const rate = group.responseRate;
    return rate.status === "shown"
      ? {
          groep: id,
          groepLabel: label,
          responses: rate.n,
          families: rate.value.families,
          rate: Math.min(1, rate.value.rate),
        }
      : { groep: id, groepLabel: label, responses: null, families: null, rate: null, ...hiddenFields(rate) };
  });
}

/** Responses per group beside the families on the roster, with the rate and its Wilson interval. */
export function responseSection(
  table: ConstructTable,
  groups: readonly ConstructGroup[],
  k: number,
  text: { heading: string; intro: string; rowTitle: string; id?: string },
): Section {
  const rows = [...groups, table.total].map((g, i) => ({
    groep: i === groups.length ? msg.total : groupLabel(g.key),
    n: countCell(g.responses, k),
    gezinnen: g.responseRate.status === "shown" ? g.responseRate.value.families : null,
    respons: rateCell(g, k),
  }));
  const chart = responseRate({
    title: text.heading,
    rows: rateRows(
      groups.map((g) => ({ id: g.key.map((l) => l.code).join("-"), label: groupLabel(g.key), group: g })),
    ),
  });
  const rowTitle = text.rowTitle;
  return {
    id: text.id ?? "respons",
    heading: text.heading,
    intro: text.intro,
    tables: [
      {
        id: text.id ?? "respons",
        caption: text.heading,
        columns: [
          { key: "groep", title: rowTitle },
          { key: "n", title: "ingevuld", align: "right" },
          { key: "gezinnen", title: "gezinnen", align: "right" },
          { key: "respons", title: "respons", align: "right" },
        ],
        rows,
        notes: [msg.legendHidden(k)],
      },
    ],
    charts: [
      toChart(`${text.id ?? "respons"}-grafiek`, {
        spec: chart.spec,
        table: {
          ...chart.table,
          columns: chart.table.columns.map((c) => (c.field === "groep" ? { ...c, title: rowTitle } : c)),
        },
      }),
    ],
  };
}
