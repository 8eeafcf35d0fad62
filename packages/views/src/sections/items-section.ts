import { likertBars } from "@zaz/charts";
import type { ResponseScale } from "@zaz/model";
import type { ItemGroup, ItemInfo } from "@zaz/survey";
import { hiddenCell, numberCell, percentCell } from "../cells.js";
import { formatCount } from "../format.js";
import { viewMessages as msg } from "../messages.js";
import type { CellValue, Chart, Section } from "../view.js";
import { hiddenFields } from "./chart-rows.js";
import { toChart } from "./to-chart.js";

/** Likert bars of one group's items: counts per label and per kind of missing value. */
export function likertChart(
  id: string,
  title: string,
  scale: ResponseScale | undefined,
  items: readonly ItemInfo[],
  group: ItemGroup | undefined,
): Chart {
  return toChart(
    id,
    likertBars({
      title,
      scale: {
        labels: (scale?.labels ?? []).map((l) => ({ code: l.code, label: l.label })),
        ...(scale?.neutral === undefined ? {} : { neutral: scale.neutral }),
      },
      items: items.map((info) => {
        const cell = group?.items[info.id];
        if (cell?.status !== "shown")
          return {
            id: info.id,
            text: info.text,
            n: null,
            counts: null,
            missing: null,
            ...hiddenFields(cell),
          };
        const counts: Record<number, number> = {};
        const missing: Record<string, number> = {};
        let asked = 0;
        for (const a of cell.value.distribution) {
          asked += a.count;
          if (a.code !== null) counts[a.code] = a.count;
          else if (a.missing !== null) missing[a.missing] = a.count;
        }
        return { id: info.id, text: info.text, n: asked, counts, missing };
      }),
    }),
  );
}

/** The items of a group: n, share that agrees (with its Wilson interval) and the mean, and Likert bars. */
export function itemsSection(
  items: readonly ItemInfo[],
  group: ItemGroup,
  scale: ResponseScale | undefined,
  k: number,
  text: { heading: string; intro: string; chartTitle: string; id?: string },
): Section {
  const id = text.id ?? "items";
  const rows = items.map((info) => {
    const cell = group.items[info.id];
    if (cell?.status !== "shown") {
      const hidden = hiddenCell(cell, k);
      return { item: info.text, n: hidden, eens: hidden, gemiddelde: hidden };
    }
    const v = cell.value;
    return {
      item: info.text + (info.reverse ? " (omgekeerd gesteld)" : ""),
      n: { status: "shown", text: formatCount(cell.n), value: cell.n, n: cell.n },
      eens: v.agreeShare === null ? null : percentCell(v.agreeShare, cell.n, v.agreeCi),
      gemiddelde: v.mean === null ? null : numberCell(v.mean, cell.n),
    } satisfies Record<string, CellValue>;
  });
  return {
    id,
    heading: text.heading,
    intro: text.intro,
    tables: [
      {
        id,
        caption: "Items: aantal, % (helemaal) mee eens, gemiddelde",
        columns: [
          { key: "item", title: "stelling", wrap: true },
          { key: "n", title: "n", align: "right" },
          { key: "eens", title: "% eens", align: "right" },
          { key: "gemiddelde", title: "gem.", align: "right" },
        ],
        rows,
        notes: [
          "n: respondenten met een geldig antwoord (weet niet, n.v.t. en leeg tellen niet mee). Het 95%-interval van % eens (Wilson) staat in de HTML- en JSON-uitvoer.",
          "Omgekeerd gesteld: de antwoorden staan zoals gevraagd; in de schaalscores zijn ze omgescoord.",
          msg.legendHidden(k),
        ],
      },
    ],
    charts: scale === undefined ? [] : [likertChart(`${id}-likert`, text.chartTitle, scale, items, group)],
  };
}
