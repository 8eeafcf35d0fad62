/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import type { Serving, User } from "@zaz/dashboard";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loadExampleData,
  manifest,
  type RealData,
  rosterFamilies,
  rosterFamiliesPerGroep,
} from "../../apps/dashboard/test/real-data.js";
import {
  artefacts,
  cspViolations,
  hasChromium,
  launch,
  logIn,
  marksPerChart,
  newRecordedPage,
  seriousAxeViolations,
  startServer,
  usersWith,
  waitForView,
} from "./browser-harness.js";

// Accounts scoped to the example data's slug ids (the demo users point at the demo fixture's).
const accounts: Omit<User, "passwordHash">[] = [
  { username: "directeur", role: "directeur", scopes: { schools: ["de-regenboog"] } },
  { username: "leerteam", role: "leerteam", scopes: { bestuur: "stichting-samen-leren" } },
  { username: "docent", role: "docent", scopes: { opleiding: "pabo-hva" } },
];

const viewsByRole: Record<string, string[]> = {
  directeur: [
    "/directeur",
    "/directeur?school=de-regenboog&wave=2025-najaar",
    "/directeur/groep?school=de-regenboog&wave=2026-voorjaar&groep=3",
    "/directeur/groep?school=de-regenboog&wave=2026-voorjaar&groep=8",
  ],
  leerteam: ["/leerteam", "/directeur?school=het-kompas&wave=2026-voorjaar"],
  docent: ["/pabo", "/pabo?opleiding=pabo-hva&fase=afstudeerfase&gesprekssoort=kennismaking"],
};

describe.skipIf(!hasChromium)("dashboard on the example data in Chromium", () => {
  let browser: Browser;
  let serving: Serving;
  let data: RealData;

  beforeAll(async () => {
    data = await loadExampleData();
    serving = await startServer(data.service, await usersWith(accounts));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await serving?.close();
    await data?.close();
  });

  for (const [role, paths] of Object.entries(viewsByRole)) {
    it(`${role}: every view draws its charts from the stored data, without errors, CSP violations or serious axe findings`, async () => {
      const { context, page, problems } = await newRecordedPage(browser);
      try {
        await logIn(page, serving.url, role);
        for (const path of paths) {
          await page.goto(`${serving.url}${path}`);
          await waitForView(page);
          const marks = await marksPerChart(page);
          expect(marks.length, path).toBeGreaterThan(0);
          for (const count of marks) expect(count, path).toBeGreaterThan(0);
          // Every headline number carries its n, or says why it is not shown.
          for (const fact of await page.locator("#facts dd").allTextContents())
            expect(fact, path).toMatch(/\(n = \d+\)|respondenten|afgeschermd|geen gegevens/);
          const name = `real-${role}${path.replace(/[^a-z0-9]+/gi, "_")}`;
          await page.screenshot({ path: `${artefacts}/${name}.png`, fullPage: true });
          expect(await cspViolations(page), path).toEqual([]);
          expect(await seriousAxeViolations(page), path).toEqual([]);
        }
        expect(problems.console).toEqual([]);
        expect(problems.pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("directeur: the class overview names the school and wave and shows the real numbers, each with its n", async () => {
    const school = "De Regenboog";
    const wave = "2026-voorjaar";
    // The numbers as the example files have them, read without the store.
    // (the school's wave may come in several files: the Dutch form and a translated one)
    const responses = manifest()
      .filter((e) => e.instrument === "ouderpopulatie" && e.flags.school === school && e.flags.wave === wave)
      .reduce((n, e) => n + e.responses, 0);
    const families = rosterFamilies(school, wave);
    const familiesPerGroep = new Map(
      [...rosterFamiliesPerGroep(school, wave)].map(([groep, n]) => [`Groep ${groep}`, n]),
    );
    expect(familiesPerGroep.size).toBe(8);
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "directeur");
      await page.goto(`${serving.url}/directeur?school=de-regenboog&wave=${wave}`);
      await waitForView(page);
      expect(await page.locator("#view-title").textContent()).toBe(
        `Ouderbetrokkenheid per groep — ${school}`,
      );
      expect(await page.locator("#content p.subtitle").textContent()).toBe(
        "Meting voorjaar 2026, vergeleken met najaar 2025",
      );
      expect(await page.locator("#filter-wave").inputValue()).toBe(wave);
      // Response rate and respondents, with the n they rest on: the files' own counts.
      expect(await page.locator("#facts dt").allTextContents()).toEqual([
        "Respons",
        "Ingevulde vragenlijsten",
      ]);
      expect(await page.locator("#facts dd").allTextContents()).toEqual([
        `${Math.round((100 * responses) / families)}% (n = ${responses})`,
        `${responses} (n = ${responses})`,
      ]);
      // First the response per groep, then the Bakker conditions per groep.
      const titles = await page.locator("figure.chart-figure figcaption").allTextContents();
      expect(titles.slice(0, 3)).toEqual([
        "Respons per groep",
        "Ervaring per groep en conditie",
        "Betrokkenheid per groep en vorm",
      ]);
      expect(await page.locator("#sectie-ervaring-bakker .intro").textContent()).toMatch(/Bakker/);
      // The response chart's table: every groep shown has the roster's families, a small one why not.
      const respons = page.locator("#sectie-respons figure.chart-figure");
      await respons.getByRole("button", { name: "Toon tabel" }).click();
      const rows = await respons
        .locator("table tbody tr")
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent ?? "")));
      expect(rows.map((r) => r[0])).toEqual([...familiesPerGroep.keys()]);
      const shown = rows.filter((r) => r[4] === "");
      const hidden = rows.filter((r) => r[4] !== "");
      expect(shown.length).toBeGreaterThan(4);
      // (with the translated form's answers every groep of this wave reaches k; hidden rows, where
      // there are any, are checked below)
      let counted = 0;
      for (const [groep, n, gezinnen, rate] of shown) {
        expect(Number(gezinnen), groep).toBe(familiesPerGroep.get(groep!));
        expect(Number(n), groep).toBeGreaterThanOrEqual(5);
        expect(Number(rate!.replace(",", ".")), groep).toBeCloseTo((100 * Number(n)) / Number(gezinnen), 1);
        counted += Number(n);
      }
      if (hidden.length === 0) expect(counted).toBe(responses);
      else expect(counted).toBeLessThan(responses);
      for (const [groep, n, gezinnen, rate, status] of hidden) {
        expect([n, gezinnen, rate], groep).toEqual(["", "", ""]);
        expect(status, groep).toMatch(/^onderdrukt: (minder dan 5 respondenten|afgeschermd)/);
      }
      // A school the directeur may not see is refused by the server, whatever the page asks.
      const refused = await page.request.get(
        `${serving.url}/api/class-overview?school=het-kompas&wave=${wave}`,
      );
      expect(refused.status()).toBe(403);
      const allowed = await page.request.get(
        `${serving.url}/api/class-overview?school=de-regenboog&wave=${wave}`,
      );
      expect(allowed.status()).toBe(200);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.console).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
