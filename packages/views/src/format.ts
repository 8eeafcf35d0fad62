import { formatNumber as dutchNumber, formatPercent } from "@zaz/charts";

/**
 * Number texts of every view, whatever the output: the charts' Dutch formatter (decimal comma, a
 * real minus sign, whole percentages), with one decimal unless asked otherwise, and what views add.
 */

/** "3,8": always `decimals` places (a mean of 3 reads "3,0"); −0,0 becomes 0,0. */
export function formatNumber(value: number, decimals = 1): string {
  return dutchNumber(value, decimals);
}

/** "62%" */
export { formatPercent };

/** "196.811": a count with Dutch thousands separators. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("nl-NL");
}

/** "+0,3", "−0,2", "0,0": a change, signed, rounded before the sign is chosen. */
export function signed(value: number, decimals = 1): string {
  const rounded = Number(value.toFixed(decimals));
  const text = formatNumber(Math.abs(rounded), decimals);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

/** Values in JSON and CSV: three decimals are plenty for people and keep files small. */
export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
