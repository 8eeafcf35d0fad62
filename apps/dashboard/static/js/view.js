import { appendChart } from "./chart.js";
import { h } from "./dom.js";

// A view as the server computed it: the same value `zaz report` prints. Every number arrives as
// a cell with its Dutch text, the n it rests on, and why it is hidden where it is; nothing here
// formats or computes a number.

function cellContent(value) {
  if (value === null || value === undefined) return { text: "", className: "" };
  if (typeof value !== "object") return { text: String(value), className: "" };
  return {
    text: value.text,
    className: value.status === "shown" ? "" : value.status,
    title: value.title,
  };
}

function cellElement(tag, value, column) {
  const { text, className, title } = cellContent(value);
  const classes = [column?.align === "right" ? "num" : "", className].filter(Boolean).join(" ");
  const hidden = typeof value === "object" && value !== null && value.status !== "shown";
  return h(
    tag,
    { className: classes || undefined, title, scope: tag === "th" ? "row" : undefined },
    text,
    // Screen readers hear why a cell is hidden; the table's note explains the marks to everyone.
    hidden && title ? h("span", { className: "visually-hidden" }, ` (${title})`) : null,
  );
}

export function viewTable(table) {
  return h(
    "div",
    { className: "table-region" },
    h(
      "table",
      { className: "data-table", id: `tabel-${table.id}` },
      h("caption", {}, table.caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          table.columns.map((c) => h("th", { scope: "col" }, c.title)),
        ),
      ),
      h(
        "tbody",
        {},
        table.rows.map((row) =>
          h(
            "tr",
            {},
            table.columns.map((column, index) =>
              cellElement(index === 0 ? "th" : "td", row[column.key], column),
            ),
          ),
        ),
      ),
    ),
    (table.notes ?? []).length > 0
      ? h(
          "p",
          { className: "notes" },
          table.notes.map((note, i) => [i > 0 ? h("br") : null, note]),
        )
      : null,
  );
}

export function renderFacts(region, facts) {
  region.replaceChildren();
  if (facts.length === 0) return;
  region.hidden = false;
  region.append(
    h("h2", { className: "visually-hidden" }, "Kerncijfers"),
    h(
      "dl",
      {},
      facts.map((fact) => [
        h("dt", {}, fact.label),
        h(
          "dd",
          { className: fact.cell.status === "shown" ? "" : "suppressed", title: fact.cell.title },
          fact.cell.status === "shown" ? `${fact.cell.text} (n = ${fact.cell.n})` : fact.cell.title,
        ),
      ]),
    ),
  );
}

/**
 * Every section of a view as a card: its charts first (each with "toon tabel"), then its tables —
 * folded away where a chart already shows the same numbers, open where the table is the result.
 */
export async function renderSections(content, view) {
  for (const section of view.sections) {
    const card = h(
      "section",
      { className: "card view-section", id: `sectie-${section.id}` },
      h("h2", {}, section.heading),
      section.intro ? h("p", { className: "intro" }, section.intro) : null,
    );
    content.append(card);
    for (const chart of section.charts) await appendChart(card, chart);
    const tables = section.tables.map(viewTable);
    if (tables.length === 0) continue;
    if (section.charts.length > 0)
      card.append(
        h(
          "details",
          { className: "section-tables" },
          h("summary", {}, "Tabel met aantallen en intervallen"),
          tables,
        ),
      );
    else card.append(...tables);
  }
  if (view.method.length > 0)
    content.append(
      h(
        "details",
        { className: "card method" },
        h("summary", {}, "Methode: hoe deze getallen tot stand komen"),
        view.method.map((m) => h("p", {}, h("strong", {}, `${m.heading}. `), m.text)),
      ),
    );
}
