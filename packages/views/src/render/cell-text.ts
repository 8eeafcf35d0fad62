import type { CellValue } from "../view.js";

/** What a table cell reads as text: the number cell's own text, a label, or nothing. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  return value.text;
}
