/**
 * Issue 12, "Ingest while the dashboard runs": a school board loads a wave while directors use the
 * dashboard. `zaz ingest` in a process of its own imports a large export into the database the
 * dashboard serves; meanwhile the dashboard keeps answering, shows nothing of the import while its
 * transaction is open, and shows all of it within a second after it commits.
 *
 * PostgreSQL only: on DuckDB the dashboard process is the file's single owner, so a second process is
 * refused (test/cli-options.test.ts) and an import goes through the dashboard's own store (the upload
 * page's tests).
 */
import { join } from "node:path";
import { hashPassword } from "@zaz/accounts";
import { dashboardStores, listen, MemoryUserRepository, type Serving } from "@zaz/dashboard";
import { fastScryptParams } from "@zaz/dashboard/testing";
import { openAccounts, openStore, watchDataVersion } from "@zaz/store";
import { privacySettings } from "@zaz/survey";
import type { View } from "@zaz/views";
import { afterAll, describe, expect, it } from "vitest";
import { call, login } from "../apps/dashboard/bench/http.js";
import { generateExport } from "../bench/measure.js";
import { ingest, tempDir, voorbeeld } from "./run-zaz.js";
import { newTestDatabase, onPostgres } from "./support/test-database.js";
import { eventually, spawnZaz, watchImports } from "./support/zaz-child.js";

const password = "een lang genoeg wachtwoord";
const school = { instrument: "ouderpopulatie", bestuur: "Stichting Samen Leren", school: "De Regenboog" };
const responses = 4_000;
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

interface Seen {
  at: number;
  importRunning: boolean;
  waves: string[];
  status: number;
  error?: string;
}

describe.skipIf(!onPostgres)("an ingest in another process while the dashboard serves", () => {
  it("keeps answering, shows nothing before the commit and all of it within a second after", async () => {
    const dir = tempDir("zaz-tegelijk-");
    const db = await newTestDatabase(dir);
    await ingest(db, join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv"), {
      ...school,
      wave: "2025-najaar",
    });
    const big = join(dir, "groot.csv");
    generateExport(responses, big, { quiet: true });

    // the dashboard as `npm start` wires it on PostgreSQL (kept views, data version by LISTEN)
    const store = await openStore(db);
    const accounts = await openAccounts(db);
    const privacy = privacySettings({});
    if (!privacy.ok) throw new Error("privacy settings rejected");
    const stores = await dashboardStores(store, accounts, {
      privacy: privacy.value,
      watch: (onChange) => watchDataVersion(db, onChange),
    });
    const passwordHash = await hashPassword(password, fastScryptParams);
    const serving: Serving = await listen(
      {
        results: stores.results,
        users: new MemoryUserRepository([
          { username: "directeur", role: "directeur", scopes: { schools: ["de-regenboog"] }, passwordHash },
        ]),
        // the API's per-address limit (600 a minute) is not what this test is about: three directors
        // on one address here ask more than that
        config: {
          sessionSecret: "tegelijk-test-secret-0123456789abcdef",
          secureCookies: false,
          apiRequestsPerMinute: 100_000,
        },
        log: (error) => console.error(error),
      },
      { host: "127.0.0.1", port: 0 },
    );
    cleanup.push(
      () => serving.close(),
      () => stores.close(),
      () => accounts.close(),
      () => store.close(),
    );
    const imports = await watchImports(db);
    cleanup.push(() => imports.close());
    const cookie = await login(serving.url, "directeur", password);
    const get = (path: string, query: Record<string, string>) =>
      call(`${serving.url}${path}?${new URLSearchParams(query)}`, {
        headers: { cookie, accept: "application/json" },
        timeoutMs: 15_000,
      });
    const waves = async (): Promise<{ status: number; waves: string[] }> => {
      const reply = await get("/api/filters/school", { school: "de-regenboog" });
      const body =
        reply.status === 200 ? (JSON.parse(reply.body) as { waves: { id: string }[] }) : { waves: [] };
      return { status: reply.status, waves: body.waves.map((w) => w.id).sort() };
    };
    expect((await waves()).waves).toEqual(["2025-najaar"]);

    const importer = spawnZaz([
      "ingest",
      big,
      "--instrument",
      school.instrument,
      "--bestuur",
      school.bestuur,
      "--school",
      school.school,
      "--wave",
      "2026-voorjaar",
      "--db",
      db,
    ]);
    let done = false;
    let doneAt = 0;
    const ended = importer.ended.then((result) => {
      done = true;
      doneAt = performance.now();
      return result;
    });

    // a few directors at once, each waiting for its answer (bounded: 3 at a time)
    const seen: Seen[] = [];
    const overview: string[] = [];
    const director = async () => {
      while (!done || performance.now() - doneAt < 1500) {
        // open before and after the request: it was open while the request was answered
        const openBefore = await imports.running();
        const current = await waves();
        const importRunning = openBefore && (await imports.running());
        seen.push({ at: performance.now(), importRunning, ...current });
        const page = await get("/api/class-overview", { school: "de-regenboog", wave: "2025-najaar" });
        overview.push(page.status === 200 ? "200" : `${page.status} ${page.body.slice(0, 300)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all([director(), director(), director()]);
    const result = await ended;
    expect(result.code, result.stderr).toBe(0);

    // no errors while the import ran
    expect(seen.filter((s) => s.status !== 200)).toEqual([]);
    expect(overview.filter((status) => status !== "200")).toEqual([]);
    // the directors were served while the import's transaction was open, and saw none of it
    const during = seen.filter((s) => s.importRunning);
    expect(during.length).toBeGreaterThan(0);
    for (const s of during) expect(s.waves).toEqual(["2025-najaar"]);
    // every answer shows the import wholly or not at all, and once shown it stays
    const shown = seen.map((s) => s.waves.includes("2026-voorjaar"));
    for (const s of seen) expect([["2025-najaar"], ["2025-najaar", "2026-voorjaar"]]).toContainEqual(s.waves);
    expect(shown.slice(shown.indexOf(true)).every(Boolean)).toBe(true);
    // within a second of the commit (the importer's exit comes just after it) the dashboard shows it
    expect(await eventually(async () => (await waves()).waves.includes("2026-voorjaar"), 1000)).toBe(true);
    const after = await get("/api/class-overview", { school: "de-regenboog", wave: "2026-voorjaar" });
    expect(after.status).toBe(200);
    const respons = (JSON.parse(after.body) as View).sections.find((s) => s.id === "respons")?.tables[0];
    expect(respons?.rows.at(-1)?.n).toMatchObject({ value: responses });
  }, 240_000);
});
