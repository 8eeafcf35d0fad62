import { renderSvg } from "@zaz/charts";
import { formatCount, formatNumber } from "../format.js";
import { viewMessages } from "../messages.js";
import type { CellValue, Chart, Table, View } from "../view.js";
import { cellText } from "./cell-text.js";

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const style = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:2px solid #0b5394;padding-bottom:.2rem}
.sub{color:#444;margin-top:0}table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.92rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #c8c8c8;padding:.25rem .5rem;vertical-align:top}th{background:#eef3f8;text-align:left}td.num{text-align:right;white-space:nowrap}
td.suppressed{background:#ececec;color:#555;font-style:italic}td.empty{color:#777}.n{color:#555;font-size:.8em}
dl.facts{display:flex;flex-wrap:wrap;gap:.5rem 2rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
figure{margin:1rem 0 1.5rem}figcaption{font-weight:600;margin-bottom:.4rem}details{margin:.4rem 0}summary{cursor:pointer;color:#0b5394}
.notes{font-size:.85rem;color:#444;margin:0 0 1rem}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.method p{margin:.3rem 0 .8rem}svg{max-width:100%;height:auto}
@media print{details{display:none}}
@page{size:A4;margin:16mm 15mm 18mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}p,dd,td,th,li,figcaption,caption{hyphens:auto;-webkit-hyphens:auto}
figure,tr,dl.facts,.notes{break-inside:avoid}thead{display:table-header-group}h2,h3,figcaption,caption{break-after:avoid}#bijlage{break-before:page}svg{max-height:230mm}}`;

/** How to render: `print` is the paper edition (PDF) with the figures' data tables in an appendix. */
export interface HtmlOptions {
  print?: boolean;
}

/** One self-contained HTML file: inline SVG charts with their data tables, the n behind every number, a method section. */
export async function renderHtml(view: View, options: HtmlOptions = {}): Promise<string> {
  const parts: string[] = [];
  // On paper a folded-away table cannot be opened, so the PDF gathers them at the back instead.
  const appendix: string[] | undefined = options.print ? [] : undefined;
  if (view.facts.length > 0)
    parts.push(
      `<dl class="facts">${view.facts.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${cellHtmlText(f.cell)}</dd></div>`).join("")}</dl>`,
    );
  for (const section of view.sections) {
    parts.push(`<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.heading)}</h2>`);
    if (section.intro) parts.push(`<p>${escapeHtml(section.intro)}</p>`);
    for (const chart of section.charts) parts.push(await figure(chart, appendix));
    for (const table of section.tables) parts.push(tableHtml(table));
    parts.push("</section>");
  }
  const method = view.method
    .map((m) => `<h3>${escapeHtml(m.heading)}</h3><p>${escapeHtml(m.text)}</p>`)
    .join("");
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.title)}</title><style>${style}</style></head>
<body><header><h1>${escapeHtml(view.title)}</h1><p class="sub">${escapeHtml(view.subtitle)} · gemaakt ${escapeHtml(view.generatedAt.slice(0, 16).replace("T", " "))} · geen getallen bij minder dan ${view.privacy.k} respondenten</p></header>
<main>${parts.join("\n")}<section class="method" id="methode"><h2>Methode</h2>${method}</section>${appendixHtml(appendix)}</main></body></html>
`;
}

function cellHtmlText(cell: CellValue): string {
  if (typeof cell !== "object" || cell === null) return escapeHtml(cellText(cell));
  if (cell.status !== "shown")
    return `${escapeHtml(cell.text)} <span class="n">(${escapeHtml(cell.title)})</span>`;
  return `${escapeHtml(cell.text)} <span class="n">(n = ${formatCount(cell.n)})</span>`;
}

function appendixHtml(tables: readonly string[] | undefined): string {
  if (tables === undefined || tables.length === 0) return "";
  return `<section id="bijlage"><h2>${escapeHtml(viewMessages.pdfAppendix)}</h2><p>${escapeHtml(viewMessages.pdfAppendixIntro)}</p>${tables.join("\n")}</section>`;
}

async function figure(chart: Chart, appendix?: string[]): Promise<string> {
  // The figure is one image to assistive technology, labelled by its description; its table is the
  // accessible alternative, so the SVG's own marks are hidden from it.
  const svg = (await renderSvg(chart.spec as Parameters<typeof renderSvg>[0])).replace(
    "<svg",
    '<svg aria-hidden="true"',
  );
  const table = chartTable(chart);
  if (appendix !== undefined) {
    appendix.push(table);
    return `<figure role="group" aria-label="${escapeHtml(chart.title)}"><figcaption>${escapeHtml(chart.title)}</figcaption>
<div role="img" aria-label="${escapeHtml(chart.description)}">${svg}</div></figure>`;
  }
  return `<figure role="group" aria-label="${escapeHtml(chart.title)}"><figcaption>${escapeHtml(chart.title)}</figcaption>
<div role="img" aria-label="${escapeHtml(chart.description)}">${svg}</div>
<details><summary>Toon tabel</summary>${table}</details></figure>`;
}

function chartTable(chart: Chart): string {
  const head = chart.table.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join("");
  const text = (v: unknown) =>
    v === null || v === undefined
      ? ""
      : typeof v === "number"
        ? Number.isInteger(v)
          ? String(v)
          : formatNumber(v, 2)
        : String(v);
  const rows = chart.table.rows
    .map(
      (r) =>
        `<tr>${chart.table.columns.map((c) => `<td>${escapeHtml(text(r[c.field]))}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<table><caption>${escapeHtml(chart.title)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function tableHtml(table: Table): string {
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join("");
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${table.columns.map((c, i) => cellHtml(row[c.key] ?? null, c.align === "right", i === 0)).join("")}</tr>`,
    )
    .join("");
  const notes = (table.notes ?? []).map((n) => escapeHtml(n)).join("<br>");
  return `<table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${notes ? `<p class="notes">${notes}</p>` : ""}`;
}

function cellHtml(value: CellValue, numeric: boolean, header: boolean): string {
  const tag = header ? "th" : "td";
  const scope = header ? ' scope="row"' : "";
  const cell = typeof value === "object" && value !== null ? value : null;
  const classes = [numeric ? "num" : "", cell && cell.status !== "shown" ? cell.status : ""]
    .filter(Boolean)
    .join(" ");
  const title = cell?.title ? ` title="${escapeHtml(cell.title)}"` : "";
  let text = escapeHtml(cellText(value));
  // Screen readers get the reason a cell is hidden; the table's note explains the marks to everyone.
  if (cell && cell.status !== "shown") text += `<span class="sr-only"> (${escapeHtml(cell.title)})</span>`;
  return `<${tag}${scope}${classes ? ` class="${classes}"` : ""}${title}>${text}</${tag}>`;
}
