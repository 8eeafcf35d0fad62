import { type ChangeRow, changeHeatmap } from "@zaz/charts";
import type { ConstructInfo, WaveComparison, WaveGroup } from "@zaz/survey";
import { changeCell, hiddenCell, numberCell } from "../cells.js";
import { formatNumber } from "../format.js";
import { viewMessages as msg } from "../messages.js";
import type { Cell, CellValue, Section } from "../view.js";
import { hiddenFields } from "./chart-rows.js";
import { groupLabel } from "./construct-matrix.js";
import { constructGroups } from "./framework.js";
import { shortLabel } from "./short-label.js";
import { toChart } from "./to-chart.js";

function meanWithN(mean: number, n: number): Cell {
  return { ...numberCell(mean, n), text: `${formatNumber(mean)} (${n})` };
}

/** The change of each construct between two waves, for the scope and per group. */
export function changeSection(
  change: WaveComparison,
  groups: readonly WaveGroup[],
  k: number,
  text: { rowTitle: string; groupCaption: string },
): Section {
  const constructs: readonly ConstructInfo[] = change.constructs;
  const rows = constructs.map((c) => {
    const cell = change.total.constructs[c.id];
    if (cell?.status !== "shown") {
      const hidden = hiddenCell(cell, k);
      return { construct: c.name, vorige: hidden, nu: hidden, verschil: hidden };
    }
    const v = cell.value;
    return {
      construct: c.name,
      vorige: meanWithN(v.previous.mean, v.previous.n),
      nu: meanWithN(v.current.mean, v.current.n),
      verschil: changeCell(v.change, cell.n, v.ci, { interval: "text" }),
    } satisfies Record<string, CellValue>;
  });
  const first = constructGroups(constructs)[0]?.constructs ?? [];
  const groepRows = groups.map((g) => {
    const row: Record<string, CellValue> = { groep: groupLabel(g.key) };
    for (const c of first) {
      const cell = g.constructs[c.id];
      row[c.id] =
        cell?.status !== "shown" ? hiddenCell(cell, k) : changeCell(cell.value.change, cell.n, cell.value.ci);
    }
    return row;
  });
  return {
    id: "verandering",
    heading: `Verandering sinds ${change.previous.label}`,
    intro: `Verschil tussen meting ${change.current.label} en ${change.previous.label} (nu − vorige), met 95%-interval (Welch). Alleen items die in beide metingen hetzelfde zijn tellen mee${change.notComparable.length > 0 ? `; niet vergelijkbaar: ${change.notComparable.join(", ")}` : ""}.`,
    tables: [
      {
        id: "verandering-totaal",
        caption: "Verandering in het geheel",
        columns: [
          { key: "construct", title: "schaal", wrap: true },
          { key: "vorige", title: "vorige", align: "right" },
          { key: "nu", title: "nu", align: "right" },
          { key: "verschil", title: "verschil [95%-int.]", align: "right" },
        ],
        rows,
        notes: [
          "Tussen haakjes: aantal respondenten met een score. De n van een verschil is die van de huidige meting.",
          msg.legendHidden(k),
        ],
      },
      {
        id: "verandering-groep",
        caption: text.groupCaption,
        columns: [
          { key: "groep", title: text.rowTitle },
          ...first.map((c) => ({ key: c.id, title: shortLabel(c), align: "right" as const })),
        ],
        rows: groepRows,
        notes: [
          "Verschil in gemiddelde, nu − vorige meting; het 95%-interval staat in de HTML- en JSON-uitvoer.",
          msg.legendHidden(k),
        ],
      },
    ],
    charts: groups.length === 0 ? [] : [changeChart(change, groups, text.rowTitle)],
  };
}

/** Heatmap group × construct of the change: blue up, orange down, grey where a wave is hidden. */
function changeChart(change: WaveComparison, groups: readonly WaveGroup[], rowTitle: string) {
  const rows: ChangeRow[] = groups.flatMap((g) =>
    change.constructs.map((c) => {
      const cell = g.constructs[c.id];
      const base = {
        row: g.key.map((l) => l.code).join("-"),
        rowLabel: groupLabel(g.key),
        construct: c.id,
        constructLabel: c.name,
      };
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
  const title = `Verandering per ${rowTitle} sinds ${change.previous.label}`;
  return toChart(
    "verandering-heatmap",
    changeHeatmap({
      title,
      description: `Verschil in gemiddelde per ${rowTitle} en schaal tussen ${change.previous.label} en ${change.current.label} (nu − vorige). Blauw: hoger, oranje: lager, grijs: in een van de metingen te weinig respondenten.`,
      rowTitle: rowTitle === "groep" ? "Groep" : "School",
      rows,
    }),
  );
}
