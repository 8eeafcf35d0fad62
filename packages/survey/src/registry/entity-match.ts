import { type EntityKind, normaliseEntityName, type RegistryEntity } from "@zaz/model";
import { editDistance } from "../ingest/similarity.js";

/** How a name as someone wrote it relates to the registered schools or boards. */
export type EntityMatch =
  | { readonly status: "found"; readonly entity: RegistryEntity }
  /** the same name for several schools (of several boards): which one is meant is not said */
  | { readonly status: "ambiguous"; readonly candidates: readonly RegistryEntity[] }
  /** not registered, but close to one that is (case, accents, a typo): probably a mistake */
  | { readonly status: "near"; readonly suggestion: RegistryEntity }
  /** a school of that exact name exists, but under another board than the one given */
  | { readonly status: "elsewhere"; readonly candidates: readonly RegistryEntity[] }
  | { readonly status: "unknown" }
  | { readonly status: "empty" };

export interface MatchOptions {
  readonly kind: EntityKind;
  /** for a school: only the schools of this board (its id); undefined: any board */
  readonly bestuur?: string;
}

/** Case, accents and spacing folded away: what "near" compares. */
function fold(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Edits still taken for a typo of a name this long: one for short names, two from eight characters. */
function typoDistance(length: number): number {
  return length >= 8 ? 2 : 1;
}

/**
 * Matches a written name against the registry. Exact means: the id, or the display name after
 * normalisation (NFC, trimmed, whitespace collapsed) with case and accents as written. Anything
 * else that comes close is "near" and never taken silently: "DE REGENBOOG" may be a typing habit
 * or another school, and only registering it says which.
 */
export function matchEntity(
  entities: readonly RegistryEntity[],
  written: string,
  options: MatchOptions,
): EntityMatch {
  const name = normaliseEntityName(written);
  if (name === "") return { status: "empty" };
  const ofKind = entities.filter((e) => e.kind === options.kind);
  const pool = options.bestuur === undefined ? ofKind : ofKind.filter((e) => e.bestuur === options.bestuur);
  const byId = pool.find((e) => e.id === name);
  if (byId !== undefined) return { status: "found", entity: byId };
  const byName = pool.filter((e) => normaliseEntityName(e.name) === name);
  if (byName.length === 1) return { status: "found", entity: byName[0]! };
  if (byName.length > 1) return { status: "ambiguous", candidates: byName };
  if (options.bestuur !== undefined) {
    const elsewhere = ofKind.filter((e) => e.id === name || normaliseEntityName(e.name) === name);
    if (elsewhere.length > 0) return { status: "elsewhere", candidates: elsewhere };
  }
  const folded = fold(name);
  let best: { entity: RegistryEntity; distance: number } | undefined;
  for (const e of pool) {
    const distance = Math.min(editDistance(folded, fold(e.name)), editDistance(folded, e.id));
    if (distance <= typoDistance(folded.length) && (best === undefined || distance < best.distance))
      best = { entity: e, distance };
  }
  return best === undefined ? { status: "unknown" } : { status: "near", suggestion: best.entity };
}
