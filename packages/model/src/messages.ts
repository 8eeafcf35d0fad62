/** Dutch messages about instrument files, built in one place so tests can assert on them. */

export const instrumentMessages = {
  invalidJson: (detail: string) => `Het bestand is geen geldige JSON: ${detail}`,
  field: (path: string, text: string) => (path === "" ? text : `${path}: ${text}`),
  invalidType: (expected: string, found: string) => `verwacht ${expected}, gevonden ${found}`,
  missingField: (expected: string) => `dit veld ontbreekt (verwacht ${expected})`,
  unknownKeys: (keys: readonly string[]) =>
    `onbekend veld ${keys.map((k) => `"${k}"`).join(", ")}; controleer de spelling`,
  invalidValue: (options: readonly string[]) => `verwacht een van: ${options.join(", ")}`,
  tooSmall: (minimum: string, what: string) => `verwacht minstens ${minimum} ${what}`,
  tooBig: (maximum: string, what: string) => `verwacht hoogstens ${maximum} ${what}`,
  pattern: (detail: string) => detail,
};

const typeNames: Record<string, string> = {
  string: "tekst",
  number: "een getal",
  int: "een geheel getal",
  boolean: "true of false",
  array: "een lijst",
  object: "een object",
  undefined: "niets",
  null: "null",
};

export function dutchTypeName(type: string): string {
  return typeNames[type] ?? type;
}

export function describeFound(value: unknown): string {
  if (value === undefined) return "niets";
  if (value === null) return "null";
  if (Array.isArray(value)) return "een lijst";
  if (typeof value === "string") return `tekst "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number") return `het getal ${value}`;
  if (typeof value === "boolean") return String(value);
  return "een object";
}
