/** A column of a table: what every text, CSV and HTML rendering of data shares. */
export interface Column {
  key: string;
  /** Dutch header */
  title: string;
  align?: "left" | "right";
  /** may be wrapped to fit the width (long texts); other columns keep their width */
  wrap?: boolean;
}

export type Cell = string | number | boolean | null | undefined;

export interface Table {
  columns: readonly Column[];
  rows: readonly Record<string, Cell>[];
}

export function plainCellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(".", ",");
  if (typeof value === "boolean") return value ? "ja" : "nee";
  return value;
}
