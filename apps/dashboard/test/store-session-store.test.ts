import { createServer, hashPassword } from "@zaz/dashboard";
import { demoAccounts, demoPassword, fastScryptParams } from "@zaz/dashboard/testing";
import { type AccountsStore, openAccountsStore } from "@zaz/store";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreSessionStore } from "../src/session/store-session-store.js";
import { StoreUserRepository } from "../src/users/store-user-repository.js";
import { countingStore } from "./counting-store.js";
import { logIn, ManualClock, secret, sharedDemo } from "./helpers.js";

let store: AccountsStore;
let clock: ManualClock;

beforeEach(async () => {
  store = await openAccountsStore(":memory:");
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

describe("StoreSessionStore's cache", () => {
  const ttl = 40 * 60 * 1000;
  const second = 1000;
  const cookieOf = (expiresAt: number) => ({
    originalMaxAge: ttl,
    expires: new Date(expiresAt).toISOString(),
    httpOnly: true,
    path: "/",
  });
  /** a session as express-session hands it over on a request at `now` */
  const onRequest = (now: number, extra: Record<string, unknown> = {}) => ({
    cookie: cookieOf(now + ttl),
    username: "anna",
    lastSeen: now,
    ...extra,
  });

  it("does no store work for repeated get and touch of an unchanged session within a minute", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock });
    const record = onRequest(clock.now());
    const expiresAt = clock.now() + ttl;
    await sessions.set("sid", record, expiresAt);
    expect(counted.sessions.writes).toBeGreaterThan(0);
    counted.reset();
    for (let i = 0; i < 59; i++) {
      clock.advance(second);
      expect(await sessions.get("sid")).toEqual(record);
      await sessions.set("sid", record, clock.now() + ttl);
    }
    expect(counted.sessions).toEqual({ reads: 0, writes: 0 });
    // a minute after it was last read or written, the row is read again (and is unchanged)
    clock.advance(second);
    expect(await sessions.get("sid")).toEqual(record);
    expect(counted.sessions).toEqual({ reads: 1, writes: 0 });
  });

  it("keeps lastSeen exact in memory and writes it at most once a minute", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock });
    const start = clock.now();
    await sessions.set("sid", onRequest(start), start + ttl);
    counted.reset();
    // a request every second, as express-session with `rolling` and loadUser make them
    for (let i = 1; i < 150; i++) {
      clock.advance(second);
      const now = clock.now();
      expect((await sessions.get("sid"))?.lastSeen).toBe(now - second);
      await sessions.set("sid", onRequest(now), now + ttl);
    }
    // written at 60 and 120 s, each after reading the row to see it is still ours, without
    // the request waiting for it (and the row read again there, as the cached copy is a minute old)
    await sessions.settled();
    expect(counted.sessions).toEqual({ reads: 4, writes: 2 });
    const row = await store.sessions.get("sid");
    expect(JSON.parse(row?.record ?? "{}").lastSeen).toBe(start + 120 * second);
    expect(row?.expiresAt).toBe(start + 120 * second + ttl);
    // another process (or this one after a restart) sees the lastSeen written, at most a minute old
    const elsewhere = new StoreSessionStore(store, { clock });
    expect((await elsewhere.get("sid"))?.lastSeen).toBe(start + 120 * second);
    expect((await sessions.get("sid"))?.lastSeen).toBe(start + 149 * second);
  });

  it("answers without waiting for a write of lastSeen, and waits for a change of the data", async () => {
    // a database held up (by a checkpoint, say): writes wait until it is let go
    let release = () => {};
    let held = false;
    const slow: Pick<AccountsStore, "sessions"> = {
      sessions: {
        ...store.sessions,
        get: (id) => store.sessions.get(id),
        set: async (id, record, expiresAt) => {
          if (held) await new Promise<void>((resolve) => (release = resolve));
          await store.sessions.set(id, record, expiresAt);
        },
      },
    };
    const sessions = new StoreSessionStore(slow, { clock });
    await sessions.set("sid", onRequest(clock.now()), clock.now() + ttl);
    held = true;
    clock.advance(20 * second);
    const later = onRequest(clock.now());
    let answered = false;
    await sessions.set("sid", later, clock.now() + ttl).then(() => (answered = true));
    expect(answered).toBe(true);
    expect(await sessions.get("sid")).toEqual(later);
    // a change of the data is waited for, after the lastSeen write before it
    const changed = sessions.set("sid", onRequest(clock.now(), { notice: "idle" }), clock.now() + ttl);
    let done = false;
    void changed.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    held = false;
    release();
    await changed;
    await sessions.settled();
    expect(JSON.parse((await store.sessions.get("sid"))?.record ?? "{}").notice).toBe("idle");
  });

  it("reads a row once for the requests that arrive together after the minute", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock });
    const record = onRequest(clock.now());
    await sessions.set("sid", record, clock.now() + ttl);
    counted.reset();
    clock.advance(61 * second);
    const got = await Promise.all(Array.from({ length: 20 }, () => sessions.get("sid")));
    expect(got.every((r) => JSON.stringify(r) === JSON.stringify(record))).toBe(true);
    expect(counted.sessions).toEqual({ reads: 1, writes: 0 });
    // express-session changes the record it gets: each request has its own
    expect(got[0]).not.toBe(got[1]);
  });

  it("writes a session whose data changed at once", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock });
    await sessions.set("sid", onRequest(clock.now()), clock.now() + ttl);
    await sessions.get("sid");
    counted.reset();
    clock.advance(second);
    const changed = onRequest(clock.now(), { notice: "logged-out" });
    await sessions.set("sid", changed, clock.now() + ttl);
    expect(counted.sessions.writes).toBe(1);
    expect(await new StoreSessionStore(store, { clock }).get("sid")).toEqual(changed);
    // taking lastSeen away is a change too, not a lazily written one
    const { lastSeen: _, ...withoutLastSeen } = changed;
    await sessions.set("sid", withoutLastSeen, clock.now() + ttl);
    expect(counted.sessions.writes).toBe(2);
  });

  it("ends a session at the expiry last asked for, and the row's expiry lags by at most 60 s", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock });
    const start = clock.now();
    const record = { username: "anna" };
    await sessions.set("sid", record, start + ttl);
    clock.advance(30 * second);
    await sessions.set("sid", record, start + 30 * second + ttl);
    clock.advance(25 * second);
    await sessions.set("sid", record, start + 55 * second + ttl);
    await sessions.settled();
    // 55 s behind: not written
    expect((await store.sessions.get("sid"))?.expiresAt).toBe(start + ttl);
    clock.advance(10 * second);
    await sessions.set("sid", record, start + 65 * second + ttl);
    await sessions.settled();
    // 65 s behind: written
    expect((await store.sessions.get("sid"))?.expiresAt).toBe(start + 65 * second + ttl);
    clock.advance(30 * second);
    await sessions.set("sid", record, start + 95 * second + ttl);
    await sessions.settled();
    expect((await store.sessions.get("sid"))?.expiresAt).toBe(start + 65 * second + ttl);

    clock.time = start + 95 * second + ttl - 1;
    expect(await sessions.get("sid")).toEqual(record);
    clock.advance(1);
    expect(await sessions.get("sid")).toBeUndefined();
    expect(await store.sessions.get("sid")).toBeUndefined();
  });

  it("removes a destroyed session from store and cache, and a request under way does not bring it back", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock });
    await sessions.set("sid", onRequest(clock.now()), clock.now() + ttl);
    await sessions.get("sid");
    await sessions.destroy("sid");
    expect(await store.sessions.get("sid")).toBeUndefined();
    counted.reset();
    expect(await sessions.get("sid")).toBeUndefined();
    clock.advance(20 * second);
    await sessions.set("sid", onRequest(clock.now()), clock.now() + ttl);
    expect(counted.sessions).toEqual({ reads: 0, writes: 0 });
    expect(await store.sessions.get("sid")).toBeUndefined();
  });

  it("does not cache a session read while it is destroyed", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock });
    await store.sessions.set("sid", JSON.stringify(onRequest(clock.now())), clock.now() + ttl);
    const release = counted.hold("sessions");
    const reading = sessions.get("sid");
    await sessions.destroy("sid");
    release();
    expect(await reading).toBeUndefined();
    expect(await sessions.get("sid")).toBeUndefined();
  });

  it("sees another process's logout within 60 s, and does not bring the session back", async () => {
    // lastSeen written after 15 s here, so that a write meets the row while it is still cached
    const here = new StoreSessionStore(store, { clock, lastSeenWriteMs: 15 * second });
    const there = new StoreSessionStore(store, { clock });
    await here.set("sid", onRequest(clock.now()), clock.now() + ttl);
    await here.get("sid");
    await there.destroy("sid");
    clock.advance(20 * second);
    // still served from memory here: the price of the cache, at most 60 s
    expect(await here.get("sid")).toBeDefined();
    // a lastSeen 20 s newer would be written, but the row is gone: it stays gone
    await here.set("sid", onRequest(clock.now()), clock.now() + ttl);
    expect(await store.sessions.get("sid")).toBeUndefined();
    expect(await here.get("sid")).toBeUndefined();

    await here.set("other", onRequest(clock.now()), clock.now() + ttl);
    await there.destroy("other");
    clock.advance(59_999);
    expect(await here.get("other")).toBeDefined();
    clock.advance(1);
    expect(await here.get("other")).toBeUndefined();
  });

  it("sees another process's change of the data within 60 s and keeps it", async () => {
    const here = new StoreSessionStore(store, { clock, lastSeenWriteMs: 15 * second });
    const there = new StoreSessionStore(store, { clock });
    const start = clock.now();
    await here.set("sid", onRequest(start), start + ttl);
    const changed = onRequest(start, { notice: "idle" });
    await there.set("sid", changed, start + ttl);
    clock.advance(30 * second);
    expect((await here.get("sid"))?.notice).toBeUndefined();
    // only lastSeen moved here: the other process's data are kept, not written over
    await here.set("sid", onRequest(clock.now()), clock.now() + ttl);
    expect(JSON.parse((await store.sessions.get("sid"))?.record ?? "{}")).toEqual(changed);
    expect(await here.get("sid")).toEqual(changed);
  });

  it("keeps at most maxCachedSessions, least recently used out", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock, maxCachedSessions: 2 });
    for (const id of ["a", "b", "c"]) await sessions.set(id, { id }, clock.now() + ttl);
    expect(sessions.cachedSessions).toBe(2);
    counted.reset();
    expect(await sessions.get("b")).toEqual({ id: "b" });
    expect(await sessions.get("c")).toEqual({ id: "c" });
    expect(counted.sessions.reads).toBe(0);
    expect(await sessions.get("a")).toEqual({ id: "a" });
    expect(counted.sessions.reads).toBe(1);
    expect(sessions.cachedSessions).toBe(2);
    // "b" was used least recently, so it made way for "a"
    expect(await sessions.get("c")).toEqual({ id: "c" });
    expect(await sessions.get("b")).toEqual({ id: "b" });
    expect(counted.sessions.reads).toBe(2);
  });

  it("drops cached sessions whose rows a purge deleted", async () => {
    const counted = countingStore(store);
    const sessions = new StoreSessionStore(counted.store, { clock });
    await sessions.set("a", { n: 1 }, clock.now() + 1000);
    await sessions.set("a", { n: 1 }, clock.now() + 30_000); // less than 60 s ahead: not written
    clock.advance(1000);
    expect(await sessions.purgeExpired()).toBe(1);
    expect(await sessions.get("a")).toBeUndefined();
  });
});

describe("the dashboard on the store", () => {
  let demo: Awaited<ReturnType<typeof sharedDemo>>;
  beforeEach(async () => {
    demo = await sharedDemo();
  });

  it("logs in with an account from the database and stays logged in after a restart", async () => {
    const users = new StoreUserRepository(store);
    const passwordHash = await hashPassword(demoPassword, fastScryptParams);
    const account = demoAccounts.find((a) => a.role === "directeur");
    if (account === undefined) throw new Error("no demo directeur");
    expect((await users.add({ ...account, passwordHash })).ok).toBe(true);
    const app = () =>
      createServer({
        results: demo.service,
        users,
        sessionStore: new StoreSessionStore(store, { clock }),
        config: { sessionSecret: secret, secureCookies: false, scryptParams: fastScryptParams },
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

  it("answers a logged-in request without database work, and still logs out after 30 idle minutes", async () => {
    const counted = countingStore(store);
    const users = new StoreUserRepository(counted.store, { clock });
    const passwordHash = await hashPassword(demoPassword, fastScryptParams);
    const account = demoAccounts.find((a) => a.role === "directeur");
    if (account === undefined) throw new Error("no demo directeur");
    await users.add({ ...account, passwordHash });
    const sessionStore = new StoreSessionStore(counted.store, { clock });
    const app = createServer({
      results: demo.service,
      users,
      sessionStore,
      config: { sessionSecret: secret, secureCookies: false, scryptParams: fastScryptParams },
      clock,
      log: () => {},
    });
    const agent = request.agent(app);
    expect((await logIn(agent, account.username)).status).toBe(303);
    counted.reset();

    for (let i = 0; i < 20; i++) {
      clock.advance(500);
      expect((await agent.get("/api/me")).status).toBe(200);
    }
    expect(counted.sessions).toEqual({ reads: 0, writes: 0 });
    expect(counted.users).toEqual({ reads: 0, writes: 0 });

    // a minute on, the cached row is read again and lastSeen written (after reading the row to
    // see it is still ours); the account is read again too
    clock.advance(50_000);
    expect((await agent.get("/api/me")).status).toBe(200);
    await sessionStore.settled();
    expect(counted.sessions).toEqual({ reads: 2, writes: 1 });
    expect(counted.users.reads).toBe(1);

    // a request 10 s later leaves the row's lastSeen 10 s behind...
    clock.advance(10_000);
    expect((await agent.get("/api/me")).status).toBe(200);
    await sessionStore.settled();
    expect(counted.sessions.writes).toBe(1);
    // ...but the idle timeout counts from the real last request: not early, not late
    clock.advance(30 * 60 * 1000);
    expect((await agent.get("/api/me")).status).toBe(200);
    expect(counted.users.reads).toBe(2);
    clock.advance(30 * 60 * 1000 + 1);
    const idle = await agent.get("/api/me");
    expect(idle.status).toBe(401);
    expect((await agent.get("/login")).text).toContain("30 minuten zonder activiteit");
  });
});
