import { publicUser, type User } from "@zaz/dashboard";
import { openDuckDbStore, type Store } from "@zaz/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreUserRepository } from "../src/users/store-user-repository.js";

let store: Store;
let users: StoreUserRepository;

beforeEach(async () => {
  store = await openDuckDbStore(":memory:");
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

  it("refuses a stored row whose role it does not know", async () => {
    await store.users.add({ username: "x", role: "superuser", scopes: {}, passwordHash: "h" });
    await expect(users.find("x")).rejects.toThrow(/unknown role superuser/);
  });
});
