import { hashPassword, needsRehash } from "@zaz/accounts";
import { createServer, StoreSessionStore, StoreUserRepository } from "@zaz/dashboard";
import { demoAccounts, demoPassword, fastScryptParams } from "@zaz/dashboard/testing";
import { type AccountsStore, openAccountsStore } from "@zaz/store";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countingStore } from "./counting-store.js";
import { csrfFrom, loggedInAgent, logIn, ManualClock, makeApp, secret, sharedDemo } from "./helpers.js";

const minute = 60_000;
const hour = 60 * minute;

let store: AccountsStore;
beforeEach(async () => {
  store = await openAccountsStore(":memory:");
});
afterEach(async () => {
  await store.close();
});

/** The dashboard over accounts in the database, with every call to it counted. */
async function dashboardOnStore(clock: ManualClock, scryptParams = fastScryptParams) {
  const counted = countingStore(store);
  const users = new StoreUserRepository(counted.store, { clock, warn: () => {} });
  const passwordHash = await hashPassword(demoPassword, fastScryptParams);
  for (const account of demoAccounts) await users.add({ ...account, passwordHash });
  const sessionStore = new StoreSessionStore(counted.store, { clock });
  const app = createServer({
    results: (await sharedDemo()).service,
    users,
    sessionStore,
    config: { sessionSecret: secret, secureCookies: false, scryptParams },
    clock,
    log: () => {},
  });
  counted.reset();
  return { app, counted, sessionStore };
}

describe("sessions", () => {
  it("writes nothing to the database for anonymous visitors and failed logins", async () => {
    const clock = new ManualClock();
    const { app, counted, sessionStore } = await dashboardOnStore(clock);
    for (let i = 0; i < 10; i++) {
      const agent = request.agent(app);
      const page = await agent.get("/login");
      expect(page.status).toBe(200);
      const failed = await agent
        .post("/login")
        .type("form")
        .send({
          username: i < 5 ? "directeur" : `niemand${i}`,
          password: `fout ${i}`,
          _csrf: csrfFrom(page.text),
        });
      expect(failed.status).toBe(401);
      expect((await agent.get("/api/me")).status).toBe(401);
    }
    await sessionStore.settled();
    expect(counted.sessions.writes).toBe(0);
    expect(await store.sessions.purgeExpired(Number.MAX_SAFE_INTEGER)).toBe(0);
    // the login form still works without a stored session (after the backoff of 5 failures)
    clock.advance(1000);
    expect((await logIn(request.agent(app), "directeur")).status).toBe(303);
    expect(counted.sessions.writes).toBeGreaterThan(0);
  });

  it("ends a session after the absolute lifetime, however active", async () => {
    const clock = new ManualClock();
    const app = await makeApp({ absoluteSessionMs: 2 * hour }, clock);
    const agent = await loggedInAgent(app, "leerteam");
    for (let i = 0; i < 11; i++) {
      clock.advance(10 * minute);
      expect((await agent.get("/api/me")).status).toBe(200);
    }
    clock.advance(10 * minute + 1);
    expect((await agent.get("/api/me")).status).toBe(401);
    expect((await agent.get("/login")).text).toContain("U was 2 uur ingelogd");
  });

  it("tells the configured idle time, and writes the idle refresh at most once a minute", async () => {
    const clock = new ManualClock();
    const { app, counted, sessionStore } = await dashboardOnStore(clock);
    const agent = request.agent(app);
    expect((await logIn(agent, "docent")).status).toBe(303);
    await sessionStore.settled();
    counted.reset();
    for (let i = 0; i < 120; i++) {
      clock.advance(1000);
      expect((await agent.get("/api/me")).status).toBe(200);
    }
    await sessionStore.settled();
    expect(counted.sessions.writes).toBe(2);

    const short = await makeApp({ idleTimeoutMs: 5 * minute }, clock);
    const idle = await loggedInAgent(short, "docent");
    clock.advance(5 * minute + 1);
    expect((await idle.get("/api/me")).status).toBe(401);
    expect((await idle.get("/login")).text).toContain("U bent na 5 minuten zonder activiteit uitgelogd");
  });

  it("logs out without leaving a session row", async () => {
    const { app, sessionStore } = await dashboardOnStore(new ManualClock());
    const agent = request.agent(app);
    expect((await logIn(agent, "docent")).status).toBe(303);
    const home = await agent.get("/");
    expect(
      (
        await agent
          .post("/logout")
          .type("form")
          .send({ _csrf: csrfFrom(home.text) })
      ).status,
    ).toBe(303);
    await sessionStore.settled();
    expect(await store.sessions.purgeExpired(Number.MAX_SAFE_INTEGER)).toBe(0);
    expect((await agent.get("/login")).text).toContain("U bent uitgelogd.");
  });
});

describe("rehash at login", () => {
  it("replaces a hash made with weaker parameters at a successful login, and only then", async () => {
    const clock = new ManualClock();
    const stronger = { N: 2 ** 11, r: 8, p: 1 };
    const { app } = await dashboardOnStore(clock, stronger);
    const before = (await store.users.find("docent"))?.passwordHash ?? "";
    expect(needsRehash(before, stronger)).toBe(true);
    expect((await logIn(request.agent(app), "docent", "verkeerd wachtwoord")).status).toBe(401);
    expect((await store.users.find("docent"))?.passwordHash).toBe(before);
    const agent = request.agent(app);
    expect((await logIn(agent, "docent")).status).toBe(303);
    const after = (await store.users.find("docent"))?.passwordHash ?? "";
    expect(after).toMatch(/^scrypt\$2048\$/);
    expect(needsRehash(after, stronger)).toBe(false);
    // the session made at that login goes on; the new hash works
    expect((await agent.get("/api/me")).status).toBe(200);
    expect((await logIn(request.agent(app), "docent")).status).toBe(303);
  });
});

describe("the API's answers", () => {
  it("answers /API, /Api/… in JSON, never with a redirect", async () => {
    const app = await makeApp();
    for (const path of ["/API/me", "/Api/catalog", "/aPi/bestaat-niet", "/API"]) {
      const response = await request(app).get(path);
      expect([401, 404]).toContain(response.status);
      expect(response.headers["content-type"]).toMatch(/json/);
      expect(response.body.error.code).toMatch(/not-logged-in|not-found/);
    }
    const agent = await loggedInAgent(app, "beheerder");
    expect((await agent.get("/API/me")).body).toMatchObject({ username: "beheerder" });
  });

  it("lists users without a damaged row, which cannot log in either", async () => {
    const { app } = await dashboardOnStore(new ManualClock());
    const hash = (await store.users.find("docent"))?.passwordHash ?? "";
    await store.users.add({ username: "kapot", role: "superuser", scopes: {}, passwordHash: hash });
    const agent = request.agent(app);
    expect((await logIn(agent, "beheerder")).status).toBe(303);
    const listed = await agent.get("/api/users");
    expect(listed.status).toBe(200);
    const names = (listed.body as { users?: { username: string }[] }).users ?? listed.body;
    expect(JSON.stringify(names)).not.toContain("kapot");
    expect(JSON.stringify(names)).toContain("docent");
    expect((await logIn(request.agent(app), "kapot")).status).toBe(401);
  });
});
