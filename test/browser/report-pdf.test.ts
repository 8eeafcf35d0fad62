/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Serving } from "@zaz/dashboard";
import { type DemoResults, demoResults } from "@zaz/dashboard/testing";
import { renderHtml, type View } from "@zaz/views";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "../example-db.js";
import { reportJson, tempDir, zaz } from "../run-zaz.js";
import {
  artefacts,
  hasChromium,
  launch,
  logIn,
  newRecordedPage,
  startServer,
  waitForView,
} from "./browser-harness.js";

/** poppler-utils reads the PDF back as a board member's PDF viewer would; .ci/run installs it. */
const hasPoppler = ["pdfinfo", "pdftotext"].every(
  (tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0,
);
if (!hasPoppler)
  console.warn("PDF checks skipped: pdfinfo/pdftotext not found (apt-get install poppler-utils)");

const run = (tool: string, args: readonly string[]) => {
  const r = spawnSync(tool, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${tool}: ${r.stderr}`);
  return r.stdout;
};

/** `pdfinfo`'s fields, e.g. Pages and Page size. */
const pdfInfo = (file: string) =>
  Object.fromEntries(
    run("pdfinfo", [file])
      .split("\n")
      .map((line) => line.split(/:\s+/, 2))
      .filter((kv): kv is [string, string] => kv.length === 2),
  );

/** The text of one page, with pdftotext's hyphenation and line breaks undone for matching. */
const pageText = (file: string, page: number) =>
  run("pdftotext", ["-f", String(page), "-l", String(page), "-enc", "UTF-8", file, "-"])
    .replace(/\s+/g, " ")
    .trim();

const klassen = ["report", "klassen", "--school", "Het Palet", "--wave", "2026-voorjaar"] as const;

describe.skipIf(!hasChromium)("PDF reports for a board meeting", () => {
  let db = "";
  let view: View;
  const dir = tempDir("zaz-pdf-");

  beforeAll(async () => {
    db = await exampleDatabase();
    view = await reportJson<View>(db, klassen);
  }, 180_000);

  it("refuses a PDF without -o, in Dutch, before reading any data", async () => {
    const r = await zaz([...klassen, "--db", db, "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("-o");
    expect(r.stdout).toBe("");
  });

  it.skipIf(!hasPoppler)(
    "klassen: A4, numbered pages, title (and the summary, when there is one) on page 1, tables at the back",
    async () => {
      const file = join(dir, "klassen.pdf");
      const r = await zaz([...klassen, "--db", db, "--format", "pdf", "-o", file]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");

      const info = pdfInfo(file);
      const pages = Number(info.Pages);
      expect(pages).toBeGreaterThanOrEqual(1);
      // A4 is 595.28 × 841.89 pt; Chromium rounds to whole CSS pixels (595.92 × 842.88), and
      // pdfinfo names the size when it is within its tolerance.
      const size = /^([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info["Page size"] ?? "");
      expect(size, info["Page size"]).not.toBeNull();
      expect(Math.abs(Number(size?.[1]) - 595.28)).toBeLessThan(2);
      expect(Math.abs(Number(size?.[2]) - 841.89)).toBeLessThan(2);

      const first = pageText(file, 1);
      expect(first).toContain(view.title);
      expect(first).toContain(`Pagina 1 van ${pages}`);
      // The summary is another part of issue 13; checked as soon as the view has it.
      if (view.sections.some((s) => s.id === "samenvatting")) expect(first).toContain("Samenvatting");

      const all = run("pdftotext", ["-enc", "UTF-8", file, "-"]).replace(/\s+/g, " ");
      if (view.sections.some((s) => s.charts.length > 0))
        expect(all).toContain("Bijlage: tabellen bij de figuren");
      // Vector charts: the figures are drawn, not pasted in as pictures.
      const images = run("pdfimages", ["-list", file]).trim().split("\n").slice(2);
      expect(images).toEqual([]);
    },
    120_000,
  );

  it.each([
    ["scholen", ["report", "scholen", "--bestuur", "Stichting Samen Leren"]],
    ["leerlijn", ["report", "leerlijn", "--opleiding", "upva"]],
  ] as const)(
    "%s: also prints",
    async (name, args) => {
      const file = join(dir, `${name}.pdf`);
      const r = await zaz([...args, "--db", db, "--format", "pdf", "-o", file]);
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    },
    120_000,
  );

  describe("page 1 on screen as it prints", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("shows the title in print media at A4 width, without folded tables", async () => {
      const context = await browser.newContext({
        // A4 at 96 dpi: 210 × 297 mm
        viewport: { width: 794, height: 1123 },
        javaScriptEnabled: false,
        offline: true,
      });
      try {
        const page = await context.newPage();
        await page.emulateMedia({ media: "print" });
        await page.setContent(await renderHtml(view, { print: true }), { waitUntil: "load" });
        await expect.poll(() => page.locator("h1").isVisible()).toBe(true);
        expect(await page.locator("h1").textContent()).toBe(view.title);
        const box = await page.locator("h1").boundingBox();
        expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(1123);
        // Nothing to click on paper; every figure fits the page width.
        expect(await page.locator("details").count()).toBe(0);
        const widest = await page.evaluate(() =>
          Math.max(
            0,
            ...Array.from(document.querySelectorAll("svg"), (s) => s.getBoundingClientRect().width),
          ),
        );
        expect(widest).toBeLessThanOrEqual(794);
        await page.screenshot({ path: join(artefacts, "report-pdf-page1.png") });
      } finally {
        await context.close();
      }
    });
  });
});

describe.skipIf(!hasChromium)("the dashboard's PDF button and print stylesheet", () => {
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

  it("klassen: the PDF link answers a PDF in scope, 403 outside it; print hides nav, filters and buttons", async () => {
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logIn(page, serving.url, "directeur");
      await page.goto(`${serving.url}/directeur?school=de-regenboog&wave=2025-voorjaar`);
      await waitForView(page);
      const href = await page.locator("#pdf-link").getAttribute("href");
      expect(href).toBe("/api/pdf/class-overview?school=de-regenboog&wave=2025-voorjaar");

      const pdf = await page.request.get(`${serving.url}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect(pdf.headers()["content-disposition"]).toContain("klassen-de-regenboog-2025-voorjaar.pdf");
      expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
      const other = await page.request.get(
        `${serving.url}/api/pdf/class-overview?school=de-vlinder&wave=2025-voorjaar`,
      );
      expect(other.status()).toBe(403);

      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: "print" });
      for (const selector of [".site-header", "#filters", "#pdf-link", ".chart-actions button"])
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      expect(await page.locator("#view-title").isVisible()).toBe(true);
      const widest = await page.$$eval("figure.chart-figure svg", (svgs) =>
        Math.max(0, ...svgs.map((s) => s.getBoundingClientRect().width)),
      );
      expect(widest).toBeLessThanOrEqual(794);
      await page.screenshot({ path: join(artefacts, "dashboard-print-directeur.png"), fullPage: true });
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
