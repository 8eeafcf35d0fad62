import { createServer, StoreResultsService } from "@zaz/dashboard";
import { demoPassword, demoUsers } from "@zaz/dashboard/testing";
import { openDuckDbStore, type Store } from "@zaz/store";
import { privacySettings } from "@zaz/survey";
import type { View } from "@zaz/views";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "./example-db.js";
import { zaz } from "./run-zaz.js";

/**
 * One views layer: the CLI's JSON and the dashboard's API are the same view, number for number.
 * The CLI renders it from one process, the dashboard serves it from another store handle of the
 * same file; only the moment of computing may differ.
 */
let db = "";
beforeAll(async () => {
  db = await exampleDatabase();
}, 120_000);

const cases = [
  {
    cli: ["report", "klassen", "--school", "De Regenboog", "--wave", "2026-voorjaar"],
    api: "/api/class-overview?school=de-regenboog&wave=2026-voorjaar",
  },
  {
    cli: ["report", "groep", "--school", "De Regenboog", "--wave", "2026-voorjaar", "--groep", "3"],
    api: "/api/groep?school=de-regenboog&wave=2026-voorjaar&groep=3",
  },
  {
    cli: ["report", "scholen", "--bestuur", "Stichting Samen Leren"],
    api: "/api/board?bestuur=stichting-samen-leren",
  },
  {
    cli: ["report", "leerlijn", "--opleiding", "Pabo HvA", "--fase", "afstudeerfase"],
    api: "/api/leerlijn?opleiding=pabo-hva&fase=afstudeerfase",
  },
];

/** Everything of a view but when it was made. */
function numbers(view: View) {
  const { generatedAt: _, ...rest } = view;
  return rest;
}

describe("the CLI and the dashboard show the same view", () => {
  const fromCli: View[] = [];
  let store: Store;
  let agent: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    for (const c of cases) {
      const r = await zaz([...c.cli, "--db", db, "--format", "json", "--vers"]);
      expect(r.code, r.stderr).toBe(0);
      fromCli.push(JSON.parse(r.stdout) as View);
    }
    store = await openDuckDbStore(db);
    const privacy = privacySettings();
    if (!privacy.ok) throw new Error("privacy");
    const app = createServer({
      results: new StoreResultsService({ store, privacy: privacy.value }),
      users: await demoUsers(),
      config: { sessionSecret: "parity-secret-0123456789abcdef0123456789", secureCookies: false },
      log: () => {},
    });
    agent = request.agent(app);
    const page = await agent.get("/login");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const login = await agent
      .post("/login")
      .type("form")
      .send({ username: "beheerder", password: demoPassword, _csrf: csrf });
    expect(login.status).toBe(303);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  for (const [i, c] of cases.entries()) {
    it(`${c.cli.slice(0, 2).join(" ")}: identical sections, facts, links and method`, async () => {
      const response = await agent.get(c.api);
      expect(response.status, response.text).toBe(200);
      const served = response.body as View;
      expect(numbers(served)).toEqual(numbers(fromCli[i]!));
      // and not by accident: the view holds real numbers
      const shown = JSON.stringify(served.sections).match(/"status":"shown"/g) ?? [];
      expect(shown.length).toBeGreaterThan(10);
    });
  }
});
