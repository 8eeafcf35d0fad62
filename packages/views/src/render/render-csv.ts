import type { CellValue, View } from "../view.js";
import { cellText } from "./cell-text.js";
import { type CsvOptions, csvTable } from "./csv.js";

/**
 * Every table of a view in one long CSV: one line per cell, with the value, the n it rests on,
 * its interval and whether it is shown. Hidden cells have no value and no n. Opens in Dutch Excel
 * with `{ delimiter: ";", bom: true }`.
 */
export function renderCsv(view: View, options: CsvOptions = {}): string {
  const rows: Record<string, string | number | null>[] = [];
  for (const f of view.facts) rows.push(line(view, "", "", f.label, "", f.cell));
  for (const section of view.sections) {
    for (const table of section.tables) {
      const [first, ...rest] = table.columns;
      if (!first) continue;
      for (const row of table.rows)
        for (const column of rest)
          rows.push(
            line(
              view,
              section.heading,
              table.caption,
              cellText(row[first.key] ?? null),
              column.title,
              row[column.key] ?? null,
            ),
          );
    }
  }
  return csvTable(
    {
      columns: [
        "rapport",
        "sectie",
        "tabel",
        "rij",
        "kolom",
        "waarde",
        "n",
        "ondergrens",
        "bovengrens",
        "status",
        "toelichting",
      ].map((key) => ({
        key,
        title: key,
      })),
      rows,
    },
    options,
  );
}

function line(view: View, section: string, table: string, row: string, column: string, cell: CellValue) {
  const detail = typeof cell === "object" && cell !== null ? cell : null;
  const shown = detail?.status === "shown" ? detail : null;
  return {
    rapport: view.kind,
    sectie: section,
    tabel: table,
    rij: row,
    kolom: column,
    waarde:
      shown !== null
        ? shown.value
        : detail !== null
          ? null
          : cell === null || typeof cell === "number"
            ? cell
            : String(cell),
    n: shown?.n ?? null,
    ondergrens: shown?.low ?? null,
    bovengrens: shown?.high ?? null,
    status: detail?.status ?? "shown",
    toelichting: detail?.title ?? null,
  };
}
