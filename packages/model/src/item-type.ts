/** What kind of answer an item takes. */
export const ItemType = {
  /** one label of an ordered response scale (Likert, frequency, JA/NEE) — scored */
  scale: "scale",
  /** one label of an unordered list (e.g. preferred contact channel) */
  single: "single",
  /** several labels of an unordered list (e.g. home languages) */
  multiple: "multiple",
  /** a whole number (e.g. number of children at the school) */
  number: "number",
  /** free text: open questions, explanations, remarks */
  text: "text",
} as const;

export type ItemType = (typeof ItemType)[keyof typeof ItemType];

export const itemTypes: readonly ItemType[] = Object.values(ItemType);

export function isItemType(value: unknown): value is ItemType {
  return typeof value === "string" && (itemTypes as readonly string[]).includes(value);
}
