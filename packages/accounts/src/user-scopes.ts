import { fail, ok, type Problem, type Result } from "@zaz/model";
import { scopeMessages } from "./messages.js";
import { type Role, roles } from "./role.js";

/** What results a user may see: school ids, one board (bestuur) id, one opleiding id. */
export interface UserScopes {
  schools?: string[];
  bestuur?: string;
  opleiding?: string;
}

/** Ids are short codes from the store (e.g. "asko", "brin-12ab"); no spaces or separators. */
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isScopeId(value: unknown): value is string {
  return typeof value === "string" && idPattern.test(value);
}

/**
 * Checks that a role comes with the scope it needs (a directeur needs schools, a leerteam a
 * bestuur, a docent an opleiding; a beheerder sees everything) and that every id is well formed.
 */
export function validateUserScopes(role: Role, scopes: UserScopes): Result<UserScopes> {
  const errors: Problem[] = [];
  if (!roles.includes(role)) errors.push({ code: "unknown-role", message: scopeMessages.unknownRole(role) });
  const ids = [...(scopes.schools ?? []), scopes.bestuur, scopes.opleiding].filter((id) => id !== undefined);
  for (const id of ids) {
    if (!isScopeId(id))
      errors.push({ code: "invalid-scope-id", message: scopeMessages.invalidId(id), value: id });
  }
  if (role === "directeur" && (scopes.schools ?? []).length === 0) {
    errors.push({ code: "missing-scope", message: scopeMessages.directeurNeedsSchool });
  }
  if (role === "leerteam" && scopes.bestuur === undefined) {
    errors.push({ code: "missing-scope", message: scopeMessages.leerteamNeedsBestuur });
  }
  if (role === "docent" && scopes.opleiding === undefined) {
    errors.push({ code: "missing-scope", message: scopeMessages.docentNeedsOpleiding });
  }
  if (errors.length > 0) return fail(errors);
  const clean: UserScopes = {};
  if (scopes.schools !== undefined && scopes.schools.length > 0) clean.schools = [...new Set(scopes.schools)];
  if (scopes.bestuur !== undefined) clean.bestuur = scopes.bestuur;
  if (scopes.opleiding !== undefined) clean.opleiding = scopes.opleiding;
  return ok(clean);
}
