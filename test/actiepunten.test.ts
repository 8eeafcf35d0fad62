import { join } from "node:path";
import { hashPassword } from "@zaz/accounts";
import { createServer, MemoryUserRepository, StoreResultsService } from "@zaz/dashboard";
import { demoPassword, fastScryptParams } from "@zaz/dashboard/testing";
import { openStore } from "@zaz/store";
import { privacySettings } from "@zaz/survey";
import type { Cell, CellValue, Section, View } from "@zaz/views";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "./example-db.js";
import { ingest, reportJson, zaz } from "./run-zaz.js";

// Issue 13, "from numbers to action": action points made at wave 1 through the dashboard API, their
// follow-up at wave 2 in the class overview (dashboard) and the klassen report (CLI), and after
// the wave-2 import is erased.

const school = "het-palet";
const concept = "bakker:heldere_communicatie";
const secret = "test-secret-that-is-long-enough-0123456789";

function actionTable(view: View): readonly Readonly<Record<string, CellValue>>[] {
  const section = view.sections.find((s: Section) => s.id === "actiepunten");
  return section?.tables[0]?.rows ?? [];
}

function cellOf(value: CellValue | undefined): Cell {
  if (typeof value !== "object" || value === null) throw new Error(`no cell: ${String(value)}`);
  return value;
}

/** The change the view's own change section shows for the construct measuring `concept`. */
function schoolChange(view: View, constructName: string): Cell {
  const table = view.sections.find((s) => s.id === "verandering")?.tables[0];
  return cellOf(table?.rows.find((r) => r.construct === constructName)?.verschil);
}

async function dashboardOver(db: string) {
  const store = await openStore(db);
  const passwordHash = await hashPassword(demoPassword, fastScryptParams);
  const users = new MemoryUserRepository([
    { username: "directeur", role: "directeur", scopes: { schools: [school] }, passwordHash },
    { username: "anders", role: "directeur", scopes: { schools: ["de-regenboog"] }, passwordHash },
    { username: "docent", role: "docent", scopes: { opleiding: "pabo_hva" }, passwordHash },
  ]);
  const privacy = privacySettings({});
  if (!privacy.ok) throw new Error("privacy");
  const app = createServer({
    results: new StoreResultsService({ store, privacy: privacy.value }),
    users,
    config: { sessionSecret: secret, secureCookies: false, scryptParams: fastScryptParams },
    log: () => {},
  });
  const login = async (username: string) => {
    const agent = request.agent(app);
    const page = await agent.get("/login");
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const r = await agent
      .post("/login")
      .type("form")
      .send({ username, password: demoPassword, _csrf: token });
    expect(r.status).toBe(303);
    // the session's own token, from any page of the logged-in user
    const home = await agent.get("/directeur");
    return { agent, csrf: /name="_csrf" value="([^"]+)"/.exec(home.text)![1]! };
  };
  return { store, app, login };
}

describe("actiepunten en opvolging (issue 13)", () => {
  let db: string;
  beforeAll(async () => {
    db = await exampleDatabase();
  });

  it("walks the cycle: made at wave 1 in the dashboard, followed up at wave 2, erased wave 2", async () => {
    const { store, app, login } = await dashboardOver(db);
    let groep: string;
    try {
      const { agent, csrf } = await login("directeur");
      const filters = await agent.get(`/api/filters/school?school=${school}`);
      expect(filters.status).toBe(200);
      groep = (filters.body as { groepen: { id: string }[] }).groepen[0]!.id;
      const point = {
        school,
        concept,
        description: "Elke maand een nieuwsbrief met wat we van ouders vragen",
        wie: "directeur en bouwcoördinatoren",
        wave: "2025-najaar",
        effectWave: "2026-voorjaar",
      };

      // no token, or another school's director, or a lecturer: refused, nothing written
      expect((await agent.post("/api/actiepunten").send(point)).status).toBe(403);
      expect((await request(app).post("/api/actiepunten").send(point)).status).toBe(401);
      const other = await login("anders");
      const refused = await other.agent.post("/api/actiepunten").set("x-csrf-token", other.csrf).send(point);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("out-of-scope");
      const docent = await login("docent");
      expect(
        (await docent.agent.post("/api/actiepunten").set("x-csrf-token", docent.csrf).send(point)).status,
      ).toBe(403);
      // a wave the school has no data for, and a concept the model does not know
      const badWave = await agent
        .post("/api/actiepunten")
        .set("x-csrf-token", csrf)
        .send({ ...point, wave: "2024-najaar" });
      expect(badWave.status).toBe(404);
      const badConcept = await agent
        .post("/api/actiepunten")
        .set("x-csrf-token", csrf)
        .send({ ...point, concept: "bakker:onbekend" });
      expect(badConcept.status).toBe(400);
      expect(await store.actions.list()).toEqual([]);

      // made in wave 1: one for the school, one for a groep (as a form, with _csrf in the body)
      const made = await agent.post("/api/actiepunten").set("x-csrf-token", csrf).send(point);
      expect(made.status, JSON.stringify(made.body)).toBe(200);
      expect(made.body).toMatchObject({ id: 1, school, groep: null, done: false, createdBy: "directeur" });
      const forGroep = await agent
        .post("/api/actiepunten")
        .type("form")
        .send({ ...point, groep, description: "Startgesprekken met alle ouders", _csrf: csrf });
      expect(forGroep.status, JSON.stringify(forGroep.body)).toBe(200);
      expect(forGroep.body).toMatchObject({ id: 2, groep });
      const done = await agent
        .post("/api/actiepunten/gedaan")
        .set("x-csrf-token", csrf)
        .send({ school, id: 1, done: true });
      expect(done.status).toBe(200);
      expect(done.body.done).toBe(true);
      // another school's director cannot mark it, even naming their own school
      const foreign = await other.agent
        .post("/api/actiepunten/gedaan")
        .set("x-csrf-token", other.csrf)
        .send({ school: "de-regenboog", id: 1 });
      expect(foreign.status).toBe(404);
      const listed = (await agent.get(`/api/actiepunten?school=${school}`)).body;
      expect(listed.actiepunten).toHaveLength(2);
      expect(listed.onderwerpen).toContainEqual({
        id: concept,
        name: "Heldere communicatie over verwachtingen",
      });

      // wave 1's class overview lists them, with no change yet
      const wave1 = (await agent.get(`/api/class-overview?school=${school}&wave=2025-najaar`)).body as View;
      expect(actionTable(wave1).map((r) => r.verandering)).toEqual([
        "volgt bij de volgende meting",
        "volgt bij de volgende meting",
      ]);

      // wave 2: the change of the condition for the school is the change section's, interval and n
      const wave2 = (await agent.get(`/api/class-overview?school=${school}&wave=2026-voorjaar`)).body as View;
      const rows = actionTable(wave2);
      expect(rows[0]).toMatchObject({ nr: 1, gedaan: "gedaan", meting: "najaar 2025" });
      expect(rows[1]).toMatchObject({ nr: 2, gedaan: "niet gedaan" });
      const followUp = cellOf(rows[0]!.verandering);
      const change = schoolChange(wave2, String(rows[0]!.onderwerp));
      expect(followUp.status).toBe("shown");
      if (followUp.status !== "shown" || change.status !== "shown") throw new Error("hidden");
      expect(followUp.value).toBe(change.value);
      expect(followUp.n).toBe(change.n);
      expect(followUp.n).toBeGreaterThan(0);
      expect([followUp.low, followUp.high]).toEqual([change.low, change.high]);
      expect(followUp.text).toBe(`${change.text}, n = ${change.n}`);
      // the summary on top names each point with the same follow-up
      const summary = wave2.sections[0]!;
      expect(summary.id).toBe("samenvatting");
      const summaryText = JSON.stringify(summary.tables[0]?.rows ?? []);
      expect(summaryText).toContain("Actiepunt 1");
      expect(summaryText).toContain(`gedaan; verandering: ${change.text}, n = ${change.n}.`);
      // the groep's follow-up is the groep's cell: shown, or hidden as the release decided
      expect(cellOf(rows[1]!.verandering).status).toMatch(/shown|suppressed|empty/);

      const history = await store.actions.history(1);
      expect(history.map((e) => [e.change, e.by])).toEqual([
        ["added", "directeur"],
        ["done", "directeur"],
      ]);
    } finally {
      await store.close();
    }

    // the same section in the klassen report, and the CLI's own list
    const report = await zaz([
      "report",
      "klassen",
      "--school",
      "Het Palet",
      "--wave",
      "2026-voorjaar",
      "--db",
      db,
    ]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("Actiepunten en opvolging");
    const listed = JSON.parse((await zaz(["actie", "list", "--db", db, "--format", "json"])).stdout) as {
      id: number;
      done: boolean;
    }[];
    expect(listed.map((p) => [p.id, p.done])).toEqual([
      [1, true],
      [2, false],
    ]);

    // erasing the wave-2 import: wave 1 is the latest again and there is no change to show
    const imports = JSON.parse((await zaz(["imports", "--db", db, "--format", "json"])).stdout) as {
      id: string;
      fileName: string;
    }[];
    const wave2Import = imports.find((i) => i.fileName.includes("het-palet-2026-voorjaar"))!;
    expect((await zaz(["remove", "--import", wave2Import.id, "--db", db])).code).toBe(0);
    const after = await reportJson(db, [
      "report",
      "klassen",
      "--school",
      "Het Palet",
      "--wave",
      "2025-najaar",
    ]);
    expect(after.about.previousWave).toBeUndefined();
    expect(actionTable(after).map((r) => [r.nr, r.verandering])).toEqual([
      [1, "volgt bij de volgende meting"],
      [2, "volgt bij de volgende meting"],
    ]);
    const gone = await zaz([
      "report",
      "klassen",
      "--school",
      "Het Palet",
      "--wave",
      "2026-voorjaar",
      "--db",
      db,
    ]);
    expect(gone.code).not.toBe(0);

    // the next wave is imported (again): the follow-up is back, equal to the change section's cell
    await ingest(
      db,
      join("data", "voorbeeld", "ouderpopulatie-het-palet-2026-voorjaar-microsoft-forms.csv"),
      {
        instrument: "ouderpopulatie",
        bestuur: "Stichting Samen Leren",
        school: "Het Palet",
        wave: "2026-voorjaar",
      },
    );
    const back = await reportJson(db, [
      "report",
      "klassen",
      "--school",
      "Het Palet",
      "--wave",
      "2026-voorjaar",
    ]);
    const again = actionTable(back);
    const backChange = schoolChange(back, String(again[0]!.onderwerp));
    const backFollowUp = cellOf(again[0]!.verandering);
    expect(backFollowUp.status).toBe("shown");
    if (backFollowUp.status !== "shown" || backChange.status !== "shown") throw new Error("hidden");
    expect([backFollowUp.value, backFollowUp.n, backFollowUp.low, backFollowUp.high]).toEqual([
      backChange.value,
      backChange.n,
      backChange.low,
      backChange.high,
    ]);
  });

  it("zaz actie add, done and list, with Dutch refusals", async () => {
    const fresh = await exampleDatabase();
    const add = (extra: string[]) =>
      zaz([
        "actie",
        "add",
        "--school",
        "De Regenboog",
        "--onderwerp",
        "partnerschap:formeel",
        "--actie",
        "Ouderraad werft in elke groep",
        "--wie",
        "MR",
        "--meting",
        "2025-najaar",
        "--effect",
        "2026-voorjaar",
        "--door",
        "j.jansen",
        "--db",
        fresh,
        ...extra,
      ]);
    const ok = await add([]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain("Actiepunt 1 is vastgelegd voor De Regenboog.");
    const wrong = await add(["--effect", "2025-voorjaar"]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("--effect");
    expect((await zaz(["actie", "done", "1", "--db", fresh])).code).toBe(0);
    expect((await zaz(["actie", "done", "7", "--db", fresh])).stderr).toContain(
      "geen actiepunt met nummer 7",
    );
    const table = await zaz(["actie", "list", "--db", fresh]);
    expect(table.stdout).toContain("hele school");
    const csv = await zaz(["actie", "list", "--db", fresh, "--format", "csv", "--school", "de-regenboog"]);
    expect(csv.stdout.split("\n")[0]).toContain("voorwaarde of vorm");
    expect(csv.stdout).toContain("Formeel partnerschap");
  });
});
