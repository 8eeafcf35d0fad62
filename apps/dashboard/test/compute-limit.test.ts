import { HttpError } from "@zaz/dashboard";
import { describe, expect, it } from "vitest";
import { ComputeLimit } from "../src/security/compute-limit.js";
import { UserPacer } from "../src/security/user-pacer.js";

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("ComputeLimit", () => {
  it("lets a user run perUser computations, queues queuePerUser more and refuses the rest with 429", async () => {
    const limit = new ComputeLimit({ perUser: 2, global: 10, queuePerUser: 2, retryAfterSeconds: 3 });
    const running = [await limit.admit("docent"), await limit.admit("docent")];
    let admitted = 0;
    const queued = [limit.admit("docent"), limit.admit("docent")];
    for (const q of queued) void q.then(() => admitted++);
    const refused = await limit.admit("docent").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(429);
    expect((refused as HttpError).headers["Retry-After"]).toBe("3");
    expect(limit.load()).toEqual({ running: 2, waiting: 2 });
    await settle();
    expect(admitted).toBe(0);
    running[0]!();
    running[0]!(); // a second call frees nothing more
    await settle();
    expect(admitted).toBe(1);
    expect(limit.load()).toEqual({ running: 2, waiting: 1 });
    running[1]!();
    for (const release of await Promise.all(queued)) release();
    expect(limit.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("does not let one user's queue hold up another user", async () => {
    const limit = new ComputeLimit({ perUser: 2, global: 3, queuePerUser: 4 });
    const hostile = [await limit.admit("hostile"), await limit.admit("hostile")];
    const waiting = [limit.admit("hostile"), limit.admit("hostile")];
    // a free global slot goes to another user at once, though the hostile user waits
    const other = await limit.admit("directeur");
    // the global bound: now everyone waits, and takes turns
    const order: string[] = [];
    for (const w of waiting) void w.then(() => order.push("hostile"));
    void limit.admit("directeur").then(() => order.push("directeur"));
    void limit.admit("leerteam").then(() => order.push("leerteam"));
    await settle();
    expect(order).toEqual([]);
    hostile[0]!();
    await settle();
    other();
    await settle();
    hostile[1]!();
    await settle();
    // each freed slot to the next user in turn: the hostile user's second waiting request last
    expect(order).toEqual(["hostile", "directeur", "leerteam"]);
    expect(limit.load().waiting).toBe(1);
  });
});

describe("UserPacer", () => {
  it("answers a burst at once, then paces one user's refusals, and forgets a user who stops", async () => {
    let now = 0;
    const pacer = new UserPacer({ burst: 3, perSecond: 10, maxWaitMs: 500 }, () => now);
    const waits: number[] = [];
    const timed = async (user: string) => {
      const started = performance.now();
      await pacer.pace(user);
      waits.push(performance.now() - started);
    };
    for (let i = 0; i < 3; i++) await timed("hostile");
    expect(Math.max(...waits)).toBeLessThan(20);
    expect(pacer.inDebt("hostile")).toBe(true);
    expect(pacer.inDebt("directeur")).toBe(false);
    // the fourth waits about 1/perSecond; the debt (and so the wait) is bounded by maxWaitMs
    await timed("hostile");
    expect(waits.at(-1)).toBeGreaterThanOrEqual(90);
    for (let i = 0; i < 20; i++) void pacer.pace("hostile");
    await timed("hostile");
    expect(waits.at(-1)).toBeLessThanOrEqual(600);
    // another user is not affected
    await timed("directeur");
    expect(waits.at(-1)).toBeLessThan(20);
    // after a pause the bucket is full again
    now += 10_000;
    expect(pacer.inDebt("hostile")).toBe(false);
  });
});
