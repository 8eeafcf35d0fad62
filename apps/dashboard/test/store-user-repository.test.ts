import { publicUser, type User } from "@zaz/dashboard";
import { type AccountsStore, openAccountsStore } from "@zaz/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreUserRepository } from "../src/users/store-user-repository.js";
import { countingStore } from "./counting-store.js";
import { ManualClock } from "./helpers.js";

let store: AccountsStore;
let users: StoreUserRepository;

beforeEach(async () => {
  store = await openAccountsStore(":memory:");
  users = new StoreUserRepository(store);
});

afterEach(async () => {
  await store.close();
});

const anna: User = {
  username: "Anna",
  role: "directeur",
  scopes: { schools: ["de-regenboog", "brin-12ab"] },
  passwordHash: "scrypt$1024$8$1$c2FsdA==$aGFzaA==",
};

describe("StoreUserRepository", () => {
  it("stores the username lower-cased and finds it whatever the case", async () => {
    const added = await users.add(anna);
    expect(added).toEqual({ ok: true, value: { ...anna, username: "anna" }, warnings: [] });
    expect(await users.find("ANNA ")).toEqual({ ...anna, username: "anna" });
    expect((await store.users.find("anna"))?.username).toBe("anna");
    expect(await users.find("bert")).toBeUndefined();
  });

  it("fails with user-exists and a Dutch message when the name is taken in any case", async () => {
    await users.add(anna);
    const again = await users.add({ ...anna, username: "ANNA", role: "beheerder", scopes: {} });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.errors).toEqual([
      { code: "user-exists", message: "Er bestaat al een gebruiker 'anna'.", value: "anna" },
    ]);
    expect((await users.find("anna"))?.role).toBe("directeur");
  });

  it("lists users sorted by username, without the store's extra fields", async () => {
    await users.add({ ...anna, username: "lt", role: "leerteam", scopes: { bestuur: "asko" } });
    await users.add(anna);
    const listed = await users.list();
    expect(listed.map((u) => u.username)).toEqual(["anna", "lt"]);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(["passwordHash", "role", "scopes", "username"]);
    expect(listed.map(publicUser)[1]).toEqual({
      username: "lt",
      role: "leerteam",
      scopes: { bestuur: "asko" },
    });
  });

  it("removes a user whatever the case, and says whether there was one", async () => {
    await users.add(anna);
    expect(await users.remove("ANNA")).toBe(true);
    expect(await users.remove("anna")).toBe(false);
    expect(await users.list()).toEqual([]);
  });

  it("leaves out a damaged row with a warning: it cannot log in, and the others are still listed", async () => {
    const warnings: string[] = [];
    const warned = new StoreUserRepository(store, { warn: (message) => warnings.push(message) });
    await store.users.add({ username: "x", role: "superuser", scopes: {}, passwordHash: "h" });
    await store.users.add({ username: "y", role: "directeur", scopes: { schools: [""] }, passwordHash: "h" });
    await store.users.add({ username: "z", role: "leerteam", scopes: { bestuur: "a b" }, passwordHash: "h" });
    await warned.add(anna);
    expect(await warned.find("x")).toBeUndefined();
    expect((await warned.list()).map((u) => u.username)).toEqual(["anna"]);
    expect(warnings.join("\n")).toContain("onbekende rol 'superuser'");
    expect(warnings.some((w) => w.startsWith("Account 'y' overgeslagen"))).toBe(true);
    expect(warnings.some((w) => w.startsWith("Account 'z' overgeslagen"))).toBe(true);
  });

  it("treats a row the store cannot decode as absent, but passes on other database errors", async () => {
    const warnings: string[] = [];
    const failing = (error: Error) =>
      new StoreUserRepository(
        { users: { ...store.users, find: () => Promise.reject(error) } },
        { warn: (message) => warnings.push(message) },
      );
    const damaged = failing(new Error("Stored user scopes have an unexpected x: {}"));
    expect(await damaged.find("anna")).toBeUndefined();
    expect(warnings).toHaveLength(1);
    await expect(failing(new Error("IO Error")).find("anna")).rejects.toThrow("IO Error");
  });

  it("replaces a password hash and drops its cached copy", async () => {
    await users.add(anna);
    await users.find("anna");
    expect(await users.setPasswordHash("ANNA", "scrypt$new")).toBe(true);
    expect((await users.find("anna"))?.passwordHash).toBe("scrypt$new");
    expect(await users.setPasswordHash("bert", "scrypt$new")).toBe(false);
  });
});

describe("StoreUserRepository's cache of found accounts", () => {
  let clock: ManualClock;
  let counted: ReturnType<typeof countingStore>;
  let cached: StoreUserRepository;

  beforeEach(() => {
    clock = new ManualClock();
    counted = countingStore(store);
    cached = new StoreUserRepository(counted.store, { clock });
  });

  it("answers repeated finds from memory and reads the account again after 60 s", async () => {
    await store.users.add({ ...anna, username: "anna" });
    for (let i = 0; i < 5; i++) expect((await cached.find("Anna"))?.role).toBe("directeur");
    expect(counted.users.reads).toBe(1);
    clock.advance(59_999);
    expect((await cached.find("anna"))?.role).toBe("directeur");
    expect(counted.users.reads).toBe(1);
    clock.advance(1);
    expect((await cached.find("anna"))?.role).toBe("directeur");
    expect(counted.users.reads).toBe(2);
  });

  it("reads an account once for the requests that ask for it together", async () => {
    await store.users.add({ ...anna, username: "anna" });
    const found = await Promise.all(Array.from({ length: 20 }, () => cached.find("anna")));
    expect(found.every((u) => u?.role === "directeur")).toBe(true);
    expect(counted.users.reads).toBe(1);
    // each request its own copy
    expect(found[0]).not.toBe(found[1]);
    clock.advance(60_000);
    await Promise.all(Array.from({ length: 20 }, () => cached.find("ANNA")));
    expect(counted.users.reads).toBe(2);
  });

  it("sees a change made by another process within 60 s", async () => {
    await store.users.add({ ...anna, username: "anna" });
    await cached.find("anna");
    await store.users.remove("anna");
    await store.users.add({ ...anna, username: "anna", role: "leerteam", scopes: { bestuur: "asko" } });
    clock.advance(30_000);
    expect((await cached.find("anna"))?.role).toBe("directeur");
    clock.advance(30_000);
    expect((await cached.find("anna"))?.role).toBe("leerteam");
    await store.users.remove("anna");
    clock.advance(60_000);
    expect(await cached.find("anna")).toBeUndefined();
  });

  it("forgets an account at once when this process removes or adds it", async () => {
    await cached.add(anna);
    expect((await cached.find("anna"))?.role).toBe("directeur");
    expect(await cached.remove("ANNA")).toBe(true);
    expect(await cached.find("anna")).toBeUndefined();
    await cached.add({ ...anna, role: "leerteam", scopes: { bestuur: "asko" } });
    expect((await cached.find("anna"))?.role).toBe("leerteam");
  });

  it("does not cache an account read while it is removed", async () => {
    await cached.add(anna);
    const release = counted.hold("users");
    const reading = cached.find("anna");
    await cached.remove("anna");
    release();
    // the read may have seen the account before it went; it is not kept
    await reading;
    expect(await cached.find("anna")).toBeUndefined();
  });

  it("does not cache absent accounts, and hands out copies", async () => {
    expect(await cached.find("anna")).toBeUndefined();
    await store.users.add({ ...anna, username: "anna" });
    const found = await cached.find("anna");
    expect(found?.role).toBe("directeur");
    found?.scopes.schools?.push("elders");
    expect((await cached.find("anna"))?.scopes).toEqual(anna.scopes);
  });
});
