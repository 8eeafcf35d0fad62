import type { View } from "@zaz/views";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, appOver, loggedInAgent } from "../apps/dashboard/test/helpers.js";
import { openExampleData, type RealData, writeExampleData } from "../apps/dashboard/test/real-data.js";
import { reportJson } from "./run-zaz.js";

/**
 * One views layer: the CLI's JSON and the dashboard's API are the same view, number for number.
 * The CLI renders it from one process, the dashboard serves it from another store handle of the
 * same file; only the moment of computing may differ.
 */
let db = "";
beforeAll(async () => {
  db = await writeExampleData();
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
  let data: RealData | undefined;
  let agent: Agent;

  beforeAll(async () => {
    for (const c of cases) fromCli.push(await reportJson(db, [...c.cli, "--vers"]));
    // after the CLI: one store per file in a process
    data = await openExampleData(db);
    agent = await loggedInAgent(await appOver(data.service), "beheerder");
  }, 120_000);

  afterAll(async () => {
    await data?.close();
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
