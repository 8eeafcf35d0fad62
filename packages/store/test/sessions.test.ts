import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccountsStore } from "../src/index.js";
import { newTestDatabase, openTestAccounts, type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;
let target: string;
let store: AccountsStore;

beforeEach(async () => {
  dir = await tempDir();
  target = await newTestDatabase(dir.path, "zaz.accounts.duckdb");
  store = await openTestAccounts(target);
});

afterEach(async () => {
  await store.close();
  await dir.remove();
});

// ms since epoch in 2026: beyond 32 bits, so a narrow column would show here
const t0 = Date.parse("2026-11-23T12:00:00Z");

describe("sessions", () => {
  it("stores a session's JSON and expiry, and replaces both on a second set", async () => {
    const record = JSON.stringify({ username: "anna", lastSeen: t0, cookie: { httpOnly: true } });
    await store.sessions.set("sid-1", record, t0 + 60_000);
    expect(await store.sessions.get("sid-1")).toEqual({ record, expiresAt: t0 + 60_000 });
    await store.sessions.set("sid-1", '{"username":"anna","lastSeen":2}', t0 + 120_000);
    expect(await store.sessions.get("sid-1")).toEqual({
      record: '{"username":"anna","lastSeen":2}',
      expiresAt: t0 + 120_000,
    });
    expect(await store.sessions.get("sid-2")).toBeUndefined();
  });

  it("destroys one session and leaves the others", async () => {
    await store.sessions.set("a", "{}", t0 + 1);
    await store.sessions.set("b", "{}", t0 + 1);
    await store.sessions.destroy("a");
    await store.sessions.destroy("unknown");
    expect(await store.sessions.get("a")).toBeUndefined();
    expect(await store.sessions.get("b")).toBeDefined();
  });

  it("returns an expired session as it is (the store keeps no clock) until it is purged", async () => {
    await store.sessions.set("old", "{}", t0 - 1);
    await store.sessions.set("edge", "{}", t0);
    await store.sessions.set("new", "{}", t0 + 1);
    expect(await store.sessions.get("old")).toEqual({ record: "{}", expiresAt: t0 - 1 });
    expect(await store.sessions.purgeExpired(t0)).toBe(2);
    expect(await store.sessions.get("old")).toBeUndefined();
    expect(await store.sessions.get("edge")).toBeUndefined();
    expect(await store.sessions.get("new")).toBeDefined();
    expect(await store.sessions.purgeExpired(t0)).toBe(0);
  });

  it("keeps sessions across reopening", async () => {
    await store.sessions.set("sid", '{"x":1}', t0);
    await store.close();
    store = await openTestAccounts(target);
    expect(await store.sessions.get("sid")).toEqual({ record: '{"x":1}', expiresAt: t0 });
  });

  it("refuses an expiry that is not a time", async () => {
    await expect(store.sessions.set("sid", "{}", Number.NaN)).rejects.toThrow(/finite/);
    expect(await store.sessions.get("sid")).toBeUndefined();
  });
});
