import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, appOver, loggedInAgent, sharedDemo } from "./helpers.js";

/**
 * Filter values must exist in the user's scope: an unknown one is answered 404 before any view is
 * computed, and after the scope's first request without any database work, so nobody can make the
 * server compute (or keep) views for values that do not exist.
 */

let queries = 0;
const agents = new Map<string, Agent>();
let restore: (() => void) | undefined;

beforeAll(async () => {
  const demo = await sharedDemo();
  // count everything that reaches the database: the analysis queries and the kept views
  const targets = [demo.store.analysis, demo.store.viewResults] as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >[];
  const originals: [Record<string, (...args: unknown[]) => Promise<unknown>>, string, unknown][] = [];
  for (const target of targets)
    for (const name of Object.keys(target)) {
      const query = target[name]!;
      originals.push([target, name, query]);
      target[name] = (...args: unknown[]) => {
        queries++;
        return query(...args);
      };
    }
  restore = () => {
    for (const [target, name, query] of originals)
      target[name] = query as (...args: unknown[]) => Promise<unknown>;
  };
  const app = await appOver(demo.service, { apiRequestsPerMinute: 100_000 });
  for (const username of ["directeur", "docent", "beheerder"])
    agents.set(username, await loggedInAgent(app, username));
});

afterAll(() => restore?.());

const get = (username: string, path: string) => agents.get(username)!.get(path);

describe("filter values that do not exist", () => {
  it("answers 404 with a Dutch message for an unknown cohort, fase or gesprekssoort, without database work", async () => {
    // the scope's first request reads its filter options once
    expect((await get("docent", "/api/leerlijn?opleiding=pabo-hva&cohort=2023")).status).toBe(200);
    queries = 0;
    for (let i = 0; i < 25; i++) {
      const response = await get("docent", `/api/leerlijn?opleiding=pabo-hva&cohort=x${i}`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("unknown-value");
      expect(response.body.error.message).toMatch(/cohort ".*"\. Beschikbaar: /);
      expect(response.body.error.message).toMatch(/geen gegevens/);
    }
    for (const query of ["fase=bestaat-niet", "gesprekssoort=2025 najaar", "cohort=2023&fase=%2F"]) {
      const response = await get("docent", `/api/leerlijn?opleiding=pabo-hva&${query}`);
      expect(response.status, query).toBe(404);
      expect(response.body.error.code).toBe("unknown-value");
    }
    expect(queries).toBe(0);
  });

  it("answers 404 for a wave or groep a school does not have, and for a school without data", async () => {
    expect((await get("directeur", "/api/filters/school?school=de-regenboog")).status).toBe(200);
    queries = 0;
    for (const path of [
      "/api/class-overview?school=de-regenboog&wave=2031-voorjaar",
      "/api/class-overview?school=de-regenboog&wave=2025%20voorjaar",
      "/api/groep?school=de-regenboog&wave=2025-voorjaar&groep=groep-99",
      "/api/groep?school=de-regenboog&wave=2099-najaar&groep=groep-1",
    ]) {
      const response = await get("directeur", path);
      expect(response.status, path).toBe(404);
      expect(response.body.error.code, path).toBe("unknown-value");
    }
    // a beheerder may ask for any school: one that does not exist is not found
    for (let i = 0; i < 10; i++) {
      const response = await get(
        "beheerder",
        `/api/class-overview?school=geen-school-${i}&wave=2025-voorjaar`,
      );
      expect(response.status).toBe(404);
      expect(response.body.error.message).toContain("deze school");
    }
    expect(queries).toBe(0);
  });

  it("checks the scope first: outside it the answer is 403, whether the value exists or not", async () => {
    for (const wave of ["2025-voorjaar", "bestaat-niet"]) {
      const response = await get("directeur", `/api/class-overview?school=de-vlinder&wave=${wave}`);
      expect(response.status).toBe(403);
    }
  });

  it("refuses control characters and overlong values as malformed (400)", async () => {
    for (const wave of ["%00", "a%0Ab", "x".repeat(201)]) {
      const response = await get("directeur", `/api/class-overview?school=de-regenboog&wave=${wave}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid-parameter");
    }
  });

  it("still serves every value that exists", async () => {
    const filters = (await get("docent", "/api/filters/opleiding?opleiding=pabo-hva")).body as {
      cohorts: { id: string }[];
      fasen: { id: string }[];
    };
    for (const cohort of filters.cohorts)
      expect((await get("docent", `/api/leerlijn?opleiding=pabo-hva&cohort=${cohort.id}`)).status).toBe(200);
    for (const fase of filters.fasen)
      expect((await get("docent", `/api/leerlijn?opleiding=pabo-hva&fase=${fase.id}`)).status).toBe(200);
  });
});
