/** Formats a number the Dutch way, with a decimal comma: 3.456 → "3,5" (1 decimal). */
export function formatNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  // toFixed can give "-0.0"; a reader should see "0,0".
  const normalised = Number(fixed) === 0 ? (0).toFixed(decimals) : fixed;
  return normalised.replace("-", "−").replace(".", ",");
}

/** A fraction 0–1 as a Dutch percentage without decimals: 0.654 → "65%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100, 0)}%`;
}
