/**
 * Every group value that leaves the analysis is a Cell. A suppressed or empty cell carries no n and
 * no value, so a report cannot show what it does not receive.
 */

/** Why a cell is not shown. */
export const SuppressionReason = {
  /** fewer than k respondents (or, for free text, fewer than kText) */
  belowK: "below-k",
  /** hidden so that a small group cannot be recovered by subtracting shown groups from a total */
  complementary: "complementary",
  /** formative feedback on student teachers: fewer than k distinct students behind the value */
  studentFeedback: "student-feedback",
} as const;

export type SuppressionReason = (typeof SuppressionReason)[keyof typeof SuppressionReason];

export const suppressionReasons: readonly SuppressionReason[] = Object.values(SuppressionReason);

export function isSuppressionReason(value: unknown): value is SuppressionReason {
  return typeof value === "string" && (suppressionReasons as readonly string[]).includes(value);
}

export interface ShownCell<T> {
  readonly status: "shown";
  /** respondents (responses) behind the value */
  readonly n: number;
  readonly value: T;
}

export interface SuppressedCell {
  readonly status: "suppressed";
  readonly reason: SuppressionReason;
  /** Dutch text for the cell, e.g. "minder dan 5 respondenten" */
  readonly label: string;
}

export interface EmptyCell {
  readonly status: "empty";
  /** "geen gegevens": nobody in this group answered */
  readonly label: string;
}

export type Cell<T> = ShownCell<T> | SuppressedCell | EmptyCell;

export function isShown<T>(cell: Cell<T>): cell is ShownCell<T> {
  return cell.status === "shown";
}

/**
 * Derives a new value from a shown cell; suppressed and empty cells pass through unchanged. Safe by
 * construction: `derive` only ever sees values that are already shown.
 */
export function mapShown<T, U>(cell: Cell<T>, derive: (value: T, n: number) => U): Cell<U> {
  return cell.status === "shown" ? { status: "shown", n: cell.n, value: derive(cell.value, cell.n) } : cell;
}
