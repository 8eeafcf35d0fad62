import { bakkerConditions } from "./bakker-condition.js";
import { partnershipForms } from "./partnership-form.js";

/**
 * A construct in an instrument may say which concept of the domain it measures, as
 * "framework:id", e.g. "bakker:heldere_communicatie" or "partnerschap:formeel". Reports group
 * constructs by these frameworks (the class heatmap shows Bakker conditions and partnership forms).
 */
export const Framework = {
  bakker: "bakker",
  partnerschap: "partnerschap",
} as const;

export type Framework = (typeof Framework)[keyof typeof Framework];

export const conceptIds: ReadonlyMap<Framework, readonly string[]> = new Map<Framework, readonly string[]>([
  ["bakker", bakkerConditions.map((c) => c.id)],
  ["partnerschap", partnershipForms.map((f) => f.id)],
]);

export interface ConceptRef {
  framework: Framework;
  id: string;
}

/** Parses "framework:id"; undefined when the framework or the id is unknown. */
export function parseConceptRef(ref: string): ConceptRef | undefined {
  const [framework, id, ...rest] = ref.split(":");
  if (framework === undefined || id === undefined || rest.length > 0) return undefined;
  const ids = conceptIds.get(framework as Framework);
  if (!ids?.includes(id)) return undefined;
  return { framework: framework as Framework, id };
}

export const knownConceptRefs: readonly string[] = [...conceptIds].flatMap(([framework, ids]) =>
  ids.map((id) => `${framework}:${id}`),
);
