import {
  EntityKind,
  fail,
  newEntityId,
  normaliseBrin,
  normaliseEntityName,
  ok,
  type Problem,
  type RegistryEntity,
  type Result,
} from "@zaz/model";
import { matchEntity } from "./entity-match.js";
import { registrationMessages as msg } from "./messages.js";
import { issue } from "./registry-resolver.js";

export interface RegistrationRequest {
  readonly school?: string;
  readonly bestuur?: string;
  /** BRIN with optional vestigingsnummer: becomes the school's id */
  readonly brin?: string;
}

export interface RegistrationPlan {
  /** what to register (none when everything asked for exists already) */
  readonly entities: readonly RegistryEntity[];
  readonly bestuur: RegistryEntity | undefined;
  readonly school: RegistryEntity | undefined;
}

export const RegistrationMode = {
  /** `zaz school add`, `zaz bestuur add`: the user names a new entity; it must not exist, a similar name is only a warning */
  explicit: "explicit",
  /** `zaz ingest --nieuwe-school`: existing entities are used, new ones made, but a name close to a registered one is refused */
  onIngest: "on-ingest",
} as const;

export type RegistrationMode = (typeof RegistrationMode)[keyof typeof RegistrationMode];

/**
 * What registering a school and/or board means against the registry as it is: the new entities
 * with their ids (frozen from now on), or why not. A board named for a school is used when it
 * exists and registered with it when not (the user named it explicitly).
 */
export function planRegistration(
  existing: readonly RegistryEntity[],
  request: RegistrationRequest,
  mode: RegistrationMode,
): Result<RegistrationPlan> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const entities: RegistryEntity[] = [];
  const explicit = mode === RegistrationMode.explicit;
  const taken = (kind: EntityKind) => new Set(existing.filter((e) => e.kind === kind).map((e) => e.id));
  const problemOf = (kind: EntityKind, value: string, m: Parameters<typeof issue>[2]): Problem => {
    const i = issue(kind, value, m, existing);
    return {
      code: i.code,
      message: i.message,
      value: i.value,
      ...(i.expected === undefined ? {} : { expected: i.expected }),
      ...(i.hint === undefined ? {} : { hint: i.hint }),
    };
  };

  let bestuur: RegistryEntity | undefined;
  const bestuurName = request.bestuur === undefined ? undefined : normaliseEntityName(request.bestuur);
  if (bestuurName === "" || (request.school !== undefined && normaliseEntityName(request.school) === ""))
    return fail([{ code: "registry-empty-name", message: msg.emptyName }]);
  if (bestuurName !== undefined) {
    const m = matchEntity(existing, bestuurName, { kind: EntityKind.bestuur });
    if (m.status === "found") {
      if (explicit && request.school === undefined)
        errors.push({
          code: "registry-exists",
          message: msg.exists(EntityKind.bestuur, bestuurName, m.entity.id),
          value: bestuurName,
          hint: msg.existsHint,
        });
      bestuur = m.entity;
    } else if (m.status === "near" && !(explicit && request.school === undefined)) {
      // a board is only registered on purpose with `zaz bestuur add`: elsewhere a near name is a typo
      errors.push(problemOf(EntityKind.bestuur, bestuurName, m));
    } else {
      if (m.status === "near")
        warnings.push({
          code: "registry-similar",
          message: msg.similar(EntityKind.bestuur, bestuurName, m.suggestion.name, m.suggestion.id),
          value: bestuurName,
        });
      bestuur = {
        id: newEntityId(bestuurName, null, taken(EntityKind.bestuur)),
        kind: EntityKind.bestuur,
        name: bestuurName,
        bestuur: null,
        brin: null,
      };
      entities.push(bestuur);
    }
  }

  let school: RegistryEntity | undefined;
  if (request.school !== undefined && errors.length === 0) {
    const schoolName = normaliseEntityName(request.school);
    let brin: string | null = null;
    if (request.brin !== undefined) {
      const b = normaliseBrin(request.brin);
      if (b === undefined)
        errors.push({
          code: "registry-invalid-brin",
          message: msg.invalidBrin(request.brin),
          value: request.brin,
        });
      else {
        const holder = existing.find((e) => e.kind === EntityKind.school && (e.brin === b || e.id === b));
        if (holder !== undefined)
          errors.push({ code: "registry-brin-taken", message: msg.brinTaken(b, holder.name), value: b });
        brin = b;
      }
    }
    const boardId = bestuur?.id ?? null;
    const inBoard = existing.filter(
      (e) =>
        e.kind === EntityKind.school && e.bestuur === boardId && normaliseEntityName(e.name) === schoolName,
    );
    const m = matchEntity(existing, schoolName, { kind: EntityKind.school });
    if (inBoard.length > 0 && (explicit || brin !== null)) {
      errors.push({
        code: "registry-exists",
        message: msg.exists(EntityKind.school, schoolName, inBoard[0]!.id),
        value: schoolName,
        hint: msg.existsHint,
      });
    } else if (inBoard.length > 0) {
      school = inBoard[0];
    } else if (!explicit && bestuur === undefined && m.status !== "unknown") {
      // without a board, an existing name is that school, or ambiguous, or a typo
      if (m.status === "found") school = m.entity;
      else if (m.status !== "empty") errors.push(problemOf(EntityKind.school, schoolName, m));
    } else if (!explicit && m.status === "near") {
      errors.push(problemOf(EntityKind.school, schoolName, m));
    } else {
      if (m.status === "near")
        warnings.push({
          code: "registry-similar",
          message: msg.similar(EntityKind.school, schoolName, m.suggestion.name, m.suggestion.id),
          value: schoolName,
        });
      school = {
        id: newEntityId(schoolName, brin, taken(EntityKind.school)),
        kind: EntityKind.school,
        name: schoolName,
        bestuur: boardId,
        brin,
      };
      entities.push(school);
    }
  }
  if (errors.length > 0) return fail(errors, warnings);
  return ok({ entities, bestuur, school }, warnings);
}
