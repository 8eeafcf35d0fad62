import { type Dimension, DimensionType, groepMessages, holdsGroepen, parseGroep } from "@zaz/model";
import { foldText } from "./normalise-text.js";
import { parseDate } from "./parse-date.js";
import { closest } from "./similarity.js";

export type DimensionValue =
  | { value: string }
  /** `hint`: what to write instead, where a near value would mislead (a combination is no typo of Groep 1) */
  | { error: "unknown" | "empty"; suggestion?: string; hint?: string }
  /** a value the instrument knows but does not accept, with its reason (the dimension's `refused`) */
  | { error: "refused"; label: string; reason: string; suggestion?: undefined };

/** Normalises a context value: an enum value by code, label or alias; a date to ISO; text trimmed. */
/** `translated`: the labels of an enum dimension's values in the instrument's other languages, by code. */
export function dimensionLookup(
  dimension: Dimension,
  translated?: ReadonlyMap<string, readonly string[]>,
): (raw: string) => DimensionValue {
  const trimmed = (raw: string) => raw.trim().replace(/\s+/g, " ");
  if (dimension.type === DimensionType.groep) {
    return (raw) => {
      if (raw.trim() === "") return { error: "empty" };
      const parsed = parseGroep(raw);
      return "code" in parsed ? { value: parsed.code } : { error: "unknown", hint: parsed.hint };
    };
  }
  if (dimension.type === "enum") {
    const byText = new Map<string, string>();
    for (const v of dimension.values ?? []) {
      for (const t of [v.code, v.label, ...v.aliases, ...(translated?.get(v.code) ?? [])])
        byText.set(foldText(t), v.code);
    }
    const refused = new Map<string, { label: string; reason: string }>();
    for (const r of dimension.refused ?? []) {
      for (const t of [r.code, r.label, ...r.aliases]) refused.set(foldText(t), r);
    }
    const known = [...byText.keys()];
    return (raw) => {
      const key = foldText(raw);
      if (key === "") return { error: "empty" };
      const code = byText.get(key);
      if (code !== undefined) return { value: code };
      const no = refused.get(key);
      if (no !== undefined) return { error: "refused", label: no.label, reason: no.reason };
      // An instrument from before the groep type: a combination is no typo of one of its groepen.
      if (holdsGroepen(dimension) && "code" in parseGroep(raw))
        return { error: "unknown", hint: groepMessages.enumCombination(dimension.label) };
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

/** What a value of the dimension should look like, for a problem's `expected`. */
export function dimensionExpected(dimension: Dimension): string {
  if (dimension.type === DimensionType.groep) return groepMessages.expected;
  return (dimension.values ?? []).map((v) => v.label).join(", ") || dimension.label;
}
