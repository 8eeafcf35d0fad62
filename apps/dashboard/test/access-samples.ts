import { apiRoutes, type ScopeKind } from "@zaz/dashboard";

// The access matrix's tables, shared by the matrix of local accounts (access-matrix.test.ts) and
// of accounts made by single sign-on (sso-access-matrix.test.ts).

/**
 * A valid query per route for a given scope value. A route added to the table without an
 * entry here fails the first test, so no route escapes the matrix.
 */
export const sampleQueries: Record<string, (value: string) => Record<string, string>> = {
  me: () => ({}),
  catalog: () => ({}),
  users: () => ({}),
  "school-filters": (school) => ({ school }),
  "bestuur-filters": (bestuur) => ({ bestuur }),
  "opleiding-filters": (opleiding) => ({ opleiding }),
  "class-overview": (school) => ({ school, wave: "2025-voorjaar" }),
  groep: (school) => ({ school, wave: "2025-voorjaar", groep: "groep-1" }),
  board: (bestuur) => ({ bestuur }),
  leerlijn: (opleiding) => ({ opleiding, fase: "hoofdfase" }),
};

/** The scope kind of a route, found by asking it which target a sample query names. */
export function kindOf(routeId: string): ScopeKind {
  const route = apiRoutes.find((r) => r.id === routeId)!;
  return route.scope(route.query.parse(sampleQueries[routeId]!("x")) as never).kind;
}

// Per scope kind: a value inside the demo fixture that each role may see, and one it may not.
// In fixture: directeur has de-regenboog (ASKO); leerteam has ASKO (de-regenboog, het-kompas);
// docent has pabo-hva. STAIJ's de-vlinder and iPabo are outside everyone's scope but beheerder's.
export const inScope: Record<ScopeKind, Partial<Record<string, string>>> = {
  school: { directeur: "de-regenboog", leerteam: "het-kompas", beheerder: "de-vlinder" },
  bestuur: { leerteam: "asko", beheerder: "staij" },
  opleiding: { docent: "pabo-hva", beheerder: "pabo-ipabo" },
  self: { directeur: "-", leerteam: "-", docent: "-", beheerder: "-" },
  admin: { beheerder: "-" },
};
export const outOfScope: Record<ScopeKind, string | undefined> = {
  school: "de-vlinder",
  bestuur: "staij",
  opleiding: "pabo-ipabo",
  self: undefined,
  admin: "-",
};

export function url(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search === "" ? path : `${path}?${search}`;
}
