// CSV for Dutch Excel: semicolons, decimal comma, UTF-8 with BOM. Text that a spreadsheet
// would run as a formula (= + - @ tab CR) gets a leading apostrophe.
const dangerous = /^[=+\-@\t\r]/;

function cellText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = String(value);
  const safe = dangerous.test(text) ? `'${text}` : text;
  return /[;"\n\r]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(table) {
  const lines = [table.columns.map((column) => cellText(column.title)).join(";")];
  for (const row of table.rows)
    lines.push(table.columns.map((column) => cellText(row[column.field])).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
