const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 0 });
const signed = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2, signDisplay: "exceptZero" });

export function formatValue(value, unit) {
  if (unit === "percent") return percent.format(value);
  if (unit === "change") return signed.format(value);
  return decimal.format(value);
}

export function formatCell(value) {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? decimal.format(value) : String(value);
}
