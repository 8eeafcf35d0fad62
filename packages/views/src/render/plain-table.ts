/** A column of a table: what every text, CSV and HTML rendering of data shares. */
export interface PlainColumn {
  key: string;
  /** Dutch header */
  title: string;
  align?: "left" | "right";
  /** may be wrapped to fit the width (long texts); other columns keep their width */
  wrap?: boolean;
}

export type PlainCell = string | number | boolean | null | undefined;

export interface PlainTable {
  columns: readonly PlainColumn[];
  rows: readonly Record<string, PlainCell>[];
}

export function plainCellText(value: PlainCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(".", ",");
  if (typeof value === "boolean") return value ? "ja" : "nee";
  return value;
}
