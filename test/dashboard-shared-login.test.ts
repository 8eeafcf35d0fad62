/**
 * Issue 12, "More than one dashboard process": two dashboards (each its own Store and accounts store,
 * as two processes have) on one PostgreSQL database behind one address. A login on one is a login on
 * the other (sessions are rows in the database, the cookie is signed with the shared secret), and an
 * import by a third program is shown by both within a second (the data version, by LISTEN/NOTIFY).
 * PostgreSQL only: a DuckDB file has one owner. The same with real processes: dashboard-processes.test.ts.
 */
import { join } from "node:path";
import { hashPassword } from "@zaz/accounts";
import { dashboardStores, listen, type Serving } from "@zaz/dashboard";
import { fastScryptParams } from "@zaz/dashboard/testing";
import { openAccounts, openStore, watchDataVersion } from "@zaz/store";
import { privacySettings } from "@zaz/survey";
import { afterAll, describe, expect, it } from "vitest";
import { call, login } from "../apps/dashboard/bench/http.js";
import { ingest, tempDir, voorbeeld } from "./run-zaz.js";
import { newTestDatabase, onPostgres } from "./support/test-database.js";
import { eventually } from "./support/zaz-child.js";

const password = "een lang genoeg wachtwoord";
const secret = "gedeeld-geheim-voor-beide-processen-0123456789";
const where = { instrument: "ouderpopulatie", bestuur: "Stichting Samen Leren", school: "De Regenboog" };
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** One dashboard process: its own connections to the database, wired as `npm start` wires it. */
async function dashboard(db: string): Promise<Serving> {
  const store = await openStore(db);
  const accounts = await openAccounts(db);
  const privacy = privacySettings({});
  if (!privacy.ok) throw new Error("privacy settings rejected");
  const stores = await dashboardStores(store, accounts, {
    privacy: privacy.value,
    watch: (onChange) => watchDataVersion(db, onChange),
  });
  const serving = await listen(
    {
      results: stores.results,
      users: stores.users,
      sessionStore: stores.sessionStore,
      config: { sessionSecret: secret, secureCookies: false },
      log: (error) => console.error(error),
    },
    { host: "127.0.0.1", port: 0 },
  );
  cleanup.push(
    () => store.close(),
    () => accounts.close(),
    () => stores.close(),
    () => serving.close(),
  );
  return serving;
}

describe.skipIf(!onPostgres)("two dashboards on one PostgreSQL database", () => {
  it("share a login, and both show a new import within a second", async () => {
    const db = await newTestDatabase(tempDir("zaz-twee-dashboards-"));
    await ingest(db, join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv"), {
      ...where,
      wave: "2025-najaar",
    });
    const accounts = await openAccounts(db);
    try {
      const passwordHash = await hashPassword(password, fastScryptParams);
      await accounts.users.add({
        username: "directeur",
        role: "directeur",
        scopes: { schools: ["de-regenboog"] },
        passwordHash,
      });
    } finally {
      await accounts.close();
    }
    const a = await dashboard(db);
    const b = await dashboard(db);
    const waves = async (serving: Serving, cookie: string) => {
      const reply = await call(`${serving.url}/api/filters/school?school=de-regenboog`, {
        headers: { cookie, accept: "application/json" },
        timeoutMs: 15_000,
      });
      if (reply.status !== 200) return { status: reply.status, waves: [] as string[] };
      const body = JSON.parse(reply.body) as { waves: { id: string }[] };
      return { status: reply.status, waves: body.waves.map((w) => w.id).sort() };
    };

    // the control: without a session the other dashboard refuses
    expect((await waves(b, "")).status).toBe(401);
    const cookie = await login(a.url, "directeur", password);
    expect(await waves(a, cookie)).toEqual({ status: 200, waves: ["2025-najaar"] });
    expect(await waves(b, cookie)).toEqual({ status: 200, waves: ["2025-najaar"] });
    // a cookie the other never issued, signed with another secret, is no session there
    expect((await waves(b, cookie.replace(/=s%3A[^.;]*/, "=s%3Aonbekend"))).status).toBe(401);

    // a third program (`zaz ingest`) imports; both dashboards have kept the old views
    await ingest(db, join(voorbeeld, "ouderpopulatie-de-regenboog-2026-voorjaar-google-forms.csv"), {
      ...where,
      wave: "2026-voorjaar",
    });
    const both = ["2025-najaar", "2026-voorjaar"];
    const shows = async (serving: Serving) => (await waves(serving, cookie)).waves.join() === both.join();
    expect(await eventually(() => shows(a), 1000)).toBe(true);
    expect(await eventually(() => shows(b), 1000)).toBe(true);
  }, 120_000);
});
