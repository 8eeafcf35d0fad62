import { apiRoutes } from "@zaz/dashboard";
import type { APIRequestContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope, kindOf, outOfScope, sampleQueries, url } from "./access-samples.js";
import { sharedDemo } from "./helpers.js";
import { newBrowserlessContext, type SsoDashboard, ssoLogin, startSsoDashboard } from "./sso-harness.js";

/**
 * The access matrix of access-matrix.test.ts for accounts made by single sign-on: the same
 * routes, the same in-scope and out-of-scope values, for a directeur (Entree BRIN claim of De
 * Regenboog), a leerteam (group of ASKO) and a docent (group of Pabo HvA). SSO gives no beheerder.
 */
const ssoLogins: Record<string, string> = {
  directeur: "dirk@regenboog",
  leerteam: "lotte@asko",
  docent: "dana@pabo",
};

describe("access-control matrix for accounts made by single sign-on", () => {
  let dashboard: SsoDashboard;
  const contexts = new Map<string, APIRequestContext>();

  beforeAll(async () => {
    dashboard = await startSsoDashboard((await sharedDemo()).service, {
      config: { apiRequestsPerMinute: 10_000 },
    });
    for (const [role, login] of Object.entries(ssoLogins)) {
      const context = await newBrowserlessContext();
      const response = await ssoLogin(context, dashboard, login);
      if (response.status() !== 200) throw new Error(`SSO login of ${login}: ${response.status()}`);
      contexts.set(role, context);
    }
  });
  afterAll(async () => {
    for (const context of contexts.values()) await context.dispose();
    await dashboard?.close();
  });

  it("maps each person to the role the matrix expects", async () => {
    for (const [role, context] of contexts) {
      expect((await (await context.get(`${dashboard.url}/api/me`)).json()).role).toBe(role);
    }
  });

  // The GET routes: a POST route's scope check is the same function, run by access-matrix.test.ts.
  // The upload routes need the dashboard's own store (this one has none): access-matrix.test.ts.
  for (const route of apiRoutes.filter((r) => r.method === "GET" && kindOf(r.id) !== "upload")) {
    for (const role of Object.keys(ssoLogins)) {
      it(`${route.method} ${route.path}, ${role}: 200 in scope, 403 out of scope`, async () => {
        const sample = sampleQueries[route.id]!;
        const kind = kindOf(route.id);
        const context = contexts.get(role)!;
        const get = (value: string) => context.get(`${dashboard.url}${url(route.path, sample(value))}`);
        const allowed = inScope[kind][role];
        if (allowed !== undefined) {
          const response = await get(allowed);
          expect(response.status(), await response.text()).toBe(200);
        }
        const denied = outOfScope[kind];
        if (denied !== undefined) {
          const response = await get(denied);
          expect(response.status()).toBe(403);
          expect((await response.json()).error.code).toBe("out-of-scope");
        }
        if (allowed === undefined && kind !== "admin") {
          const other = Object.values(inScope[kind]).find((value) => value !== undefined)!;
          expect((await get(other)).status()).toBe(403);
        }
      });
    }
  }
});
