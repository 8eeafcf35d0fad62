import { cellText, type Report, type ReportTable } from "./report.js";
import { textTable, wrap } from "./text-table.js";

/** A report as plain text within `width` characters (80 by default), for a terminal or a mail. */
export function renderText(report: Report, width = 80): string {
  const out: string[] = [];
  const para = (text: string) => out.push(...wrap(text, width), "");
  const head = [...wrap(report.title, width), ...wrap(report.subtitle, width)];
  out.push(...head, "═".repeat(Math.min(width, Math.max(...head.map((l) => l.length)))), "");
  for (const section of report.sections) {
    out.push(section.heading, "─".repeat(Math.min(width, section.heading.length)));
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
  for (const m of report.method) para(`${m.heading}. ${m.text}`);
  return `${out.join("\n").trimEnd()}\n`;
}

function plain(table: ReportTable) {
  return {
    columns: table.columns,
    rows: table.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cellText(v)]))),
  };
}
