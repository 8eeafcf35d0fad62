import type { GroepRefusal } from "./groep.js";

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

/** Dutch texts about groepen (single and combination groups). */
export const groepMessages = {
  label: (code: string) => `Groep ${code}`,
  expected: "een groep 1 t/m 8, eventueel met een letter (5A) of als combinatiegroep (1/2, 3/4B)",
  hint: (refusal: GroepRefusal) =>
    refusal === "year-out-of-range"
      ? "Groepen lopen van 1 tot en met 8; schrijf bijvoorbeeld 8 of 7/8."
      : refusal === "not-adjacent"
        ? "Een combinatiegroep bestaat uit opeenvolgende jaren, van laag naar hoog: 1/2, 3/4B of 1/2/3."
        : 'Schrijf de groep als nummer, eventueel met letter of als combinatie: "Groep 5", "5A", "1/2" of "groep 3/4B".',
  /** an instrument's groep dimension from before the groep type: its own values only */
  enumCombination: (label: string) =>
    `Dit is een combinatiegroep. Geef de dimensie ${label} in het instrument het type "groep", dan worden groepen als 1/2 en 3/4B herkend.`,
};

/** Dutch messages about action points (actiepunten). */
export const actionPointMessages = {
  empty: "dit veld is leeg",
  tooLong: (max: number) => `hoogstens ${max} tekens`,
  wave: (value: string) =>
    `"${value}" is geen meting; schrijf bijvoorbeeld 2025-najaar, 2026-voorjaar of 2026-03`,
  concept: (value: string) =>
    `"${value}" is geen Bakker-voorwaarde of vorm van partnerschap; schrijf bijvoorbeeld bakker:heldere_communicatie of partnerschap:formeel`,
  effectBeforeWave: "de meting waarin het effect zichtbaar moet zijn, komt na de meting van het actiepunt",
};
