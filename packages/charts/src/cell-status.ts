import { statusLabel } from "./messages.js";

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

/** What a builder needs to know of a row first: its status, whether it shows a number, its status text. */
export interface CellState {
  status: CellStatus;
  shown: boolean;
  /** the status column of the data table (null when shown), see statusLabel */
  label: string | null;
}

/**
 * The state of a row: `reason` is why it was suppressed; `fallbackReason` stands in for a
 * suppressed row that gives none (by default the label is just "onderdrukt").
 */
export function cellStateOf(
  value: number | null | undefined,
  suppressed: boolean | undefined,
  reason: string | undefined,
  fallbackReason: string | null = null,
): CellState {
  const status = cellStatusOf(value, suppressed);
  const label = statusLabel(status, status === CellStatus.suppressed ? (reason ?? fallbackReason) : null);
  return { status, shown: status === CellStatus.shown, label };
}
