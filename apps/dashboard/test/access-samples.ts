import { type ApiRoute, apiRoutes, type ScopeKind } from "@zaz/dashboard";
import type { Agent } from "./helpers.js";

// The access matrix's tables, shared by the matrix of local accounts (access-matrix.test.ts) and
// of accounts made by single sign-on (sso-access-matrix.test.ts).

/**
 * A valid query per route for a given scope value. A route added to the table without an
 * entry here fails the first test, so no route escapes the matrix.
 */
export const sampleQueries: Record<string, (value: string) => Record<string, unknown>> = {
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
// The action-point routes (their POST body is the sample); id 1 may not exist: in scope is then a 404.
Object.assign(sampleQueries, {
  actiepunten: (school: string) => ({ school }),
  "actiepunt-add": (school: string) => ({
    school,
    concept: "bakker:heldere_communicatie",
    description: "Een nieuwsbrief per maand",
    wie: "directeur",
    wave: "2025-voorjaar",
    effectWave: "2025-najaar",
  }),
  "actiepunt-change": (school: string) => ({ school, id: "1", wie: "bouwcoördinator" }),
  "actiepunt-done": (school: string) => ({ school, id: "1" }),
  "actiepunt-remove": (school: string) => ({ school, id: "999" }),
});
// The upload routes: a file route's sample is its query string, its body a file (send below).
const uploadChoice = (school: string) => ({ school, instrument: "ouderpopulatie", naam: "export.csv" });
Object.assign(sampleQueries, {
  "upload-inspect": uploadChoice,
  "upload-check": uploadChoice,
  "upload-import": uploadChoice,
  "upload-mapping": (school: string) => ({
    school,
    instrument: "ouderpopulatie",
    columns: [{ index: 0, header: "Tijdstempel", target: "ignore" }],
  }),
  "upload-progress": () => ({}),
  "upload-imports": (school: string) => ({ school }),
  "upload-remove": (school: string) => ({ school, import: "0".repeat(64) }),
});
// A PDF route takes its view route's query (pdf-routes.ts).
for (const id of ["class-overview", "groep", "board", "leerlijn"])
  sampleQueries[`${id}-pdf`] = sampleQueries[id]!;

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
  // loading and erasing data: the leerteam within its board, the beheerder for any registered school
  upload: { leerteam: "het-kompas", beheerder: "de-vlinder" },
  bestuur: { leerteam: "asko", beheerder: "staij" },
  opleiding: { docent: "pabo-hva", beheerder: "pabo-ipabo" },
  self: { directeur: "-", leerteam: "-", docent: "-", beheerder: "-" },
  admin: { beheerder: "-" },
};
export const outOfScope: Record<ScopeKind, string | undefined> = {
  school: "de-vlinder",
  upload: "de-vlinder",
  bestuur: "staij",
  opleiding: "pabo-ipabo",
  self: undefined,
  admin: "-",
};

/**
 * A route's request as the matrix sends it: a GET with the sample as query string, a POST with it
 * as JSON body and the agent's CSRF token.
 */
export function send(
  agent: Agent,
  route: Pick<ApiRoute, "method" | "path" | "body">,
  query: Record<string, unknown>,
  csrf: string | undefined,
) {
  if (route.method === "GET") return agent.get(url(route.path, query));
  if (route.body === "file")
    return agent
      .post(url(route.path, query))
      .set("x-csrf-token", csrf ?? "")
      .set("content-type", "text/csv")
      .send("Tijdstempel;Groep\n");
  return agent
    .post(route.path)
    .set("x-csrf-token", csrf ?? "")
    .send(query);
}

/** In scope: 200, or for a POST naming an action point the school does not have, 404 not-found. */
export function allowedStatus(route: Pick<ApiRoute, "method">, status: number): boolean {
  return status === 200 || (route.method === "POST" && status === 404);
}

export function url(path: string, query: Record<string, unknown>): string {
  const search = new URLSearchParams(query as Record<string, string>).toString();
  return search === "" ? path : `${path}?${search}`;
}
