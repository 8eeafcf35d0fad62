import { openDuckDbStore } from "@zaz/store";
import { defaultInstrumentDir, findInstruments, privacySettings } from "@zaz/survey";
import { hashPassword, listen, MemoryUserRepository, StoreResultsService } from "@zaz/dashboard";
import { demoPassword, fastScryptParams } from "@zaz/dashboard/testing";
import { chromium } from "playwright-core";
const store = await openDuckDbStore("/tmp/zx/copy.duckdb");
const { instruments } = await findInstruments([defaultInstrumentDir()]);
const p = privacySettings(); if (!p.ok) throw new Error();
const service = new StoreResultsService({ store, instruments: new Map(instruments.map((l) => [l.instrument.id, l.instrument])), privacy: p.value });
const passwordHash = await hashPassword(demoPassword, fastScryptParams);
const serving = await listen({ results: service, users: new MemoryUserRepository([
  { username: "beheerder", role: "beheerder", scopes: {}, passwordHash }]),
  config: { sessionSecret: "browser-test-secret-0123456789abcdef", secureCookies: false }, log: (e) => console.error(e) }, { host: "127.0.0.1", port: 0 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "nl-NL" });
page.on("console", (m) => { if (m.type() === "error") console.log("CONSOLE", m.text()); });
page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
await page.goto(`${serving.url}/login`);
await page.fill("#username", "beheerder"); await page.fill("#password", demoPassword);
await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
for (const [name, path] of (process.argv.slice(2).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]) as [string, string][])) {
  await page.goto(`${serving.url}${path.replaceAll("~", "&")}`);
  await page.waitForFunction(() => { const s = document.getElementById("status"); const f = document.querySelectorAll("figure.chart-figure").length; return s !== null && s.textContent === "" && document.querySelectorAll("figure.chart-figure .chart svg").length === f; }, undefined, { timeout: 20000 }).catch((e) => console.log("WAIT", e.message, page.url()));
  await page.screenshot({ path: `/tmp/zx/${name}.png`, fullPage: true });
}
await browser.close(); await serving.close(); await store.close();
