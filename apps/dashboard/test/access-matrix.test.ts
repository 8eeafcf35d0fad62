import { apiRoutes, roles } from "@zaz/dashboard";
import {
  type DemoFixture,
  type DemoResults,
  demoAccounts,
  demoFixture,
  demoResults,
} from "@zaz/dashboard/testing";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedStatus, inScope, kindOf, outOfScope, sampleQueries, send } from "./access-samples.js";
import { type Agent, appOver, csrfFrom, loggedInAgent, makeApp } from "./helpers.js";

describe("access-control matrix (generated from the route table)", () => {
  let app: Awaited<ReturnType<typeof makeApp>>;
  const agents = new Map<string, Agent>();
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    app = await makeApp({ apiRequestsPerMinute: 10_000 });
    for (const account of demoAccounts) {
      const agent = await loggedInAgent(app, account.username);
      agents.set(account.role, agent);
      tokens.set(account.role, csrfFrom((await agent.get("/")).text));
    }
  });

  it("has a sample query for every route, and a demo account for every role", () => {
    expect(apiRoutes.map((route) => route.id).filter((id) => sampleQueries[id] === undefined)).toEqual([]);
    expect(demoAccounts.map((account) => account.role).sort()).toEqual([...roles].sort());
  });

  for (const route of apiRoutes) {
    describe(`${route.method} ${route.path}`, () => {
      it("401 when logged out", async () => {
        const sample = sampleQueries[route.id];
        const query = sample ? sample(inScope[kindOf(route.id)].beheerder ?? "x") : {};
        const anonymous = request.agent(app);
        expect((await send(anonymous, route, query, undefined)).status).toBe(401);
      });

      for (const role of roles) {
        it(`${role}: 200 in scope, 403 out of scope`, async () => {
          const sample = sampleQueries[route.id]!;
          const kind = kindOf(route.id);
          const agent = agents.get(role)!;
          const call = (value: string) => send(agent, route, sample(value), tokens.get(role));
          const allowed = inScope[kind][role];
          if (allowed !== undefined) {
            const response = await call(allowed);
            expect(allowedStatus(route, response.status), JSON.stringify(response.body)).toBe(true);
          }
          const denied = outOfScope[kind];
          if (denied !== undefined && role !== "beheerder") {
            const response = await call(denied);
            expect(response.status).toBe(403);
            expect(response.body.error.code).toBe("out-of-scope");
          }
          // A role without any scope of this kind is refused even its "own" guess.
          if (allowed === undefined && kind !== "admin") {
            const other = Object.values(inScope[kind]).find((value) => value !== undefined)!;
            expect((await call(other)).status).toBe(403);
          }
        });
      }
    });
  }
});

/**
 * Schools are registered entities (issue 10): "De Regenboog" of another board and "DE REGENBOOG",
 * registered on purpose as a school of its own, get ids of their own, and the matrix holds for
 * them on every school route. The demo directeur has de-regenboog (ASKO), the leerteam ASKO.
 */
describe("access-control matrix: schools of the same name and a case variant", () => {
  const twins = {
    sameName: { id: "de-regenboog-2", name: "De Regenboog" },
    caseVariant: { id: "de-regenboog-3", name: "DE REGENBOOG" },
  };
  const fixture = (): DemoFixture => {
    const base = demoFixture();
    const [asko, staij] = base.besturen;
    const groepen = asko!.schools[1]!.groepen;
    return {
      ...base,
      besturen: [
        { ...asko!, schools: [...asko!.schools, { ...twins.caseVariant, groepen }] },
        { ...staij!, schools: [...staij!.schools, { ...twins.sameName, groepen }] },
      ],
    };
  };
  let demo: DemoResults;
  let app: Awaited<ReturnType<typeof appOver>>;
  const agents = new Map<string, Agent>();
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    demo = await demoResults(fixture());
    app = await appOver(demo.service, { apiRequestsPerMinute: 10_000 });
    for (const account of demoAccounts) {
      const agent = await loggedInAgent(app, account.username);
      agents.set(account.role, agent);
      tokens.set(account.role, csrfFrom((await agent.get("/")).text));
    }
  });
  afterAll(async () => {
    await demo?.close();
  });

  it("keeps the three schools apart in the catalog, each under its own board", async () => {
    const catalog = await demo.service.catalog();
    const schools = catalog.besturen.flatMap((b) => b.schools.map((s) => [b.id, s.id, s.name]));
    expect(schools).toEqual(
      expect.arrayContaining([
        ["asko", "de-regenboog", "De Regenboog"],
        ["asko", "de-regenboog-3", "DE REGENBOOG"],
        ["staij", "de-regenboog-2", "De Regenboog"],
      ]),
    );
    const count = (school: string) =>
      demo.store.countResponses({ instrumentId: "ouderpopulatie", where: { school } });
    const [own, sameName, variant] = await Promise.all(
      ["de-regenboog", "de-regenboog-2", "de-regenboog-3"].map(count),
    );
    expect(own).toBeGreaterThan(0);
    expect(await count("De Regenboog")).toBe(0);
    expect(
      await demo.store.countResponses({
        instrumentId: "ouderpopulatie",
        where: { school: ["de-regenboog", "de-regenboog-2", "de-regenboog-3"] },
      }),
    ).toBe(own! + sameName! + variant!);
  });

  for (const route of apiRoutes.filter(
    (r) => sampleQueries[r.id] !== undefined && kindOf(r.id) === "school",
  )) {
    it(`${route.method} ${route.path}: the directeur of de-regenboog gets neither twin; the leerteam of ASKO not STAIJ's`, async () => {
      const sample = sampleQueries[route.id]!;
      const get = (role: string, school: string) =>
        send(agents.get(role)!, route, sample(school), tokens.get(role));
      const allowed = async (role: string, school: string) =>
        expect(allowedStatus(route, (await get(role, school)).status)).toBe(true);
      await allowed("directeur", "de-regenboog");
      for (const twin of [twins.sameName.id, twins.caseVariant.id]) {
        const denied = await get("directeur", twin);
        expect(denied.status, twin).toBe(403);
        expect(denied.body.error.code).toBe("out-of-scope");
      }
      await allowed("leerteam", twins.caseVariant.id);
      expect((await get("leerteam", twins.sameName.id)).status).toBe(403);
      await allowed("beheerder", twins.sameName.id);
    });
  }
});
