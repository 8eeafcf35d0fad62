import { h } from "./dom.js";
import { formatCell } from "./format.js";

export function dataTable(table, caption) {
  return h(
    "table",
    { className: "data-table" },
    h("caption", {}, caption),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        table.columns.map((column) => h("th", { scope: "col" }, column.title)),
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
            index === 0
              ? h("th", { scope: "row" }, formatCell(row[column.field]))
              : h("td", {}, formatCell(row[column.field])),
          ),
        ),
      ),
    ),
  );
}
