import { EntityKind, type RegistryEntity } from "@zaz/model";
import type { ContextIssue, ContextResolution, ContextResolver } from "../ingest/context-resolver.js";
import { type EntityMatch, matchEntity } from "./entity-match.js";
import { registryMessages as msg } from "./messages.js";

export interface RegistryResolverOptions {
  /** the context dimensions of the instrument: only these are resolved, and a board is filled in only when there is one */
  readonly dimensions: readonly string[];
}

/**
 * Resolves the `bestuur` and `school` of a context to registry ids: by id or exact name, a school
 * within its board when a board is given; a school's board is filled in from the registry when the
 * context names none. Results are kept per combination of values, as an export repeats a handful.
 */
export function registryResolver(
  entities: readonly RegistryEntity[],
  options: RegistryResolverOptions,
): ContextResolver {
  const hasBestuur = options.dimensions.includes("bestuur");
  const hasSchool = options.dimensions.includes("school");
  const known = new Map<string, ContextResolution>();
  const resolvePair = (bestuur: string | undefined, school: string | undefined): ContextResolution => {
    const resolved: Record<string, string> = {};
    let bestuurId: string | undefined;
    if (hasBestuur && bestuur !== undefined) {
      const m = matchEntity(entities, bestuur, { kind: EntityKind.bestuur });
      if (m.status !== "found")
        return { ok: false, issues: [issue(EntityKind.bestuur, bestuur, m, entities)] };
      bestuurId = m.entity.id;
      resolved.bestuur = bestuurId;
    }
    if (hasSchool && school !== undefined) {
      const m = matchEntity(entities, school, {
        kind: EntityKind.school,
        ...(bestuurId === undefined ? {} : { bestuur: bestuurId }),
      });
      if (m.status !== "found")
        return { ok: false, issues: [issue(EntityKind.school, school, m, entities, bestuur)] };
      resolved.school = m.entity.id;
      if (hasBestuur && bestuurId === undefined && m.entity.bestuur !== null)
        resolved.bestuur = m.entity.bestuur;
    }
    return { ok: true, context: resolved };
  };
  return {
    resolve(context) {
      const bestuur = context.bestuur;
      const school = context.school;
      if (bestuur === undefined && school === undefined) return { ok: true, context };
      const key = `${bestuur ?? "\u0000"}\u0001${school ?? "\u0000"}`;
      let pair = known.get(key);
      if (pair === undefined) {
        pair = resolvePair(bestuur, school);
        known.set(key, pair);
      }
      return pair.ok ? { ok: true, context: { ...context, ...pair.context } } : pair;
    },
  };
}

function describe(e: RegistryEntity, entities: readonly RegistryEntity[]): string {
  const board =
    e.bestuur === null
      ? null
      : (entities.find((b) => b.kind === "bestuur" && b.id === e.bestuur)?.name ?? e.bestuur);
  return msg.candidate(e.id, e.name, board);
}

/** The problem with a name that did not resolve to exactly one entity. */
export function issue(
  kind: EntityKind,
  value: string,
  m: Exclude<EntityMatch, { status: "found" }>,
  entities: readonly RegistryEntity[],
  bestuur?: string,
): ContextIssue {
  const base = { dimension: kind, value, expected: msg.registeredExpected(kind) };
  switch (m.status) {
    case "near":
      return {
        ...base,
        code: "registry-near",
        message: msg.near(kind, value),
        hint: msg.nearHint(m.suggestion.name, m.suggestion.id, kind),
      };
    case "ambiguous":
      return {
        ...base,
        code: "registry-ambiguous",
        message: msg.ambiguous(
          value,
          m.candidates.map((c) => describe(c, entities)),
        ),
        hint: msg.ambiguousHint,
      };
    case "elsewhere":
      return {
        ...base,
        code: "registry-other-bestuur",
        message: msg.elsewhere(
          value,
          bestuur ?? "",
          m.candidates.map((c) => describe(c, entities)),
        ),
        hint: msg.elsewhereHint,
      };
    default:
      return {
        ...base,
        code: "registry-unknown",
        message: msg.unknown(kind, value),
        hint: msg.unknownHint(kind, value),
      };
  }
}
