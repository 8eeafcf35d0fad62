import { formatCount } from "../format.js";
import type { Table, View } from "../view.js";
import { cellText } from "./cell-text.js";
import { textTable, wrap } from "./text-table.js";

/** A view as plain text within `width` characters (80 by default), for a terminal or a mail. */
export function renderText(view: View, width = 80): string {
  const out: string[] = [];
  const para = (text: string) => out.push(...wrap(text, width), "");
  const head = [...wrap(view.title, width), ...wrap(view.subtitle, width)];
  out.push(...head, "═".repeat(Math.min(width, Math.max(...head.map((l) => l.length)))), "");
  if (view.facts.length > 0) {
    for (const f of view.facts)
      out.push(
        ...wrap(
          `${f.label}: ${f.cell.status === "shown" ? `${f.cell.text} (n = ${formatCount(f.cell.n)})` : f.cell.title}`,
          width,
        ),
      );
    out.push("");
  }
  for (const section of view.sections) {
    const heading = wrap(section.heading, width);
    out.push(...heading, "─".repeat(Math.min(width, Math.max(...heading.map((l) => l.length)))));
    if (section.intro) para(section.intro);
    for (const table of section.tables) {
      out.push(`${table.caption}`, "");
      out.push(textTable(plain(table), width).trimEnd(), "");
      for (const note of table.notes ?? []) out.push(...wrap(note, width));
      if ((table.notes ?? []).length > 0) out.push("");
    }
    for (const chart of section.charts)
      para(`Grafiek "${chart.title}": zie de HTML-uitvoer (--format html).`);
  }
  out.push("Methode", "───────");
  for (const m of view.method) para(`${m.heading}. ${m.text}`);
  return `${out.join("\n").trimEnd()}\n`;
}

function plain(table: Table) {
  return {
    columns: table.columns,
    rows: table.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cellText(v)]))),
  };
}
