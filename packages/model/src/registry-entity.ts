import { uniqueSlug } from "./slug.js";

/**
 * Schools and boards are registered entities with stable ids; their names are labels. The id is
 * what the store keeps as the context value of a response and what accounts are scoped to, so a
 * school can be renamed, and two schools of the same name (of two boards) stay apart.
 */
export const EntityKind = {
  school: "school",
  bestuur: "bestuur",
} as const;

export type EntityKind = (typeof EntityKind)[keyof typeof EntityKind];

export const entityKinds: readonly EntityKind[] = Object.values(EntityKind);

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === "string" && (entityKinds as readonly string[]).includes(value);
}

export interface RegistryEntity {
  /** stable: the BRIN (+ vestigingsnummer) when given, else a slug of the first name, frozen at registration */
  readonly id: string;
  readonly kind: EntityKind;
  /** the display name; may change without touching the id */
  readonly name: string;
  /** a school's board (its id); null for a board, and for a school registered without one */
  readonly bestuur: string | null;
  /** BRIN code with vestigingsnummer, e.g. "12AB00"; null when not given */
  readonly brin: string | null;
}

/**
 * A name as the registry compares it: Unicode NFC, trimmed, runs of whitespace collapsed.
 * Case and accents still count: "DE REGENBOOG" is another name than "De Regenboog".
 */
export function normaliseEntityName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ");
}

/** BRIN number (2 digits, 2 letters) with an optional 2-digit vestigingsnummer: "12AB" or "12AB00". */
const brinPattern = /^[0-9]{2}[A-Z]{2}([0-9]{2})?$/;

/** The BRIN as it is kept (upper case, no spaces), or undefined when it is not one. */
export function normaliseBrin(raw: string): string | undefined {
  const brin = raw.replace(/\s+/g, "").toUpperCase();
  return brinPattern.test(brin) ? brin : undefined;
}

/**
 * The id a new entity gets: its BRIN when given, else the slug of its name, made unique among
 * the ids taken (a second "De Regenboog" → "de-regenboog-2"). Decided once, at registration.
 */
export function newEntityId(name: string, brin: string | null, taken: ReadonlySet<string>): string {
  return brin ?? uniqueSlug(name, taken);
}
