/** Rounds to `digits` decimals, for the numbers of a data table: roundTo(3.456, 2) → 3.46. Null stays null. */
export function roundTo(value: number, digits: number): number;
export function roundTo(value: number | null, digits: number): number | null;
export function roundTo(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
