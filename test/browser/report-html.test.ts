import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "../example-db.js";
import { tempDir, zaz } from "../run-zaz.js";
import { artefacts, hasChromium, launch } from "./browser-harness.js";

/** The HTML reports open in Chromium with every chart drawn and every data table present. */
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
    ["klassen", ["report", "klassen", "--school", "Het Palet", "--wave", "2026-voorjaar"]],
    ["scholen", ["report", "scholen", "--bestuur", "Stichting Samen Leren"]],
    ["leerlijn", ["report", "leerlijn", "--opleiding", "upva"]],
  ] as const;

  it.each(cases)("%s: every figure has marks, no console errors", async (name, args) => {
    const file = join(dir, `${name}.html`);
    const r = await zaz([...args, "--db", db, "--format", "html", "-o", file]);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    const marks = await page.$$eval("figure", (figures) =>
      figures.map((f) => f.querySelectorAll("svg path, svg rect, svg line, svg circle, svg symbol").length),
    );
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toBeGreaterThan(3);
    expect(await page.$$eval("figure details table", (t) => t.length)).toBe(marks.length);
    await page.screenshot({ path: join(artefacts, `report-${name}.png`), fullPage: true });
    expect(errors).toEqual([]);
    expect(readFileSync(file, "utf8")).toContain("Methode");
    await page.close();
  });
});
