import { createServer, hashPassword } from "@zaz/dashboard";
import { demoAccounts, demoPassword, FakeResultsService, fastScryptParams } from "@zaz/dashboard/testing";
import { openDuckDbStore, type Store } from "@zaz/store";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreSessionStore } from "../src/session/store-session-store.js";
import { StoreUserRepository } from "../src/users/store-user-repository.js";
import { logIn, ManualClock, secret } from "./helpers.js";

let store: Store;
let clock: ManualClock;

beforeEach(async () => {
  store = await openDuckDbStore(":memory:");
  clock = new ManualClock();
});

afterEach(async () => {
  await store.close();
});

describe("StoreSessionStore", () => {
  it("keeps a session's record until it expires, then forgets it", async () => {
    const sessions = new StoreSessionStore(store, { clock });
    const record = { username: "anna", lastSeen: clock.now(), cookie: { httpOnly: true } };
    await sessions.set("sid", record, clock.now() + 1000);
    expect(await sessions.get("sid")).toEqual(record);
    clock.advance(999);
    expect(await sessions.get("sid")).toEqual(record);
    clock.advance(1);
    expect(await sessions.get("sid")).toBeUndefined();
    // and the expired row is gone from the table, not only hidden
    expect(await store.sessions.get("sid")).toBeUndefined();
  });

  it("replaces a session on set and removes it on destroy", async () => {
    const sessions = new StoreSessionStore(store, { clock });
    await sessions.set("sid", { n: 1 }, clock.now() + 1000);
    await sessions.set("sid", { n: 2 }, clock.now() + 1000);
    expect(await sessions.get("sid")).toEqual({ n: 2 });
    await sessions.destroy("sid");
    expect(await sessions.get("sid")).toBeUndefined();
  });

  it("sweeps expired sessions on a set once per interval", async () => {
    const sessions = new StoreSessionStore(store, { clock, purgeIntervalMs: 60_000 });
    await sessions.set("a", {}, clock.now() + 1000);
    await sessions.set("b", {}, clock.now() + 120_000);
    clock.advance(2000);
    await sessions.set("c", {}, clock.now() + 1000);
    // within the interval: "a" has expired but is still in the table
    expect(await store.sessions.get("a")).toBeDefined();
    clock.advance(60_000);
    await sessions.set("d", {}, clock.now() + 1000);
    expect(await store.sessions.get("a")).toBeUndefined();
    expect(await store.sessions.get("c")).toBeUndefined();
    expect(await store.sessions.get("b")).toBeDefined();
    expect(await store.sessions.get("d")).toBeDefined();
  });

  it("purges on demand and counts what it purged", async () => {
    const sessions = new StoreSessionStore(store, { clock });
    await sessions.set("a", {}, clock.now() + 10);
    await sessions.set("b", {}, clock.now() + 10);
    await sessions.set("c", {}, clock.now() + 1000);
    clock.advance(10);
    expect(await sessions.purgeExpired()).toBe(2);
    expect(await sessions.get("c")).toEqual({});
  });

  it("treats a damaged stored session as absent and deletes it", async () => {
    const sessions = new StoreSessionStore(store, { clock });
    await store.sessions.set("broken", "{not json", clock.now() + 1000);
    await store.sessions.set("array", "[1]", clock.now() + 1000);
    expect(await sessions.get("broken")).toBeUndefined();
    expect(await sessions.get("array")).toBeUndefined();
    expect(await store.sessions.get("broken")).toBeUndefined();
    expect(await store.sessions.get("array")).toBeUndefined();
  });
});

describe("the dashboard on the store", () => {
  it("logs in with an account from the database and stays logged in after a restart", async () => {
    const users = new StoreUserRepository(store);
    const passwordHash = await hashPassword(demoPassword, fastScryptParams);
    const account = demoAccounts.find((a) => a.role === "directeur");
    if (account === undefined) throw new Error("no demo directeur");
    expect((await users.add({ ...account, passwordHash })).ok).toBe(true);
    const app = () =>
      createServer({
        results: new FakeResultsService(),
        users,
        sessionStore: new StoreSessionStore(store, { clock }),
        config: { sessionSecret: secret, secureCookies: false },
        clock,
        log: () => {},
      });

    const agent = request.agent(app());
    const login = await logIn(agent, account.username.toUpperCase());
    expect(login.status).toBe(303);
    const setCookies: unknown = login.headers["set-cookie"];
    const cookie = (Array.isArray(setCookies) ? setCookies.map(String) : [])
      .find((c) => c.startsWith("zaz="))
      ?.split(";")[0];
    if (cookie === undefined) throw new Error("no session cookie after login");
    expect((await agent.get("/api/me")).body).toMatchObject({ username: account.username });

    // a new server process on the same database: the session cookie still works
    const restarted = request(app());
    const me = await restarted.get("/api/me").set("Cookie", cookie);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: account.username, role: "directeur" });

    // removing the account ends its access at once
    await users.remove(account.username);
    expect((await restarted.get("/api/me").set("Cookie", cookie)).status).toBe(401);
  });
});
