import type { Cell, Interval } from "@zaz/survey";
import { reportMessages as msg } from "./messages.js";
import { formatNumber, type ReportCell } from "./report.js";

/** A hidden cell's short text in a table ("< 5", "×", "–"); the reason goes in its title. */
export function hiddenCell<T>(cell: Exclude<Cell<T>, { status: "shown" }>, k: number): ReportCell {
  if (cell.status === "empty") return { text: msg.emptyShort, status: "empty", title: cell.label };
  const text = cell.reason === "complementary" ? msg.complementaryShort : msg.belowKShort(k);
  return { text, status: "suppressed", title: cell.label };
}

/** A shown mean as "3,8 (12)": the value with the n it rests on. */
export function meanCell<T>(
  cell: Cell<T>,
  k: number,
  pick: (value: T) => { mean: number; ci?: Interval | null },
): ReportCell {
  if (cell.status !== "shown") return hiddenCell(cell, k);
  const { mean, ci } = pick(cell.value);
  const c: ReportCell = {
    text: `${formatNumber(mean)} (${cell.n})`,
    value: round(mean),
    n: cell.n,
    status: "shown",
  };
  if (ci) c.title = msg.interval(ci.low, ci.high);
  return c;
}

export function countCell(cell: Cell<number>, k: number): ReportCell {
  if (cell.status !== "shown") return hiddenCell(cell, k);
  return { text: String(cell.n), value: cell.n, n: cell.n, status: "shown" };
}

/** "+0,3", "−0,2", "0,0": a change, signed, rounded before the sign is chosen. */
export function signed(value: number, decimals = 1): string {
  const rounded = Number(value.toFixed(decimals));
  const text = formatNumber(Math.abs(rounded), decimals);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
