/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import type { Serving } from "@zaz/dashboard";
import { type DemoResults, demoResults } from "@zaz/dashboard/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artefacts,
  cspViolations,
  hasChromium,
  launch,
  logIn,
  newRecordedPage,
  seriousAxeViolations,
  startServer,
  viewOf,
  waitForView,
} from "./browser-harness.js";

/** The director's class overview shows the ouderpopulatie (profieleis b1), drawn like every section. */
describe.skipIf(!hasChromium)("the ouderpopulatie section in Chromium", () => {
  let browser: Browser;
  let serving: Serving;
  let demo: DemoResults;

  beforeAll(async () => {
    demo = await demoResults();
    serving = await startServer(demo.service);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await serving?.close();
    await demo?.close();
  });

  it("renders the background distributions and the scores by background, with n, no errors and axe clean", async () => {
    const school = "de-regenboog";
    const wave = "2025-voorjaar";
    const view = await viewOf(demo.service, { kind: "klassen", params: { school, wave } });
    const population = view.sections.find((s) => s.id === "ouderpopulatie");
    expect(population).toBeDefined();
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "directeur");
      await page.goto(`${serving.url}/directeur?school=${school}&wave=${wave}`);
      await waitForView(page);
      const section = page.locator("#sectie-ouderpopulatie");
      expect(await section.locator(":scope > h2").textContent()).toBe("Ouderpopulatie");
      // one bar chart per background question of the school, each drawn with bars
      const marks = await section
        .locator("figure.chart-figure .chart svg")
        .evaluateAll((svgs) => svgs.map((svg) => svg.querySelectorAll("g.mark-rect path").length));
      expect(marks.length).toBe(population!.charts.length);
      expect(marks.length).toBeGreaterThan(0);
      for (const count of marks) expect(count).toBeGreaterThan(0);
      // every shown share of the per-groep table carries its n (title or data attribute of the view)
      const perGroep = population!.tables.find((t) => t.id === "populatie-per-groep")!;
      for (const row of perGroep.rows)
        for (const cell of Object.values(row))
          if (typeof cell === "object" && cell !== null && cell.status === "shown")
            expect(cell.n).toBeGreaterThan(0);
      expect(await section.getByText("niet te berekenen").count()).toBeGreaterThan(0);
      const byBackground = page.locator("#sectie-ouderpopulatie-achtergrond");
      if (view.sections.some((s) => s.id === "ouderpopulatie-achtergrond"))
        expect(await byBackground.locator("table").count()).toBeGreaterThan(0);
      await section.screenshot({ path: `${artefacts}/directeur_ouderpopulatie.png` });
      expect(await cspViolations(page)).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems.console).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
