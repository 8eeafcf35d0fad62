import { demoPassword } from "@zaz/dashboard/testing";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { LoginThrottle } from "../src/security/login-throttle.js";
import { csrfFrom, ManualClock, makeApp } from "./helpers.js";

const minute = 60_000;

function throttle(clock: ManualClock, maxKeys?: number): LoginThrottle {
  return new LoginThrottle({
    clock,
    freePerAccount: 5,
    freePerClient: 100,
    baseDelayMs: 1000,
    maxDelayMs: 15 * minute,
    windowMs: 60 * minute,
    ...(maxKeys === undefined ? {} : { maxKeys }),
  });
}

describe("LoginThrottle", () => {
  it("lets 5 failures pass, then doubles the wait per failure up to the cap", () => {
    const clock = new ManualClock();
    const t = throttle(clock);
    const waits: number[] = [];
    for (let i = 0; i < 17; i++) {
      waits.push(t.waitMs("anna", "10.0.0.1"));
      t.recordFailure("anna", "10.0.0.1");
    }
    expect(waits.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 1000]);
    expect(waits.slice(6, 10)).toEqual([2000, 4000, 8000, 16_000]);
    expect(t.waitMs("anna", "10.0.0.1")).toBe(15 * minute);
    // another client, or another username from this client, is not held up
    expect(t.waitMs("anna", "10.0.0.2")).toBe(0);
    expect(t.waitMs("bert", "10.0.0.1")).toBe(0);
    clock.advance(15 * minute);
    expect(t.waitMs("anna", "10.0.0.1")).toBe(0);
    // an hour after the last failure it starts afresh
    clock.advance(61 * minute);
    t.recordFailure("anna", "10.0.0.1");
    expect(t.waitMs("anna", "10.0.0.1")).toBe(0);
  });

  it("slows one client spraying one password over many usernames", () => {
    const t = throttle(new ManualClock());
    for (let i = 0; i < 100; i++) t.recordFailure(`user${i}`, "10.0.0.9");
    expect(t.waitMs("someone-else", "10.0.0.9")).toBe(1000);
    expect(t.waitMs("someone-else", "10.0.0.10")).toBe(0);
  });

  it("forgets a client's failures for a username after its successful login", () => {
    const t = throttle(new ManualClock());
    for (let i = 0; i < 6; i++) t.recordFailure("anna", "10.0.0.1");
    t.recordSuccess("anna", "10.0.0.1");
    expect(t.waitMs("anna", "10.0.0.1")).toBe(0);
  });

  it("keeps its memory bounded", () => {
    const t = throttle(new ManualClock(), 50);
    for (let i = 0; i < 1000; i++) t.recordFailure(`user${i}`, `10.0.${i % 250}.${i}`);
    expect(t.size).toBeLessThanOrEqual(50);
  });
});

describe("logins under attack", () => {
  const attempt = async (app: Awaited<ReturnType<typeof makeApp>>, ip: string, password: string) => {
    const agent = request.agent(app);
    const page = await agent.get("/login").set("X-Forwarded-For", ip);
    return agent
      .post("/login")
      .set("X-Forwarded-For", ip)
      .type("form")
      .send({ username: "directeur", password, _csrf: csrfFrom(page.text) });
  };

  it("cannot lock a victim out: 100 failures from one client, the owner logs in from another", async () => {
    const clock = new ManualClock();
    const app = await makeApp({ trustProxy: "loopback", loginAttemptsPerIp: 1000 }, clock);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const status = (await attempt(app, "203.0.113.7", `fout wachtwoord ${i}`)).status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      clock.advance(1000);
    }
    // the attacker's client waits: most of its attempts are refused before any password check
    expect(statuses.get(401)).toBeLessThan(15);
    expect(statuses.get(429)).toBeGreaterThan(85);
    // even the right password from the attacker's client must wait
    const held = await attempt(app, "203.0.113.7", demoPassword);
    expect(held.status).toBe(429);
    expect(held.text).toMatch(/Wacht \d+ (seconden|minuten|minuut) en probeer het dan opnieuw/);
    expect(Number(held.headers["retry-after"])).toBeGreaterThan(0);
    // the owner, from their own address, is not affected
    expect((await attempt(app, "198.51.100.20", demoPassword)).status).toBe(303);
  });
});
