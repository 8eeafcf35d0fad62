import { likertBars } from "@zaz/charts";
import type { ResponseScale } from "@zaz/model";
import { type ItemGroup, type ItemInfo, scoredItem } from "@zaz/survey";
import { hiddenCell, numberCell, percentCell } from "../cells.js";
import { formatCount } from "../format.js";
import { viewMessages as msg, reversedItemMessages } from "../messages.js";
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
            reverse: info.reverse,
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
        // The chart draws a reverse-coded item as it is scored and marks it "(omgepoold)".
        return { id: info.id, text: info.text, reverse: info.reverse, n: asked, counts, missing };
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
  const label = (info: ItemInfo) => (info.reverse ? reversedItemMessages.item(info.text) : info.text);
  const rows = items.map((info) => {
    const cell = group.items[info.id];
    if (cell?.status !== "shown") {
      const hidden = hiddenCell(cell, k);
      return { item: label(info), n: hidden, eens: hidden, gemiddelde: hidden };
    }
    // Numbers in the direction the scale score counts them, as the chart draws them.
    const v = scale === undefined ? cell.value : scoredItem(info, scale, cell.value, cell.n);
    return {
      item: label(info),
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
          ...(items.some((i) => i.reverse) ? [reversedItemMessages.note] : []),
          msg.legendHidden(k),
        ],
      },
    ],
    charts: scale === undefined ? [] : [likertChart(`${id}-likert`, text.chartTitle, scale, items, group)],
  };
}
