import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RosterEntry, Store } from "../src/index.js";
import { newTestDatabase, openTestStore, type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;
let store: Store;

beforeEach(async () => {
  dir = await tempDir();
  store = await openTestStore(await newTestDatabase(dir.path));
});

afterEach(async () => {
  await store.close();
  await dir.remove();
});

const entry = (school: string, groep: string, wave: string, families: number): RosterEntry => ({
  school,
  groep,
  wave,
  families,
});

describe("roster", () => {
  it("stores families per school, groep and wave, sorted as people read them, and filters", async () => {
    const written = await store.replaceRoster(
      [entry("S1", "10", "2024-1", 12), entry("S1", "2", "2024-1", 25), entry("S2", "1/2", "2024-1", 30)],
      "roster.csv",
    );
    expect(written).toBe(3);
    expect(await store.roster()).toEqual([
      entry("S1", "2", "2024-1", 25),
      entry("S1", "10", "2024-1", 12),
      entry("S2", "1/2", "2024-1", 30),
    ]);
    expect(await store.roster({ school: "S1", groep: "10" })).toEqual([entry("S1", "10", "2024-1", 12)]);
    expect(await store.roster({ wave: "2025-1" })).toEqual([]);
  });

  it("replaces a school's wave as a whole and keeps other schools and waves", async () => {
    await store.replaceRoster(
      [entry("S1", "1", "2024-1", 20), entry("S1", "2", "2024-1", 21), entry("S2", "1", "2024-1", 22)],
      "a.csv",
    );
    await store.replaceRoster([entry("S1", "2", "2024-2", 19)], "b.csv");
    await store.replaceRoster([entry("S1", "1", "2024-1", 23)], "c.csv");
    expect(await store.roster()).toEqual([
      entry("S1", "1", "2024-1", 23),
      entry("S1", "2", "2024-2", 19),
      entry("S2", "1", "2024-1", 22),
    ]);
  });

  it("rejects impossible entries without changing what is stored", async () => {
    await store.replaceRoster([entry("S1", "1", "2024-1", 20)], "a.csv");
    await expect(store.replaceRoster([entry("S1", "1", "2024-1", -1)], "b.csv")).rejects.toThrow();
    await expect(store.replaceRoster([entry("S1", "1", "2024-1", 2.5)], "b.csv")).rejects.toThrow();
    await expect(
      store.replaceRoster([entry("S1", "1", "2024-1", 3), entry("S1", "1", "2024-1", 4)], "b.csv"),
    ).rejects.toThrow(/twice/);
    expect(await store.roster()).toEqual([entry("S1", "1", "2024-1", 20)]);
  });
});
