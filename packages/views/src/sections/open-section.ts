import type { OpenAnswerTable, OpenGroup } from "@zaz/survey";
import { viewMessages as msg } from "../messages.js";
import type { CellValue, Section, Table } from "../view.js";

/** The free-text answers of one group, per question, only where the group may show free text. */
export function openSection(
  open: OpenAnswerTable,
  group: OpenGroup,
  kText: number,
  text: { intro: string; id?: string },
): Section {
  const tables: Table[] = open.items.map((info) => {
    const cell = group.items[info.id];
    const rows: Record<string, CellValue>[] =
      cell?.status === "shown"
        ? cell.value.texts.map((t) => ({ antwoord: t }))
        : [
            {
              antwoord: {
                status: cell?.status ?? "empty",
                text: `(${cell?.label ?? msg.empty})`,
                title: cell?.label ?? msg.empty,
              },
            },
          ];
    const notes =
      cell?.status === "shown"
        ? [
            msg.textsOf(cell.value.total, cell.n),
            ...(cell.value.total > cell.value.texts.length
              ? [msg.textsCapped(cell.value.texts.length, cell.value.total)]
              : []),
          ]
        : [];
    return {
      id: `open-${info.id}`,
      caption: info.text,
      columns: [{ key: "antwoord", title: "antwoord", wrap: true }],
      rows,
      notes,
    };
  });
  return {
    id: text.id ?? "open",
    heading: "Open antwoorden",
    intro: text.intro.replace("{kText}", String(kText)),
    tables,
    charts: [],
  };
}
