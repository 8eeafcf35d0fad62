import { fail, ok, type Problem, type RegistryEntity, type Result } from "@zaz/model";
import { type MatchOptions, matchEntity } from "./entity-match.js";
import { issue } from "./registry-resolver.js";

/**
 * One school or board by id or exact name (`zaz user add --school`, `zaz roster`, `zaz school
 * rename`): ambiguous, near ("bedoelde u …?") and unknown names are problems, never a guess.
 */
export function resolveEntity(
  entities: readonly RegistryEntity[],
  written: string,
  options: MatchOptions,
): Result<RegistryEntity> {
  const m = matchEntity(entities, written, options);
  if (m.status === "found") return ok(m.entity);
  const bestuur =
    options.bestuur === undefined
      ? undefined
      : (entities.find((e) => e.kind === "bestuur" && e.id === options.bestuur)?.name ?? options.bestuur);
  const i = issue(options.kind, written, m, entities, bestuur);
  const problem: Problem = { code: i.code, message: i.message, value: i.value };
  if (i.expected !== undefined) problem.expected = i.expected;
  if (i.hint !== undefined) problem.hint = i.hint;
  return fail([problem]);
}
