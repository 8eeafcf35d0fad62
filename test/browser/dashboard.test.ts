/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import type { Serving } from "@zaz/dashboard";
import { FakeResultsService } from "@zaz/dashboard/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  waitForView,
} from "./browser-harness.js";

const viewsByRole: Record<string, string[]> = {
  directeur: ["/", "/directeur", "/directeur/groep?school=de-regenboog&wave=2025-voorjaar&groep=groep-8"],
  leerteam: ["/leerteam", "/directeur?school=het-kompas&wave=2024-najaar"],
  docent: ["/pabo", "/pabo?opleiding=pabo-hva&fase=propedeuse"],
  beheerder: [
    "/leerteam?bestuur=staij",
    "/directeur/groep?school=de-regenboog&wave=2025-voorjaar&groep=groep-3",
  ],
};

describe.skipIf(!hasChromium)("dashboard in Chromium", () => {
  let browser: Browser;
  let serving: Serving;

  beforeAll(async () => {
    serving = await startServer(new FakeResultsService());
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await serving?.close();
  });

  for (const [role, paths] of Object.entries(viewsByRole)) {
    it(`${role}: every view renders its charts, without errors, CSP violations or serious axe findings`, async () => {
      const { context, page, problems } = await newRecordedPage(browser);
      try {
        await logIn(page, serving.url, role);
        for (const path of paths) {
          await page.goto(`${serving.url}${path}`);
          await waitForView(page);
          const marks = await marksPerChart(page);
          if (path !== "/") {
            expect(marks.length, path).toBeGreaterThan(0);
            for (const count of marks) expect(count, path).toBeGreaterThan(0);
          }
          const name = `${role}${path.replace(/[^a-z0-9]+/gi, "_")}`;
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

  it("shows each n and suppressed reasons, opens a table and offers downloads", async () => {
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "directeur");
      await page.goto(`${serving.url}/directeur?school=de-regenboog&wave=2025-voorjaar`);
      await waitForView(page);
      await expect.poll(() => page.locator("#facts dd").first().textContent()).toMatch(/\(n = \d+\)/);
      const toggle = page.getByRole("button", { name: "Toon tabel" }).nth(1);
      await toggle.click();
      const table = page.locator("figure.chart-figure").nth(1).locator("table");
      await expect.poll(() => table.isVisible()).toBe(true);
      expect(await table.locator("caption").textContent()).toBe("Respons per groep");
      expect(await table.textContent()).toContain("te weinig respondenten");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("figure.chart-figure").nth(1).getByRole("button", { name: "Download CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("respons.csv");
      const [svg] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("figure.chart-figure").first().getByRole("button", { name: "Download SVG" }).click(),
      ]);
      expect(svg.suggestedFilename()).toBe("heatmap.svg");
      expect(
        await page.evaluate(() => Object.keys(window).filter((key) => /vega.*view|^view$/i.test(key))),
      ).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(problems.console).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("fits a tablet (768×1024) without horizontal scrolling of the page", async () => {
    const { context, page } = await newRecordedPage(browser, { width: 768, height: 1024 });
    try {
      await logIn(page, serving.url, "leerteam");
      await page.goto(`${serving.url}/leerteam`);
      await waitForView(page);
      await page.screenshot({ path: `${artefacts}/tablet_leerteam.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
