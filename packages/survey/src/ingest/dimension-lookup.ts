import type { Dimension } from "@zaz/model";
import { foldText } from "./normalise-text.js";
import { parseDate } from "./parse-date.js";
import { closest } from "./similarity.js";

export type DimensionValue = { value: string } | { error: "unknown" | "empty"; suggestion?: string };

/** Normalises a context value: an enum value by code, label or alias; a date to ISO; text trimmed. */
export function dimensionLookup(dimension: Dimension): (raw: string) => DimensionValue {
  const trimmed = (raw: string) => raw.trim().replace(/\s+/g, " ");
  if (dimension.type === "enum") {
    const byText = new Map<string, string>();
    for (const v of dimension.values ?? []) {
      for (const t of [v.code, v.label, ...v.aliases]) byText.set(foldText(t), v.code);
    }
    const known = [...byText.keys()];
    return (raw) => {
      const key = foldText(raw);
      if (key === "") return { error: "empty" };
      const code = byText.get(key);
      if (code !== undefined) return { value: code };
      const near = closest(key, known, 0.5);
      const label =
        near === undefined ? undefined : dimension.values?.find((v) => v.code === byText.get(near))?.label;
      return label === undefined ? { error: "unknown" } : { error: "unknown", suggestion: label };
    };
  }
  if (dimension.type === "date") {
    return (raw) => {
      if (raw.trim() === "") return { error: "empty" };
      const iso = parseDate(raw);
      return iso === undefined ? { error: "unknown" } : { value: iso.slice(0, 10) };
    };
  }
  return (raw) => {
    const value = trimmed(raw);
    return value === "" ? { error: "empty" } : { value };
  };
}
