/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import { randomBytes } from "node:crypto";
import { listen, type Serving, Uploads } from "@zaz/dashboard";
import { type DemoResults, demoResults, demoUsers } from "@zaz/dashboard/testing";
import { defaultInstrumentDir } from "@zaz/survey";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dutchExcelExport } from "../support/dutch-excel-export.js";
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

const renamed = { Klas: "Leerjaar kind (één keuze)" };
const serious = "De school neemt mij als ouder serieus.";

describe.skipIf(!hasChromium)("upload page in Chromium", () => {
  let browser: Browser;
  let serving: Serving;
  let demo: DemoResults;

  beforeAll(async () => {
    demo = await demoResults();
    const key = randomBytes(32);
    serving = await listen(
      {
        results: demo.service,
        users: await demoUsers(),
        uploads: new Uploads({
          store: demo.store,
          pseudonymKey: async () => key,
          instrumentDirs: [defaultInstrumentDir()],
        }),
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
    await demo?.close();
  });

  it("a leerteam member uploads a Dutch Excel export, fixes its mapping, sees a broken file's error with nothing imported, imports the good one and sees it in the class overview", async () => {
    const { context, page, problems } = await newRecordedPage(browser);
    const choose = async (name: string, buffer: Buffer) => {
      await page.setInputFiles("#upload-file", { name, mimeType: "text/csv", buffer });
      await page.click("#upload-form button[type=submit]");
      await page.waitForSelector("#mapping-table");
    };
    try {
      await logIn(page, serving.url, "leerteam");
      await page.click('nav a[href="/upload"]');
      await page.waitForSelector("#upload-form");
      await page.selectOption("#upload-school", "de-regenboog");
      await page.selectOption("#upload-instrument", "ouderpopulatie");
      await page.fill("#upload-wave", "2026-najaar");

      // Windows-1252 with semicolons; the class column has a heading the proposal cannot place
      await choose("regenboog-najaar.csv", dutchExcelExport({ rename: renamed }));
      expect(await page.textContent('[data-field="delimiter"]')).toContain(";");
      expect(await page.textContent('[data-field="encoding"]')).toBe("windows-1252");
      expect(await page.textContent('[data-field="rows"]')).toBe("101");
      const leerjaar = page.locator("#mapping-table tbody tr", { hasText: renamed.Klas }).locator("select");
      expect(await leerjaar.inputValue()).not.toBe("dimension:groep");
      await leerjaar.selectOption("dimension:groep");
      await page.click("#save-mapping");
      await page.waitForFunction(() =>
        document.getElementById("status")?.textContent?.includes("opgeslagen"),
      );

      // a broken cell: its row and column are shown, and nothing is stored
      const imports = (await demo.store.listImports()).length;
      await choose(
        "regenboog-najaar-fout.csv",
        dutchExcelExport({ rename: renamed, broken: [4, serious, "Misschien wel"] }),
      );
      // the saved mapping is offered for the school's next export
      expect(
        await page
          .locator("#mapping-table tbody tr", { hasText: renamed.Klas })
          .locator("select")
          .inputValue(),
      ).toBe("dimension:groep");
      await page.click("#import-file");
      await page.waitForSelector("#error-table");
      const error = await page.locator("#error-table tbody tr").first().locator("td").allTextContents();
      expect(error[0]).toBe("4");
      expect(error[1]).toBe(serious);
      expect(error[2]).toBe("Misschien wel");
      expect(await page.textContent("#status")).toContain("niets opgeslagen");
      expect((await demo.store.listImports()).length).toBe(imports);
      await page.screenshot({ path: `${artefacts}/upload-error.png`, fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);

      // the good file: imported, listed, and in the class overview
      await choose("regenboog-najaar.csv", dutchExcelExport({ rename: renamed }));
      await page.click("#import-file");
      await page.waitForSelector("#upload-summary");
      expect(await page.textContent("#status")).toContain("ingelezen");
      await page.waitForSelector("#imports-table tr:has-text('regenboog-najaar.csv')");
      expect((await demo.store.listImports()).length).toBe(imports + 1);
      await page.screenshot({ path: `${artefacts}/upload-done.png`, fullPage: true });
      expect(await cspViolations(page)).toEqual([]);

      await page.goto(`${serving.url}/directeur?school=de-regenboog&wave=2026-najaar`);
      await waitForView(page);
      expect(await page.inputValue("#filter-wave")).toBe("2026-najaar");
      const marks = await marksPerChart(page);
      expect(marks.length).toBeGreaterThan(0);
      expect(await cspViolations(page)).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.dialogs).toEqual([]);
    } finally {
      await context.close();
    }
    // three uploads of a 100-row export, an axe audit of a page with a select per column, a class overview
  }, 120_000);
});
