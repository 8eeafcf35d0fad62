/**
 * The one Dutch number formatter: every text of every view, whatever the output, is made here.
 * Decimal comma, a real minus sign, percentages rounded to whole numbers.
 */

/** "3,8": always `decimals` places (a mean of 3 reads "3,0"); −0,0 becomes 0,0. */
export function formatNumber(value: number, decimals = 1): string {
  const text = value.toFixed(decimals);
  const clean = /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
  return clean.replace("-", "−").replace(".", ",");
}

/** "196.811": a count with Dutch thousands separators. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("nl-NL");
}

/** "62%" */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
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
