import { assignSlugs, slugify } from "@zaz/accounts";
import {
  createServer,
  hashPassword,
  MemoryUserRepository,
  type ResultView,
  StoreResultsService,
} from "@zaz/dashboard";
import { demoPassword, fastScryptParams } from "@zaz/dashboard/testing";
import { privacySettings } from "@zaz/survey";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byWave, previousWaveOf } from "../src/results/names.js";
import { loggedInAgent } from "./helpers.js";
import { loadExampleData, manifest, type RealData, rosterFamilies } from "./real-data.js";

let data: RealData;

beforeAll(async () => {
  data = await loadExampleData();
});

afterAll(async () => {
  await data?.close();
});

const bestuur = "stichting-samen-leren";
const respondents = (school: string, wave: string) =>
  manifest().find((m) => m.flags.school === school && m.flags.wave === wave)?.responses;

/** The rows of a chart's data table. */
function tableOf(view: ResultView, id: string) {
  const chart = view.charts.find((c) => c.id === id);
  if (chart === undefined) throw new Error(`no chart ${id} in ${view.charts.map((c) => c.id).join(", ")}`);
  return chart.table.rows;
}

describe("slugs", () => {
  it("makes URL-safe ids and keeps them unique and stable", () => {
    expect(slugify("De Regenboog")).toBe("de-regenboog");
    expect(slugify("pabo_hva")).toBe("pabo-hva");
    expect(slugify("Ōbs 't Café!")).toBe("obs-t-cafe");
    const ids = assignSlugs(["De Regenboog", "de regenboog", "Het Palet"]);
    expect(ids.get("De Regenboog")).toBe("de-regenboog");
    expect(ids.get("de regenboog")).toBe("de-regenboog-2");
    expect(assignSlugs(["de regenboog", "De Regenboog"]).get("de regenboog")).toBe("de-regenboog-2");
  });

  it("orders waves in time: spring before autumn of the same year", () => {
    expect(["2026-voorjaar", "2025-najaar", "2025-voorjaar"].sort(byWave)).toEqual([
      "2025-voorjaar",
      "2025-najaar",
      "2026-voorjaar",
    ]);
    expect(previousWaveOf(["2025-najaar", "2026-voorjaar"], "2026-voorjaar")).toBe("2025-najaar");
    expect(previousWaveOf(["2025-najaar", "2026-voorjaar"], "2025-najaar")).toBeNull();
  });
});

describe("StoreResultsService on the example data", () => {
  it("lists the board, its schools and the opleidingen by slug id, with their names", async () => {
    const catalog = await data.service.catalog();
    expect(catalog.besturen).toEqual([
      {
        id: bestuur,
        name: "Stichting Samen Leren",
        schools: [
          { id: "de-regenboog", name: "De Regenboog" },
          { id: "de-zonnewijzer", name: "De Zonnewijzer" },
          { id: "het-kompas", name: "Het Kompas" },
          { id: "het-palet", name: "Het Palet" },
        ],
      },
    ]);
    expect(catalog.opleidingen).toEqual([
      { id: "pabo-hva", name: "Pabo HvA" },
      { id: "upva", name: "UPvA" },
    ]);
    expect(await data.service.schoolsOf(bestuur)).toEqual([
      "de-regenboog",
      "de-zonnewijzer",
      "het-kompas",
      "het-palet",
    ]);
    expect(await data.service.schoolsOf("Stichting Samen Leren")).toEqual([]);
  });

  it("round-trips every id: catalog → filters → views name the same entity", async () => {
    const catalog = await data.service.catalog();
    for (const school of catalog.besturen.flatMap((b) => b.schools)) {
      const filters = await data.service.filters({ school: school.id });
      expect(filters?.scope).toEqual(school);
      expect(filters?.waves.map((w) => w.id)).toEqual(["2025-najaar", "2026-voorjaar"]);
      expect(filters?.groepen.map((g) => g.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
      for (const wave of filters?.waves ?? []) {
        const view = await data.service.classOverview({ school: school.id, wave: wave.id });
        expect(view?.school).toEqual(school);
        expect(view?.wave).toEqual(wave);
        expect(view?.facts[1]?.cell).toMatchObject({
          status: "shown",
          value: respondents(school.name, wave.id),
        });
      }
    }
    const board = await data.service.filters({ bestuur });
    expect(board?.schools).toEqual(catalog.besturen[0]?.schools);
    const opleiding = await data.service.filters({ opleiding: "pabo-hva" });
    expect(opleiding?.scope).toEqual({ id: "pabo-hva", name: "Pabo HvA" });
    expect(opleiding?.cohorts.map((c) => c.id)).toEqual(["2023", "2024"]);
    expect(opleiding?.fasen.map((f) => f.id)).toEqual(["hoofdfase", "afstudeerfase"]);

    expect(await data.service.filters({ school: "De Regenboog" })).toBeUndefined();
    expect(await data.service.classOverview({ school: "de-regenboog", wave: "2024-najaar" })).toBeUndefined();
    expect(
      await data.service.groepDetail({ school: "de-regenboog", wave: "2025-najaar", groep: "9" }),
    ).toBeUndefined();
    expect(await data.service.boardOverview({ bestuur: "asko" })).toBeUndefined();
    expect(await data.service.leerlijn({ opleiding: "pabo_hva" })).toBeUndefined();
    expect(await data.service.leerlijn({ opleiding: "pabo-hva", fase: "propedeuse" })).toBeUndefined();
  });

  it("class overview: real counts and rates, suppressed groepen without a value", async () => {
    const view = await data.service.classOverview({ school: "de-regenboog", wave: "2026-voorjaar" });
    if (view === undefined) throw new Error("no view");
    expect(view.title).toBe("De Regenboog, voorjaar 2026");
    expect(view.previousWave).toEqual({ id: "2025-najaar", name: "najaar 2025" });
    expect(view.charts.map((c) => c.id)).toEqual([
      "heatmap-bakker",
      "heatmap-partnerschap",
      "respons",
      "verandering",
    ]);
    // 98 responses (the manifest) over the families of the roster file.
    const families = rosterFamilies("De Regenboog", "2026-voorjaar");
    expect(view.facts[0]).toEqual({
      label: "Respons",
      unit: "percent",
      cell: { status: "shown", n: 98, value: 98 / families },
    });

    const rates = tableOf(view, "respons");
    const shown = rates.filter((r) => r.status === null);
    const hidden = rates.filter((r) => r.status !== null);
    expect(shown.length).toBeGreaterThan(4);
    expect(hidden.length).toBeGreaterThan(0);
    for (const row of hidden) expect([row.responses, row.families, row.rate]).toEqual([null, null, null]);
    // Shown groepen plus the hidden ones (together ≥ k) make the school's 98.
    const hiddenTotal = 98 - shown.reduce((sum, r) => sum + Number(r.responses), 0);
    expect(hiddenTotal).toBeGreaterThanOrEqual(5);

    for (const id of ["heatmap-bakker", "heatmap-partnerschap", "verandering"]) {
      const rows = tableOf(view, id);
      const suppressedGroepen = new Set(hidden.map((r) => r.groep));
      for (const row of rows) {
        const groep = row.groep ?? row.row;
        if (suppressedGroepen.has(groep ?? "")) {
          expect(row.mean ?? row.change ?? null, `${id} ${groep}`).toBeNull();
          expect(row.n, `${id} ${groep}`).toBeNull();
          expect(String(row.status)).toMatch(/^onderdrukt/);
        }
      }
      expect(rows.some((r) => typeof (r.mean ?? r.change) === "number")).toBe(true);
    }
    for (const row of tableOf(view, "heatmap-bakker").filter((r) => r.mean !== null)) {
      expect(Number(row.mean)).toBeGreaterThanOrEqual(1);
      expect(Number(row.mean)).toBeLessThanOrEqual(5);
      expect(Number(row.n)).toBeGreaterThanOrEqual(5);
    }
    // The chart's own data carries no value for a suppressed cell either.
    const spec = view.charts[0]?.spec as { data: { values: Record<string, unknown>[] } } | undefined;
    const values = spec?.data.values ?? [];
    expect(values.length).toBeGreaterThan(0);
    for (const v of values.filter((x) => x.status !== "shown")) expect([v.mean, v.n]).toEqual([null, null]);
  });

  it("groep page: hidden exactly when the overview hides the groep; free text only from kText up", async () => {
    const overview = await data.service.classOverview({ school: "de-regenboog", wave: "2026-voorjaar" });
    const rates = tableOf(overview!, "respons");
    for (const groep of overview!.groepen) {
      const view = await data.service.groepDetail({
        school: "de-regenboog",
        wave: "2026-voorjaar",
        groep: groep.id,
      });
      if (view === undefined) throw new Error(`no view for ${groep.id}`);
      expect(view.groep).toEqual(groep);
      const hiddenInOverview = rates.find((r) => r.groep === groep.name)?.status !== null;
      expect(view.facts[1]?.cell.status === "suppressed", groep.name).toBe(hiddenInOverview);
      const likert = tableOf(view, "likert-bakker");
      expect(likert.length).toBe(18);
      if (hiddenInOverview) {
        expect(view.facts.every((f) => !("value" in f.cell))).toBe(true);
        for (const row of likert) expect(row.n).toBeNull();
        for (const block of view.freeText) expect(block.cell.status).toBe("suppressed");
      } else {
        const n = view.facts[1]?.cell.status === "shown" ? view.facts[1].cell.value : 0;
        expect(likert.some((row) => row.n !== null)).toBe(true);
        for (const block of view.freeText)
          if (block.cell.status === "shown") {
            expect(n).toBeGreaterThanOrEqual(10);
            expect(block.cell.answers.length).toBeGreaterThan(0);
          }
        if (n < 10) for (const block of view.freeText) expect(block.cell.status).not.toBe("shown");
      }
      const trend = tableOf(view, "trend-bakker");
      expect(trend.length).toBe(12); // 6 conditions × 2 waves
    }
  });

  it("board overview: schools side by side per wave, profiles, change and reliability", async () => {
    const view = await data.service.boardOverview({ bestuur });
    if (view === undefined) throw new Error("no view");
    expect(view.charts.map((c) => c.id)).toEqual([
      "scholen",
      "profielen",
      "respons",
      "verandering",
      "betrouwbaarheid",
    ]);
    const total = ["De Regenboog", "Het Palet", "De Zonnewijzer", "Het Kompas"].reduce(
      (sum, s) => sum + (respondents(s, "2026-voorjaar") ?? 0),
      0,
    );
    expect(view.facts[1]?.cell).toEqual({ status: "shown", n: total, value: total });
    const heat = tableOf(view, "scholen");
    expect(heat).toHaveLength(4 * 2 * 6);
    expect(heat.find((r) => r.groep === "De Regenboog · najaar 2025")?.n).toBeGreaterThan(90);
    const response = tableOf(view, "respons");
    expect(response.find((r) => r.groep === "Het Palet")).toMatchObject({
      responses: 104,
      families: rosterFamilies("Het Palet", "2026-voorjaar"),
    });
    for (const row of tableOf(view, "betrouwbaarheid")) {
      expect(Number(row.value)).toBeGreaterThan(0);
      expect(Number(row.value)).toBeLessThan(1);
      expect(Number(row.low)).toBeLessThan(Number(row.value));
    }
  });

  it("leerlijn: counts of forms and feedback, per profieleis and fase; filters narrow it", async () => {
    const all = await data.service.leerlijn({ opleiding: "pabo-hva" });
    const upva = await data.service.leerlijn({ opleiding: "upva" });
    const count = (v: typeof all, label: string) => {
      const cell = v?.facts.find((f) => f.label === label)?.cell;
      return cell?.status === "shown" ? cell.value : 0;
    };
    // Every form and every feedback belongs to one of the two opleidingen.
    expect(count(all, "Observatieformulieren") + count(upva, "Observatieformulieren")).toBe(117);
    expect(count(all, "Feedback van opleidingsouders") + count(upva, "Feedback van opleidingsouders")).toBe(
      102,
    );
    expect(all!.charts.map((c) => c.id)).toEqual(["profieleisen", "onderdelen", "feedback"]);
    // Every profieleis the instruments link to an observation section has its row per fase.
    const perProfieleis = tableOf(all!, "profieleisen");
    expect(new Set(perProfieleis.map((r) => String(r.category).split(":")[0]))).toEqual(
      new Set(["b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "c2", "c4", "c6"]),
    );
    for (const row of perProfieleis.filter((r) => r.value !== null)) {
      expect(Number(row.value)).toBeGreaterThan(0);
      expect(Number(row.value)).toBeLessThan(1);
      expect(Number(row.n)).toBeGreaterThanOrEqual(5);
    }
    const feedback = tableOf(all!, "feedback");
    expect(feedback).toHaveLength(5 * 2);
    for (const row of feedback.filter((r) => r.value !== null)) {
      expect(Number(row.value)).toBeGreaterThanOrEqual(1);
      expect(Number(row.value)).toBeLessThanOrEqual(4);
    }
    const narrowed = await data.service.leerlijn({ opleiding: "pabo-hva", gesprekssoort: "voortgang" });
    expect(count(narrowed, "Observatieformulieren")).toBeLessThan(count(all, "Observatieformulieren"));
    expect(new Set(tableOf(narrowed!, "feedback").map((r) => r.series))).toEqual(
      new Set(["Hoofdfase", "Afstudeerfase (LIO)"]),
    );
    // Two filters whose wider views differ by fewer than k students are refused as a whole:
    // without the fase filter, only a few afstudeerfase students had a voortgangsgesprek.
    const tooNarrow = await data.service.leerlijn({
      opleiding: "pabo-hva",
      fase: "hoofdfase",
      gesprekssoort: "voortgang",
    });
    expect(tooNarrow?.charts).toEqual([]);
    expect(tooNarrow?.facts[0]?.cell).toMatchObject({ status: "suppressed" });
    // One kind of conversation: its form's items one by one, and only sections with data.
    expect(narrowed!.charts.map((c) => c.id)).toEqual(["profieleisen", "onderdelen", "items", "feedback"]);
    const sections = tableOf(narrowed!, "onderdelen").map((r) => String(r.category));
    expect(sections.some((c) => c.startsWith("Voortgangsgesprek"))).toBe(true);
    expect(sections.some((c) => c.startsWith("Adviesgesprek"))).toBe(false);
    expect(tableOf(narrowed!, "items").every((r) => String(r.section).startsWith("Voortgangsgesprek"))).toBe(
      true,
    );
  });

  it("sends no raw responses, pseudonyms or texts of small groups through the API", async () => {
    const users = new MemoryUserRepository([
      {
        username: "beheerder",
        role: "beheerder",
        scopes: {},
        passwordHash: await hashPassword(demoPassword, fastScryptParams),
      },
    ]);
    const app = createServer({
      results: data.service,
      users,
      config: { sessionSecret: "test-secret-that-is-long-enough-0123456789", secureCookies: false },
      log: () => {},
    });
    const agent = await loggedInAgent(app, "beheerder");
    const paths = [
      "/api/catalog",
      "/api/filters/school?school=de-regenboog",
      "/api/filters/opleiding?opleiding=upva",
      `/api/board?bestuur=${bestuur}`,
      "/api/class-overview?school=het-kompas&wave=2025-najaar",
      "/api/leerlijn?opleiding=pabo-hva",
      "/api/leerlijn?opleiding=upva&cohort=2024",
      ...["1", "2", "3", "4", "5", "6", "7", "8"].map(
        (groep) => `/api/groep?school=het-kompas&wave=2025-najaar&groep=${groep}`,
      ),
    ];
    let json = "";
    for (const path of paths) {
      const response = await agent.get(path);
      expect(response.status, path).toBe(200);
      json += response.text;
    }
    const stored = [
      ...(await data.store.selectResponses({ instrumentId: "observatie" })),
      ...(await data.store.selectResponses({ instrumentId: "opleidingsouders" })),
      ...(await data.store.selectResponses({
        instrumentId: "ouderpopulatie",
        where: { school: "Het Kompas" },
      })),
    ];
    const secrets = new Set<string>();
    for (const r of stored) {
      secrets.add(r.key);
      for (const [dimension, value] of Object.entries(r.context))
        if (dimension === "student" || dimension === "_respondent") secrets.add(value);
    }
    expect(secrets.size).toBeGreaterThan(100);
    for (const secret of secrets) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/"p-[0-9a-f]{16}"/);
    expect(json).not.toMatch(/"(answers|context|importId)":\[?\{/);
    // The opleidingsouders' explanations and the mentors' remarks are free text of student feedback: not in these views.
    const remarks = stored
      .filter((r) => r.instrumentId !== "ouderpopulatie")
      .flatMap((r) => r.answers.flatMap((a) => (a.text === null ? [] : [a.text])));
    expect(remarks.length).toBeGreaterThan(0);
    for (const text of remarks) expect(json).not.toContain(JSON.stringify(text));
  });

  it("respects a higher k: fewer cells shown", async () => {
    const strict = privacySettings({ k: 15 });
    if (!strict.ok) throw new Error("k = 15 rejected");
    const service = new StoreResultsService({
      store: data.store,
      instruments: data.instruments,
      privacy: strict.value,
    });
    const view = await service.classOverview({ school: "de-regenboog", wave: "2026-voorjaar" });
    const shown = tableOf(view!, "respons").filter((r) => r.status === null);
    for (const row of shown) expect(Number(row.responses)).toBeGreaterThanOrEqual(15);
  });
});
