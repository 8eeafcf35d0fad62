import { fail, normaliseBrin, ok, type Problem, type RegistryEntity, type Result } from "@zaz/model";
import { z } from "zod";
import { ssoMessages } from "./messages.js";
import { Role } from "./role.js";
import { isSsoProviderId } from "./sso-account.js";
import { isScopeId, type UserScopes } from "./user-scopes.js";

/**
 * The roles single sign-on may give. Not beheerder: a beheerder sees everything and manages
 * accounts, so that stays a local account, out of reach of a misconfigured group or a
 * compromised school account.
 */
export const ssoRoles = [Role.directeur, Role.leerteam, Role.docent] as const;
export type SsoRole = (typeof ssoRoles)[number];

export function isSsoRole(value: unknown): value is SsoRole {
  return typeof value === "string" && (ssoRoles as readonly string[]).includes(value);
}

const scopeId = z
  .string()
  .refine(isScopeId, { error: (issue) => ssoMessages.invalidId(String(issue.input)) });
const claimName = z.string().min(1).max(128);
/** One value or several; a claim matches when one of its values is one of these. */
const claimValues = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((value) => (Array.isArray(value) ? value : [value]));

const ruleSchema = z
  .object({
    /** for the beheerder's own notes: which group or school this rule is about */
    note: z.string().optional(),
    /** only for users of this provider (its id in ZAZ_OIDC_PROVIDERS); any provider when left out */
    provider: z.string().refine(isSsoProviderId, { error: ssoMessages.invalidProvider }).optional(),
    /** every claim listed must have one of the values listed; "*" means: present, any value */
    match: z.record(claimName, claimValues).refine((match) => Object.keys(match).length > 0, {
      error: ssoMessages.emptyMatch,
    }),
    role: z.string().refine(isSsoRole, { error: (issue) => ssoMessages.roleNotAllowed(String(issue.input)) }),
    /** school ids (of the registry) */
    schools: z.array(scopeId).min(1).optional(),
    /** a claim whose values are BRIN codes (or school ids): the schools with that BRIN */
    schoolsFromClaim: claimName.optional(),
    bestuur: scopeId.optional(),
    opleiding: scopeId.optional(),
  })
  .strict()
  .superRefine((rule, context) => {
    // a role that is not allowed is said once, by its own check
    if (!isSsoRole(rule.role)) return;
    const needs =
      rule.role === Role.directeur
        ? rule.schools !== undefined || rule.schoolsFromClaim !== undefined
        : rule.role === Role.leerteam
          ? rule.bestuur !== undefined
          : rule.opleiding !== undefined;
    if (!needs) context.addIssue({ code: "custom", message: ssoMessages.ruleWithoutScope(rule.role) });
  });

export const ssoMappingSchema = z.object({ rules: z.array(ruleSchema) }).strict();

export type SsoRule = z.output<typeof ruleSchema> & { role: SsoRole };
export interface SsoMapping {
  rules: SsoRule[];
}

/** Reads a mapping file's parsed JSON; problems name the file and the field. */
export function parseSsoMapping(json: unknown, file: string): Result<SsoMapping> {
  const parsed = ssoMappingSchema.safeParse(json);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map(
        (issue): Problem => ({
          code: "invalid-sso-mapping",
          message: ssoMessages.invalidField(file, issue.path.join("."), issue.message),
          file,
          path: formatPath(issue.path),
          hint: ssoMessages.mappingHint,
        }),
      ),
    );
  }
  return ok({ rules: parsed.data.rules.map((rule) => ({ ...rule, role: rule.role as SsoRole })) });
}

/**
 * Ids the rules name that the registry does not know: warnings, not errors, as a school may be
 * registered after the file was written. Until it is, the rule gives nobody access to it.
 */
export function checkSsoMapping(
  mapping: SsoMapping,
  registry: readonly RegistryEntity[],
  file: string,
): Problem[] {
  const known = (kind: RegistryEntity["kind"], id: string) =>
    registry.some((entity) => entity.kind === kind && entity.id === id);
  return mapping.rules.flatMap((rule, index) => [
    ...(rule.schools ?? [])
      .filter((id) => !known("school", id))
      .map((id) => unknownId(file, `rules[${index}].schools`, ssoMessages.unknownSchool(id), id)),
    ...(rule.bestuur !== undefined && !known("bestuur", rule.bestuur)
      ? [unknownId(file, `rules[${index}].bestuur`, ssoMessages.unknownBestuur(rule.bestuur), rule.bestuur)]
      : []),
  ]);
}

function unknownId(file: string, path: string, message: string, value: string): Problem {
  return { code: "unknown-sso-scope", message, file, path, value, hint: ssoMessages.registryHint };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`))
    .join("");
}

/** What a set of claims gives: one role and its scopes, and the rules that gave them. */
export interface SsoAccess {
  role: SsoRole;
  scopes: UserScopes;
  /** indexes of the rules that matched and gave a scope */
  rules: number[];
}

/** A claim's values as strings: OIDC claims are strings, arrays of strings, numbers or booleans. */
export function claimValuesOf(claims: Readonly<Record<string, unknown>>, name: string): string[] {
  const value = claims[name];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((item) =>
    typeof item === "string" || typeof item === "number" || typeof item === "boolean"
      ? [String(item).trim()]
      : [],
  );
}

function matches(rule: SsoRule, provider: string, claims: Readonly<Record<string, unknown>>): boolean {
  if (rule.provider !== undefined && rule.provider !== provider) return false;
  // case does not count: e-mail domains, and Entra's group ids, are written either way
  return Object.entries(rule.match).every(([name, wanted]) => {
    const have = claimValuesOf(claims, name).map((value) => value.toLowerCase());
    if (wanted.includes("*")) return have.some((value) => value !== "");
    return wanted.some((value) => have.includes(value.trim().toLowerCase()));
  });
}

/**
 * The schools a claim's values name: a 6-character BRIN (with vestigingsnummer) is that school;
 * a 4-character BRIN, as Entree's nlEduPersonHomeOrganizationId often is, is the institution
 * with every vestiging; any other value is taken as a school id.
 */
function schoolsFromClaim(values: readonly string[], registry: readonly RegistryEntity[]): string[] {
  const schools = registry.filter((entity) => entity.kind === "school");
  return values.flatMap((value) => {
    const brin = normaliseBrin(value);
    if (brin === undefined) return schools.filter((school) => school.id === value).map((s) => s.id);
    return schools
      .filter((school) => {
        const own = school.brin ?? normaliseBrin(school.id);
        if (own === undefined) return false;
        return brin.length === 4 ? own.slice(0, 4) === brin : own === brin;
      })
      .map((school) => school.id);
  });
}

/** The scopes one rule gives, limited to what the registry knows (an opleiding is not registered). */
function scopesOf(
  rule: SsoRule,
  claims: Readonly<Record<string, unknown>>,
  registry: readonly RegistryEntity[],
): UserScopes | undefined {
  const isKnown = (kind: RegistryEntity["kind"], id: string) =>
    registry.some((entity) => entity.kind === kind && entity.id === id);
  switch (rule.role) {
    case Role.directeur: {
      const fromClaim =
        rule.schoolsFromClaim === undefined
          ? []
          : schoolsFromClaim(claimValuesOf(claims, rule.schoolsFromClaim), registry);
      const schools = [...(rule.schools ?? []).filter((id) => isKnown("school", id)), ...fromClaim];
      return schools.length === 0 ? undefined : { schools };
    }
    case Role.leerteam:
      return rule.bestuur !== undefined && isKnown("bestuur", rule.bestuur)
        ? { bestuur: rule.bestuur }
        : undefined;
    case Role.docent:
      return rule.opleiding === undefined ? undefined : { opleiding: rule.opleiding };
  }
}

/**
 * Maps a user's claims to a role and scopes. Rules are tried in order: the first that matches
 * and gives a scope decides the role (so put the wider roles first), and every later rule of
 * the same role that matches adds its schools (a director of two schools, in two groups, gets
 * both). A rule that matches but names nothing the registry knows gives nothing. Undefined: no
 * access.
 */
export function resolveSsoAccess(
  mapping: SsoMapping,
  provider: string,
  claims: Readonly<Record<string, unknown>>,
  registry: readonly RegistryEntity[],
): SsoAccess | undefined {
  let access: SsoAccess | undefined;
  mapping.rules.forEach((rule, index) => {
    if ((access !== undefined && rule.role !== access.role) || !matches(rule, provider, claims)) return;
    const scopes = scopesOf(rule, claims, registry);
    if (scopes === undefined) return;
    if (access === undefined) {
      access = { role: rule.role, scopes, rules: [index] };
      return;
    }
    access.rules.push(index);
    if (scopes.schools !== undefined) {
      access.scopes.schools = [...new Set([...(access.scopes.schools ?? []), ...scopes.schools])];
    }
  });
  return access;
}
