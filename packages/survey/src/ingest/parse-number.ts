/**
 * What a number cell holds: a number, or why it is not one. `ambiguous`: one separator followed
 * by exactly three digits ("1.250", "1,250") is a thousands separator in one spreadsheet's
 * language and a decimal in another's, so it is not guessed.
 */
export type ParsedNumber = { value: number } | { error: "not-a-number" | "ambiguous" };

const plain = /^[-+]?\d+$/;
/** one decimal separator, comma (Dutch Excel) or point */
const decimal = /^([-+]?\d+)[.,](\d+)$/;
/** "1.250", "12,500": 1–3 digits not starting with 0, one separator, three digits */
const thousandsLike = /^[-+]?[1-9]\d{0,2}[.,]\d{3}$/;

/** Reads a number as people type it in a Dutch or English spreadsheet: "12", "12,5", "12.5", "-3". */
export function parseNumber(text: string): ParsedNumber {
  const value = text.trim();
  if (plain.test(value)) return { value: Number(value) };
  if (thousandsLike.test(value)) return { error: "ambiguous" };
  const m = decimal.exec(value);
  if (m?.[1] !== undefined && m[2] !== undefined) return { value: Number(`${m[1]}.${m[2]}`) };
  return { error: "not-a-number" };
}
