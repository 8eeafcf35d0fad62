/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so these files see DOM types.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  hashPassword,
  isNotFound,
  listen,
  MemoryUserRepository,
  type ResultsService,
  type Serving,
  type User,
  type UserRepository,
} from "@zaz/dashboard";
import { demoPassword, demoUsers, fastScryptParams } from "@zaz/dashboard/testing";
import type { View, ViewRequest } from "@zaz/views";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`browser tests skipped: ${chromiumPath} not found (apt-get install chromium)`);

export const artefacts = "test-results/browser";

/** Accounts with the demo password, for data whose ids are not the demo fixture's. */
export async function usersWith(
  accounts: readonly Omit<User, "passwordHash">[],
): Promise<MemoryUserRepository> {
  const passwordHash = await hashPassword(demoPassword, fastScryptParams);
  return new MemoryUserRepository(accounts.map((a) => ({ ...a, scopes: { ...a.scopes }, passwordHash })));
}

/** The dashboard on a free port over `results`; the demo accounts unless `users` is given. */
export async function startServer(results: ResultsService, users?: UserRepository): Promise<Serving> {
  return listen(
    {
      results,
      users: users ?? (await demoUsers()),
      config: { sessionSecret: "browser-test-secret-0123456789abcdef", secureCookies: false },
      log: (error) => console.error(error),
    },
    { host: "127.0.0.1", port: 0 },
  );
}

/** The view `results` serves for a request, as the API would send it: to compare a page with. */
export async function viewOf(results: ResultsService, request: ViewRequest): Promise<View> {
  const served = await results.view(request);
  if (isNotFound(served)) throw new Error(served.notFound);
  return JSON.parse(served.body) as View;
}

export async function launch(): Promise<Browser> {
  mkdirSync(artefacts, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** What went wrong on a page: console errors, uncaught errors, CSP violations, dialogs (alert). */
export interface PageProblems {
  console: string[];
  pageErrors: string[];
  dialogs: string[];
}

/**
 * A context with a recorder: CSP violations are collected by an init script (a test-only
 * global), console errors and dialogs by Playwright.
 */
export async function newRecordedPage(
  browser: Browser,
  viewport = { width: 1366, height: 768 },
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport, locale: "nl-NL" });
  await context.addInitScript(() => {
    const found: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: found });
    document.addEventListener("securitypolicyviolation", (event) => {
      found.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems: PageProblems = { console: [], pageErrors: [], dialogs: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.console.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("dialog", (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, problems };
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

export async function logIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill("#username", username);
  await page.fill("#password", demoPassword);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/login")),
    page.click("button[type=submit]"),
  ]);
}

/**
 * Waits until the view finished: the status region empties, every figure has its SVG, and the
 * method block (appended after the last section, once every chart is drawn) is there. The home
 * page has no view, so no method block.
 */
export async function waitForView(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.getElementById("status");
    const figures = document.querySelectorAll("figure.chart-figure").length;
    const svgs = document.querySelectorAll("figure.chart-figure .chart svg").length;
    const done =
      document.body.dataset.view === "home" || document.querySelector("#content details.method") !== null;
    return status !== null && status.textContent === "" && svgs === figures && done;
  });
}

/** Marks drawn per chart: rect, path, symbol or text items inside each chart's SVG. */
export async function marksPerChart(page: Page): Promise<number[]> {
  return page.$$eval("figure.chart-figure .chart svg", (svgs) =>
    svgs.map(
      (svg) =>
        svg.querySelectorAll("g.mark-rect path, g.mark-symbol path, g.mark-line path, g.mark-text text")
          .length,
    ),
  );
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core, injected through the DevTools protocol (an inline script tag would break the CSP). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] },
    });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
    );
}
