/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import { readFileSync } from "node:fs";
import type { Serving } from "@zaz/dashboard";
import { type DemoFixture, type DemoResults, demoFixture, demoResults } from "@zaz/dashboard/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artefacts,
  cspViolations,
  hasChromium,
  launch,
  logIn,
  newRecordedPage,
  startServer,
  usersWith,
  viewOf,
  waitForView,
} from "./browser-harness.js";
import { xssPayloads } from "./xss-payloads.js";

const groepen = (names: readonly string[]) =>
  names.map((name, index) => ({ id: `groep-${index + 1}`, name }));

/**
 * The demo fixture with every payload as a board name, school names, groep names, item texts, the
 * free-text question and its answers. The demo data gives the first groep of the first school one
 * answer per payload, enough respondents to show them.
 */
function poisonedFixture(): DemoFixture {
  const base = demoFixture();
  const [asko, ...others] = base.besturen;
  const [first, second, ...rest] = asko!.schools;
  return {
    ...base,
    besturen: [
      {
        ...asko!,
        name: xssPayloads[0]!,
        schools: [
          // Groep names must be unique per school: the payloads are split over both schools.
          { ...first!, name: xssPayloads[1]!, groepen: groepen(xssPayloads.slice(0, 28)) },
          { ...second!, name: xssPayloads[2]!, groepen: groepen(xssPayloads.slice(28)) },
          ...rest,
        ],
      },
      ...others,
    ],
    items: xssPayloads.map((name, index) => ({ id: `item-${index}`, name })),
    freeTextQuestion: xssPayloads[3]!,
    freeTextAnswers: [...xssPayloads],
  };
}

const dutch = (a: string, b: string) => a.localeCompare(b, "nl");

/** Elements and attributes a payload would have created had it become markup. */
async function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const suspicious =
      "iframe, object, embed, img, audio, video, source, marquee, base, meta[http-equiv], " +
      "input:not([type=hidden]), textarea, keygen, isindex, math, template, noscript, link[rel=import], " +
      "style, x, svg script, svg animate, form[action^=javascript]";
    // Where data is rendered (the page's own <noscript> notice sits outside these). The page's own
    // forms (action points, marked data-control) are built by its scripts, not from data.
    const regions = document.querySelectorAll("#view-title, #filters, #status, #facts, #content");
    for (const region of Array.from(regions)) {
      for (const element of Array.from(region.querySelectorAll(suspicious))) {
        if (element.closest("form[data-control]") === null) found.push(element.outerHTML.slice(0, 80));
      }
    }
    // The page's own scripts are files of this origin; any other script came from data.
    for (const script of Array.from(document.querySelectorAll("script"))) {
      const src = script.getAttribute("src") ?? "";
      if (!src.startsWith("/")) found.push(script.outerHTML.slice(0, 80));
    }
    const urlAttributes = /^(href|src|action|formaction|data|xlink:href|background)$/i;
    for (const element of Array.from(document.querySelectorAll("*")))
      for (const attribute of Array.from(element.attributes))
        if (
          /^on/i.test(attribute.name) ||
          (urlAttributes.test(attribute.name) && /javascript:/i.test(attribute.value))
        )
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`.slice(0, 80));
    return found;
  });
}

describe.skipIf(!hasChromium)("XSS payloads render as text", () => {
  let browser: Browser;
  let serving: Serving;
  let demo: DemoResults;
  /** Ids are slugs of the (poisoned) names: read them back from the service. */
  let bestuur: string;
  let school: string;
  let otherSchool: string;

  beforeAll(async () => {
    demo = await demoResults(poisonedFixture());
    const catalog = await demo.service.catalog();
    const board = catalog.besturen.find((b) => b.name === xssPayloads[0]);
    if (board === undefined) throw new Error("the poisoned board is not in the catalog");
    bestuur = board.id;
    school = board.schools.find((s) => s.name === xssPayloads[1])!.id;
    otherSchool = board.schools.find((s) => s.name === xssPayloads[2])!.id;
    const users = await usersWith([
      { username: "directeur", role: "directeur", scopes: { schools: [school, otherSchool] } },
      { username: "leerteam", role: "leerteam", scopes: { bestuur } },
    ]);
    serving = await startServer(demo.service, users);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await serving?.close();
    await demo?.close();
  });

  it("has at least 50 payloads, and the poisoned data holds them", async () => {
    expect(new Set(xssPayloads).size).toBeGreaterThanOrEqual(50);
    expect([bestuur, school, otherSchool].every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
    // The first groep shows every payload as an open answer: the page below must too.
    const view = await viewOf(demo.service, {
      kind: "groep",
      params: { school, wave: "2025-voorjaar", groep: "groep-1" },
    });
    const answers = view.sections.find((s) => s.id === "open")!.tables[0]!.rows.map((r) => r.antwoord);
    expect([...answers].sort()).toEqual([...xssPayloads].sort());
  });

  it("no script runs and nothing violates the CSP on any view, for every role", async () => {
    const wave = "2025-voorjaar";
    const groepPage = `/directeur/groep?school=${school}&wave=${wave}&groep=groep-1`;
    const pathsByRole: Record<string, string[]> = {
      leerteam: [
        "/",
        `/directeur?school=${school}&wave=${wave}`,
        `/directeur?school=${otherSchool}&wave=${wave}`,
        groepPage,
        `/directeur/groep?school=${otherSchool}&wave=${wave}&groep=groep-23`,
        `/leerteam?bestuur=${bestuur}`,
        "/leerteam",
      ],
      directeur: ["/", "/directeur", groepPage],
    };
    for (const [role, paths] of Object.entries(pathsByRole)) {
      const { context, page, problems } = await newRecordedPage(browser);
      try {
        await logIn(page, serving.url, role);
        for (const path of paths) {
          await page.goto(`${serving.url}${path}`);
          await waitForView(page);
          // Give deferred handlers (onerror, onload, autofocus) a moment to fire if they were live.
          await page.waitForTimeout(100);
          expect(await cspViolations(page), `${role} ${path}`).toEqual([]);
          expect(await injectedMarkup(page), `${role} ${path}`).toEqual([]);
        }
        expect(problems.dialogs, role).toEqual([]);
        expect(problems.pageErrors, role).toEqual([]);
        expect(problems.console, role).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it("shows every payload as literal text: names, groepen, item texts, the question and the answers", async () => {
    const wave = "2025-voorjaar";
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "leerteam");

      // The home page names the board and its schools.
      await page.goto(`${serving.url}/`);
      await waitForView(page);
      expect(await page.locator("#content section.card h2").first().textContent()).toBe(xssPayloads[0]);
      expect(await page.locator("#content section.card li a").allTextContents()).toEqual([
        `Klassenoverzicht ${xssPayloads[1]}`,
        `Klassenoverzicht ${xssPayloads[2]}`,
      ]);

      // The class overview: the school in the title, every groep a link and a row of the response chart.
      await page.goto(`${serving.url}/directeur?school=${otherSchool}&wave=${wave}`);
      await waitForView(page);
      expect(await page.locator("#view-title").textContent()).toContain(xssPayloads[2]);
      expect(await page.locator("nav[aria-label=Groepen] a").allTextContents()).toEqual(
        xssPayloads.slice(28),
      );
      const responsFigure = page.locator("#sectie-respons figure.chart-figure");
      await responsFigure.getByRole("button", { name: "Toon tabel" }).click();
      expect(await responsFigure.locator("table tbody th").allTextContents()).toEqual(xssPayloads.slice(28));
      // The spreadsheet download defuses formulas (=HYPERLINK, +cmd, @SUM are groep names here).
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        responsFigure.getByRole("button", { name: "Download CSV" }).click(),
      ]);
      const csv = readFileSync(await download.path(), "utf8");
      const firstFields = csv
        .slice(1)
        .trimEnd()
        .split("\r\n")
        .map((line) => line.replace(/^"/, "").split(";")[0]!);
      for (const formula of [
        '=HYPERLINK("http://127.0.0.1","klik")',
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
      ])
        expect(csv).toContain(`"'${formula.replaceAll('"', '""')}"`);
      for (const field of firstFields) expect(field).not.toMatch(/^[=+\-@]/);

      // The groep page with the open answers: groep names in the filter, item texts in the charts,
      // the question as the table's caption and the answers, one row each.
      await page.goto(`${serving.url}/directeur/groep?school=${school}&wave=${wave}&groep=groep-1`);
      await waitForView(page);
      expect(await page.locator("#filter-groep option").allTextContents()).toEqual(xssPayloads.slice(0, 28));
      expect(await page.locator("#view-title").textContent()).toContain(xssPayloads[0]);
      const open = page.locator("#sectie-open table").first();
      expect(await open.locator("caption").textContent()).toBe(xssPayloads[3]);
      const answers = await open.locator("tbody tr").allTextContents();
      expect(answers).toEqual([...answers].sort(dutch));
      expect([...answers].sort()).toEqual([...xssPayloads].sort());
      const figure = page.locator("figure.chart-figure").first();
      await figure.getByRole("button", { name: "Toon tabel" }).click();
      const chartTable = (await figure.locator("table").textContent()) ?? "";
      expect(xssPayloads.filter((p) => chartTable.includes(p)).length).toBeGreaterThan(5);
      expect(chartTable).toContain(xssPayloads[5]);
      // The charts' SVG holds the item texts as text, not as markup.
      const svgText = (await figure.locator(".chart svg").textContent()) ?? "";
      expect(xssPayloads.some((p) => svgText.includes(p))).toBe(true);
      await page.screenshot({ path: `${artefacts}/xss_groep.png`, fullPage: true });

      // The board view names the board and the schools.
      await page.goto(`${serving.url}/leerteam?bestuur=${bestuur}`);
      await waitForView(page);
      expect(await page.locator("#view-title").textContent()).toContain(xssPayloads[0]);
      const boardText = (await page.locator("#content").textContent()) ?? "";
      expect(boardText).toContain(xssPayloads[1]);
      expect(boardText).toContain(xssPayloads[2]);

      expect(await injectedMarkup(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(problems.dialogs).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.console).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the checks above would see a payload that became markup", async () => {
    const { context, page } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "leerteam");
      await page.goto(`${serving.url}/leerteam?bestuur=${bestuur}`);
      await waitForView(page);
      // What a renderer using innerHTML would do with the data; the CSP must stop the handler.
      await page.evaluate(
        (payloads) => {
          const probe = document.createElement("div");
          probe.innerHTML = payloads.join("");
          document.getElementById("content")!.append(probe);
        },
        xssPayloads.slice(0, 3),
      );
      await page.waitForTimeout(100);
      expect((await injectedMarkup(page)).length).toBeGreaterThan(0);
      expect((await cspViolations(page)).length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
