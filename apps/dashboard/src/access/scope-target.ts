/**
 * What a request asks to see, read from the request by its route: one school, one board, one
 * opleiding; "self" (the user's own account) or "admin" (user management).
 */
export type ScopeTarget =
  | { kind: "school"; school: string }
  | { kind: "bestuur"; bestuur: string }
  | { kind: "opleiding"; opleiding: string }
  | { kind: "self" }
  | { kind: "admin" };

export type ScopeKind = ScopeTarget["kind"];
