/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import { type DemoResults, demoResults } from "@zaz/dashboard/testing";
import { type SsoDashboard, startSsoDashboard } from "@zaz/dashboard/testing/oidc";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  artefacts,
  cspViolations,
  hasChromium,
  launch,
  newRecordedPage,
  seriousAxeViolations,
  waitForView,
} from "./browser-harness.js";

/** Through the dashboard's "Inloggen met je schoolaccount" and the provider's own login form. */
async function logInWithSchoolAccount(page: Page, dashboard: SsoDashboard, login: string): Promise<void> {
  await page.goto(`${dashboard.url}/login`);
  await Promise.all([
    page.waitForURL((url) => url.href.startsWith(dashboard.provider.issuer)),
    page.click("a.sso-button"),
  ]);
  await page.fill("input[name=login]", login);
  await page.fill("input[name=password]", "wat-dan-ook");
  await Promise.all([
    page.waitForURL((url) => url.href.startsWith(dashboard.url) && !url.pathname.startsWith("/login")),
    page.click("button[type=submit]"),
  ]);
}

async function api(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  const response = await page.request.get(`${new URL(page.url()).origin}${path}`);
  return { status: response.status(), body: response.ok() ? await response.json() : undefined };
}

describe.skipIf(!hasChromium)("single sign-on in Chromium", () => {
  let browser: Browser;
  let demo: DemoResults;
  let dashboard: SsoDashboard;

  beforeAll(async () => {
    demo = await demoResults();
    dashboard = await startSsoDashboard(demo.service);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await demo?.close();
  });

  it("shows the school-account button on the login page, accessible and within the CSP", async () => {
    const { context, page } = await newRecordedPage(browser);
    try {
      await page.goto(`${dashboard.url}/login`);
      expect(await page.locator("a.sso-button").textContent()).toBe("Inloggen met je schoolaccount");
      expect(await page.locator("#username").count()).toBe(1);
      expect(await cspViolations(page)).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artefacts}/sso-login.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  it("a director of De Regenboog (Entree BRIN claim) lands on her class overview and sees only her school", async () => {
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logInWithSchoolAccount(page, dashboard, "dirk@regenboog");
      // home sends a director of one school straight to its class overview
      await page.waitForURL((url) => url.pathname === "/directeur");
      await waitForView(page);
      expect(new URL(page.url()).searchParams.get("school")).toBe("de-regenboog");
      expect(await page.locator(".account span").textContent()).toBe(
        "Ingelogd als Dirk de Directeur (directeur)",
      );
      // a school account has no password here
      expect(await page.locator("a[href='/wachtwoord']").count()).toBe(0);
      expect(await page.locator("nav.site-nav a").allTextContents()).toEqual([
        "Overzicht",
        "Klassenoverzicht",
      ]);
      const catalog = (await api(page, "/api/catalog")).body as { besturen: { schools: { id: string }[] }[] };
      expect(catalog.besturen.flatMap((b) => b.schools.map((s) => s.id))).toEqual(["de-regenboog"]);
      expect((await api(page, "/api/filters/school?school=het-kompas")).status).toBe(403);
      expect((await api(page, "/api/board?bestuur=asko")).status).toBe(403);
      expect(await cspViolations(page)).toEqual([]);
      await page.screenshot({ path: `${artefacts}/sso-directeur.png`, fullPage: true });

      // logging out ends the session here and at the provider, and comes back to the login page
      await Promise.all([
        page.waitForURL((url) => url.href.startsWith(dashboard.provider.issuer)),
        page.click(".account button[type=submit]"),
      ]);
      await Promise.all([
        page.waitForURL((url) => url.href.startsWith(`${dashboard.url}/login`)),
        page.click("button[value=yes]"),
      ]);
      expect((await api(page, "/api/me")).status).toBe(401);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a leerteam member of ASKO (group claim) sees ASKO's schools and board, not STAIJ's", async () => {
    const { context, page, problems } = await newRecordedPage(browser);
    try {
      await logInWithSchoolAccount(page, dashboard, "lotte@asko");
      await waitForView(page);
      expect(new URL(page.url()).pathname).toBe("/");
      expect(await page.locator("#content section.card h2").allTextContents()).toEqual(["ASKO"]);
      expect(await page.locator("#content section.card li a").allTextContents()).toEqual([
        "Klassenoverzicht De Regenboog",
        "Klassenoverzicht Het Kompas",
      ]);
      await page.goto(`${dashboard.url}/leerteam`);
      await waitForView(page);
      expect(new URL(page.url()).pathname).toBe("/leerteam");
      expect(await page.locator("#view-title").textContent()).toContain("ASKO");
      expect((await api(page, "/api/board?bestuur=staij")).status).toBe(403);
      expect((await api(page, "/api/filters/school?school=de-vlinder")).status).toBe(403);
      expect(await cspViolations(page)).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      await page.screenshot({ path: `${artefacts}/sso-leerteam.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
