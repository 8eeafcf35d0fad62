/**
 * Why a cell of a chart does or does not show a number. "suppressed" (too few respondents,
 * privacy) and "no_data" (nothing was measured) are drawn differently, so a reader never takes
 * one for the other.
 */
export const CellStatus = {
  shown: "shown",
  suppressed: "suppressed",
  noData: "no_data",
} as const;

export type CellStatus = (typeof CellStatus)[keyof typeof CellStatus];

export const cellStatuses: readonly CellStatus[] = Object.values(CellStatus);

export function isCellStatus(value: unknown): value is CellStatus {
  return typeof value === "string" && (cellStatuses as readonly string[]).includes(value);
}

/** The status of a value as it arrives from aggregation: suppression wins over everything. */
export function cellStatusOf(value: number | null | undefined, suppressed: boolean | undefined): CellStatus {
  if (suppressed === true) return CellStatus.suppressed;
  if (value === null || value === undefined || !Number.isFinite(value)) return CellStatus.noData;
  return CellStatus.shown;
}
