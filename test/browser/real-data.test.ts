/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import { hashPassword, listen, MemoryUserRepository, type Serving, type User } from "@zaz/dashboard";
import { demoPassword, fastScryptParams } from "@zaz/dashboard/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleData, type RealData } from "../../apps/dashboard/test/real-data.js";
import {
  artefacts,
  cspViolations,
  hasChromium,
  launch,
  logIn,
  marksPerChart,
  newRecordedPage,
  seriousAxeViolations,
  waitForView,
} from "./browser-harness.js";

// Accounts scoped to the example data's slug ids (the demo users point at the fake fixture's).
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
    const passwordHash = await hashPassword(demoPassword, fastScryptParams);
    serving = await listen(
      {
        results: data.service,
        users: new MemoryUserRepository(
          accounts.map((a) => ({ ...a, scopes: { ...a.scopes }, passwordHash })),
        ),
        config: { sessionSecret: "browser-test-secret-0123456789abcdef", secureCookies: false },
        log: (error) => console.error(error),
      },
      { host: "127.0.0.1", port: 0 },
    );
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

  it("directeur: the class overview names the school and shows real numbers first", async () => {
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "directeur");
      await page.goto(`${serving.url}/directeur?school=de-regenboog&wave=2026-voorjaar`);
      await waitForView(page);
      expect(await page.locator("#view-title").textContent()).toContain("De Regenboog, voorjaar 2026");
      expect(await page.locator("#facts dd").nth(1).textContent()).toMatch(/^98 \(n = 98\)$/);
      const titles = await page.locator("figure.chart-figure figcaption").allTextContents();
      expect(titles[0]).toMatch(/Bakker/);
      // A groep page the directeur may not see (another school) is refused by the server.
      const refused = await page.request.get(
        `${serving.url}/api/class-overview?school=het-kompas&wave=2026-voorjaar`,
      );
      expect(refused.status()).toBe(403);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
