import { type CsvOptions, csvTable } from "./csv.js";
import { cellText, type Report, type ReportCell, type ReportValue } from "./report.js";

/**
 * Every table of a report in one long CSV: one line per cell, with the value, the n it rests on
 * and whether it is shown. Hidden cells have no value and no n. Opens in Dutch Excel with
 * `{ delimiter: ";", bom: true }`.
 */
export function renderCsv(report: Report, options: CsvOptions = {}): string {
  const rows: Record<string, string | number | null>[] = [];
  for (const section of report.sections) {
    for (const table of section.tables) {
      const [first, ...rest] = table.columns;
      if (!first) continue;
      for (const row of table.rows) {
        for (const column of rest) {
          const cell: ReportValue = row[column.key] ?? null;
          const detail = typeof cell === "object" && cell !== null ? cell : null;
          rows.push({
            rapport: report.kind,
            sectie: section.heading,
            tabel: table.caption,
            rij: cellText(row[first.key] ?? null),
            kolom: column.title,
            waarde: detail
              ? csvValue(detail)
              : cell === null || typeof cell === "number"
                ? cell
                : String(cell),
            n: detail?.n ?? null,
            status: detail?.status ?? "shown",
            toelichting: detail?.title ?? (detail && detail.status !== "shown" ? detail.text : null),
          });
        }
      }
    }
  }
  return csvTable(
    {
      columns: ["rapport", "sectie", "tabel", "rij", "kolom", "waarde", "n", "status", "toelichting"].map(
        (key) => ({ key, title: key }),
      ),
      rows,
    },
    options,
  );
}

/** A shown cell's number (or text); nothing for a hidden cell. */
function csvValue(cell: ReportCell): string | number | null {
  if (cell.status === "suppressed" || cell.status === "empty") return null;
  return typeof cell.value === "number" ? cell.value : cell.text;
}
