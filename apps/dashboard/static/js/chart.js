import { expressionInterpreter } from "/vendor/vega-interpreter.js";
import { toCsv } from "./csv.js";
import { h } from "./dom.js";
import { dataTable } from "./table.js";

let counter = 0;

function download(href, filename) {
  const link = h("a", { href, download: filename, className: "visually-hidden" });
  document.body.append(link);
  link.click();
  link.remove();
}

function fileName(chart, extension) {
  return `${chart.id}.${extension}`;
}

/**
 * One chart as a figure: the Vega-Lite spec drawn with the CSP-safe interpreter (no eval), a
 * "toon tabel" toggle with the same numbers, and downloads. The Vega view stays in this closure.
 */
export async function appendChart(parent, chart) {
  const id = `chart-${++counter}`;
  const canvas = h("div", {
    className: "chart",
    id: `${id}-plot`,
    role: "img",
    "aria-label": chart.spec.description ?? chart.title,
  });
  const tableRegion = h(
    "div",
    { className: "table-region", id: `${id}-table`, hidden: true },
    dataTable(chart.table, chart.title),
  );
  const toggle = h(
    "button",
    { type: "button", "aria-expanded": "false", "aria-controls": `${id}-table` },
    "Toon tabel",
  );
  toggle.addEventListener("click", () => {
    const open = tableRegion.hidden;
    tableRegion.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "Verberg tabel" : "Toon tabel";
  });
  const svgButton = h("button", { type: "button" }, "Download SVG");
  const pngButton = h("button", { type: "button" }, "Download PNG");
  const csvButton = h("button", { type: "button" }, "Download CSV");
  const figure = h(
    "figure",
    { className: "chart-figure", "aria-labelledby": `${id}-title` },
    h("figcaption", { id: `${id}-title` }, h("h2", {}, chart.title)),
    canvas,
    h("div", { className: "chart-actions" }, toggle, svgButton, pngButton, csvButton),
    tableRegion,
  );
  parent.append(figure);

  const result = await globalThis.vegaEmbed(canvas, chart.spec, {
    ast: true,
    expr: expressionInterpreter,
    actions: false,
    renderer: "svg",
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true },
  });
  const view = result.view;
  // The plot is one image to assistive technology (role=img, labelled by the spec's
  // description) and the table is its accessible alternative, so the SVG inside is hidden.
  canvas.querySelector("svg")?.setAttribute("aria-hidden", "true");
  svgButton.addEventListener("click", async () =>
    download(await view.toImageURL("svg"), fileName(chart, "svg")),
  );
  pngButton.addEventListener("click", async () =>
    download(await view.toImageURL("png", 2), fileName(chart, "png")),
  );
  csvButton.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([toCsv(chart.table)], { type: "text/csv;charset=utf-8" }));
    download(url, fileName(chart, "csv"));
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
}
