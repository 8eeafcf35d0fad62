/**
 * What a request asks to see, read from the request by its route: one school, one board, one
 * opleiding; "self" (the user's own account) or "admin" (user management); "upload": loading or
 * erasing data of one school (the upload page), which only a leerteam (within its scope) and a
 * beheerder may.
 */
export type ScopeTarget =
  | { kind: "school"; school: string }
  | { kind: "upload"; school: string }
  | { kind: "bestuur"; bestuur: string }
  | { kind: "opleiding"; opleiding: string }
  | { kind: "self" }
  | { kind: "admin" };

export type ScopeKind = ScopeTarget["kind"];
