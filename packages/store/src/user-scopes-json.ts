import type { UserScopes } from "./store.js";

/**
 * Scopes are kept as one JSON text column, so every database behind the Store holds them alike.
 * Only the known keys are written, in a fixed order.
 */
export function encodeUserScopes(scopes: UserScopes): string {
  const clean: UserScopes = {};
  if (scopes.schools !== undefined) clean.schools = [...scopes.schools];
  if (scopes.bestuur !== undefined) clean.bestuur = scopes.bestuur;
  if (scopes.opleiding !== undefined) clean.opleiding = scopes.opleiding;
  return JSON.stringify(clean);
}

/** Throws when the text is not what `encodeUserScopes` writes: a damaged row is not a user's mistake. */
export function decodeUserScopes(json: string): UserScopes {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Stored user scopes are not an object: ${json}`);
  }
  const scopes: UserScopes = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key === "schools" && Array.isArray(value) && value.every((v) => typeof v === "string")) {
      scopes.schools = value;
    } else if ((key === "bestuur" || key === "opleiding") && typeof value === "string") {
      scopes[key] = value;
    } else {
      throw new Error(`Stored user scopes have an unexpected ${key}: ${json}`);
    }
  }
  return scopes;
}
