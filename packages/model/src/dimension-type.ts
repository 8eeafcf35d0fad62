/** What kind of value a context dimension holds, and so how ingest reads it. */
export const DimensionType = {
  /** free text, trimmed (school, wave, student …) */
  text: "text",
  /** one of the declared values, by code, label or alias */
  enum: "enum",
  /** a date, stored as YYYY-MM-DD */
  date: "date",
  /**
   * a groep of a primary school as the school has it: groep 1–8, with a letter (5A) or combined
   * with the next years (1/2, 3/4B, 1/2/3); read from the usual spellings, no list to maintain
   */
  groep: "groep",
} as const;

export type DimensionType = (typeof DimensionType)[keyof typeof DimensionType];

export const dimensionTypes: readonly DimensionType[] = Object.values(DimensionType);

export function isDimensionType(value: unknown): value is DimensionType {
  return typeof value === "string" && (dimensionTypes as readonly string[]).includes(value);
}
