/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import type { Serving } from "@zaz/dashboard";
import { demoFixture, FakeResultsService } from "@zaz/dashboard/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artefacts,
  cspViolations,
  hasChromium,
  launch,
  logIn,
  newRecordedPage,
  startServer,
  waitForView,
} from "./browser-harness.js";
import { xssPayloads } from "./xss-payloads.js";

/** The demo fixture with every payload as a school name, groep name, item text and open answer. */
function poisonedService(): FakeResultsService {
  const fixture = demoFixture();
  const asko = fixture.besturen[0]!;
  asko.name = xssPayloads[0]!;
  asko.schools[0]!.name = xssPayloads[1]!;
  asko.schools[1]!.name = xssPayloads[2]!;
  // Groep names must be unique per school: the payloads are split over both ASKO schools.
  asko.schools[0]!.groepen = xssPayloads
    .slice(0, 28)
    .map((name, index) => ({ id: `groep-${index + 1}`, name }));
  asko.schools[1]!.groepen = xssPayloads.slice(28).map((name, index) => ({ id: `groep-${index + 1}`, name }));
  fixture.items = xssPayloads.map((name, index) => ({ id: `item-${index}`, name }));
  fixture.freeTextQuestion = xssPayloads[3]!;
  fixture.freeTextAnswers = [...xssPayloads];
  return new FakeResultsService(fixture);
}

describe.skipIf(!hasChromium)("XSS payloads render as text", () => {
  let browser: Browser;
  let serving: Serving;
  let service: FakeResultsService;

  beforeAll(async () => {
    service = poisonedService();
    serving = await startServer(service);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await serving?.close();
  });

  it("has at least 50 payloads", () => {
    expect(new Set(xssPayloads).size).toBeGreaterThanOrEqual(50);
  });

  it("no script runs and nothing violates the CSP on any view", async () => {
    // A groep big enough for open answers, so they are really on the page.
    let openGroep: string | undefined;
    for (const groep of service.fixture.besturen[0]!.schools[0]!.groepen) {
      const detail = await service.groepDetail({
        school: "de-regenboog",
        wave: "2025-voorjaar",
        groep: groep.id,
      });
      if (detail?.freeText[0]?.cell.status === "shown") {
        openGroep = groep.id;
        break;
      }
    }
    expect(openGroep).toBeDefined();

    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "leerteam");
      const paths = [
        "/",
        "/directeur?school=de-regenboog&wave=2025-voorjaar",
        "/directeur?school=het-kompas&wave=2025-voorjaar",
        `/directeur/groep?school=de-regenboog&wave=2025-voorjaar&groep=${openGroep}`,
        "/leerteam?bestuur=asko",
      ];
      for (const path of paths) {
        await page.goto(`${serving.url}${path}`);
        await waitForView(page);
        // Give deferred handlers (onerror, onload, autofocus) a moment to fire if they were live.
        await page.waitForTimeout(100);
        expect(await cspViolations(page), path).toEqual([]);
      }
      // The open answers are on the last groep page as literal text, one list item each.
      await page.goto(
        `${serving.url}/directeur/groep?school=de-regenboog&wave=2025-voorjaar&groep=${openGroep}`,
      );
      await waitForView(page);
      const answers = await page.locator("ul.free-text li").allTextContents();
      expect(answers).toEqual([...xssPayloads]);
      const table = await page.locator("figure.chart-figure table").first().textContent();
      expect(table).toContain(xssPayloads[5]);
      await page.screenshot({ path: `${artefacts}/xss_groep.png`, fullPage: true });
      expect(problems.dialogs).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.console).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
