const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

// The numbers of a chart's own data table ("toon tabel"); every number of a view arrives as text.
export function formatCell(value) {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? decimal.format(value) : String(value);
}
