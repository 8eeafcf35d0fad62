/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import { readFileSync } from "node:fs";
import type { Serving } from "@zaz/dashboard";
import { type DemoResults, demoResults } from "@zaz/dashboard/testing";
import type { Cell } from "@zaz/views";
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
  viewOf,
  waitForView,
} from "./browser-harness.js";

const viewsByRole: Record<string, string[]> = {
  directeur: ["/", "/directeur", "/directeur/groep?school=de-regenboog&wave=2025-voorjaar&groep=groep-8"],
  leerteam: ["/leerteam", "/directeur?school=het-kompas&wave=2024-najaar"],
  docent: [
    "/pabo",
    "/pabo?opleiding=pabo-hva&fase=hoofdfase",
    "/pabo?opleiding=pabo-hva&fase=afstudeerfase&gesprekssoort=kennismaking",
  ],
  beheerder: [
    "/leerteam?bestuur=staij",
    "/directeur/groep?school=de-regenboog&wave=2025-voorjaar&groep=groep-3",
    "/pabo?opleiding=pabo-ipabo",
  ],
};

const isCell = (value: unknown): value is Cell =>
  typeof value === "object" && value !== null && "status" in value;

describe.skipIf(!hasChromium)("dashboard in Chromium", () => {
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
            // Every headline number carries its n, or says why it is not shown.
            const facts = await page.locator("#facts dd").allTextContents();
            expect(facts.length, path).toBeGreaterThan(0);
            for (const fact of facts)
              expect(fact, path).toMatch(/\(n = \d+\)$|respondenten|afgeschermd|geen gegevens/);
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
    const school = "de-regenboog";
    const wave = "2025-voorjaar";
    const view = await viewOf(demo.service, { kind: "klassen", params: { school, wave } });
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "directeur");
      await page.goto(`${serving.url}/directeur?school=${school}&wave=${wave}`);
      await waitForView(page);

      // The page is the view: its title, subtitle, facts with their n, one card per section in order.
      expect(await page.locator("#view-title").textContent()).toBe(view.title);
      expect(await page.locator("#content p.subtitle").textContent()).toBe(view.subtitle);
      expect(view.facts.length).toBeGreaterThan(0);
      expect(await page.locator("#facts dd").allTextContents()).toEqual(
        view.facts.map((f) =>
          f.cell.status === "shown" ? `${f.cell.text} (n = ${f.cell.n})` : f.cell.title,
        ),
      );
      for (const fact of await page.locator("#facts dd").allTextContents())
        expect(fact).toMatch(/\(n = \d+\)$/);
      expect(await page.locator("section.view-section > h2").allTextContents()).toEqual(
        view.sections.map((s) => s.heading),
      );
      // The groepen are one click away.
      const groepLinks = view.links.filter((l) => l.kind === "groep");
      expect(await page.locator("nav[aria-label=Groepen] a").allTextContents()).toEqual(
        groepLinks.map((l) => l.label),
      );

      // The response chart: its table behind "Toon tabel", with the reason of every hidden groep.
      const respons = page.locator("#sectie-respons");
      const responsChart = view.sections.find((s) => s.id === "respons")!.charts[0]!;
      expect(responsChart.id).toBe("respons-grafiek");
      const figure = respons.locator("figure.chart-figure");
      expect(await figure.locator("figcaption").textContent()).toBe(responsChart.title);
      const chartTable = figure.locator("table");
      expect(await chartTable.isVisible()).toBe(false);
      await figure.getByRole("button", { name: "Toon tabel" }).click();
      await expect.poll(() => chartTable.isVisible()).toBe(true);
      expect(await figure.getByRole("button", { name: "Verberg tabel" }).getAttribute("aria-expanded")).toBe(
        "true",
      );
      expect(await chartTable.locator("caption").textContent()).toBe("Respons per groep");
      expect(await chartTable.locator("tbody tr").count()).toBe(responsChart.table.rows.length);
      const chartText = (await chartTable.textContent()) ?? "";
      expect(chartText).toContain("onderdrukt: minder dan 5 respondenten");
      expect(chartText).toContain("onderdrukt: afgeschermd");

      // The section's own table is folded away beside the chart; opened, every n or reason is there.
      const folded = respons.locator("details.section-tables");
      const table = folded.locator("table#tabel-respons");
      expect(await table.isVisible()).toBe(false);
      await folded.locator("summary").click();
      await expect.poll(() => table.isVisible()).toBe(true);
      expect(await table.locator("caption").textContent()).toBe("Respons per groep");
      const rows = view.sections.find((s) => s.id === "respons")!.tables[0]!.rows;
      const hidden = rows.filter((r) => isCell(r.n) && r.n.status === "suppressed");
      expect(hidden.length).toBeGreaterThan(0);
      expect(rows.length - hidden.length).toBeGreaterThan(1);
      const rendered = await table.locator("tbody tr").evaluateAll((trs) =>
        trs.map((tr) => ({
          groep: tr.querySelector("th")?.textContent ?? "",
          n: tr.querySelectorAll("td")[0]?.textContent ?? "",
          className: tr.querySelectorAll("td")[0]?.className ?? "",
          title: tr.querySelectorAll("td")[0]?.getAttribute("title") ?? null,
        })),
      );
      expect(rendered).toEqual(
        rows.map((row) => {
          const n = row.n as Cell;
          return n.status === "shown"
            ? { groep: row.groep, n: n.text, className: "num", title: null }
            : { groep: row.groep, n: `${n.text} (${n.title})`, className: `num ${n.status}`, title: n.title };
        }),
      );
      // A section whose tables are the result (no chart) shows them open; one with a chart folds them.
      const reliability = page.locator("#sectie-betrouwbaarheid");
      expect(await reliability.locator("details.section-tables").count()).toBe(0);
      expect(await reliability.locator("table").first().isVisible()).toBe(true);
      const change = page.locator("#sectie-verandering");
      expect(await change.locator("figure.chart-figure").count()).toBe(1);
      expect(await change.locator("details.section-tables").count()).toBe(1);

      // Downloads are named after the chart and hold its numbers, with the hidden ones marked.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        figure.getByRole("button", { name: "Download CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("respons-grafiek.csv");
      const csv = readFileSync(await download.path(), "utf8");
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const lines = csv.slice(1).trimEnd().split("\r\n");
      expect(lines[0]).toBe(responsChart.table.columns.map((c) => c.title).join(";"));
      expect(lines.length).toBe(responsChart.table.rows.length + 1);
      expect(csv).toContain("onderdrukt: minder dan 5 respondenten");
      const heatmap = page.locator("#sectie-ervaring-bakker figure.chart-figure");
      const [svg] = await Promise.all([
        page.waitForEvent("download"),
        heatmap.getByRole("button", { name: "Download SVG" }).click(),
      ]);
      expect(svg.suggestedFilename()).toBe("heatmap-bakker.svg");
      expect(readFileSync(await svg.path(), "utf8")).toMatch(
        /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );

      // The Vega views stay inside their closures.
      expect(
        await page.evaluate(() => Object.keys(window).filter((key) => /vega.*view|^view$/i.test(key))),
      ).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(problems.console).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a leerlijn narrowed below k shows reasons, not numbers", async () => {
    const params = {
      opleiding: "pabo-hva",
      cohort: "2022",
      fase: "hoofdfase",
      gesprekssoort: "kennismaking",
    };
    const view = await viewOf(demo.service, { kind: "leerlijn", params });
    expect(view.facts.every((f) => f.cell.status !== "shown")).toBe(true);
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "docent");
      await page.goto(`${serving.url}/pabo?${new URLSearchParams(params)}`);
      await waitForView(page);
      expect(await page.locator("#facts dd").allTextContents()).toEqual(
        view.facts.map((f) => (f.cell.status === "shown" ? "" : f.cell.title)),
      );
      for (const fact of await page.locator("#facts dd").all())
        expect(await fact.getAttribute("class")).toBe("suppressed");
      // The filters keep the choice, so it can be widened again.
      expect(await page.locator("#filter-cohort").inputValue()).toBe("2022");
      expect(await page.locator("#filter-gesprekssoort").inputValue()).toBe("kennismaking");
      expect(await cspViolations(page)).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems.console).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a leerlijn filter without data says why, keeps the filters and breaks nothing", async () => {
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "docent");
      for (const [query, reason] of [
        ["fase=propedeuse", /fase "propedeuse".*Beschikbaar: hoofdfase, afstudeerfase/],
        ["gesprekssoort=slechtnieuws", /gesprekssoort "slechtnieuws".*Beschikbaar: /],
      ] as const) {
        const path = `/pabo?opleiding=pabo-hva&${query}`;
        await page.goto(`${serving.url}${path}`);
        await page.waitForFunction(() => document.getElementById("status")?.classList.contains("error"));
        expect(await page.locator("#status").textContent(), path).toMatch(reason);
        expect(await page.locator("#filters").isVisible(), path).toBe(true);
        expect(await page.locator("#filter-fase option").count(), path).toBeGreaterThan(1);
        expect(await page.locator("figure.chart-figure").count(), path).toBe(0);
        expect(await page.locator("#facts dd").count(), path).toBe(0);
        expect(await cspViolations(page), path).toEqual([]);
        expect(await seriousAxeViolations(page), path).toEqual([]);
      }
      // The only console noise is the browser logging the API's 404.
      for (const message of problems.console) expect(message).toMatch(/status of 404/);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.dialogs).toEqual([]);
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
