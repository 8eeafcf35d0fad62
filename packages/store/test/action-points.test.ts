import type { NewActionPoint } from "@zaz/model";
import { describe, expect, it } from "vitest";
import { newTestDatabase, openTestStore, tempDir } from "./helpers.js";

const point: NewActionPoint = {
  school: "het-palet",
  groep: null,
  concept: "bakker:heldere_communicatie",
  description: "Nieuwsbrief",
  wie: "directeur",
  wave: "2025-najaar",
  effectWave: "2026-voorjaar",
};

describe("action points", () => {
  it("adds, edits, marks done and removes, with an append-only trail and a new data version each time", async () => {
    const dir = await tempDir();
    const store = await openTestStore(await newTestDatabase(dir.path));
    try {
      const v0 = await store.dataVersion();
      const a = await store.actions.add(point, "anna");
      await store.actions.add({ ...point, school: "de-regenboog", groep: "groep-3" }, "bert");
      expect(await store.dataVersion()).toBeGreaterThan(v0);
      expect((await store.actions.list({ school: "het-palet" })).map((p) => p.id)).toEqual([a.id]);
      expect(await store.actions.list({ schools: [] })).toEqual([]);

      const edited = await store.actions.update(a.id, { wie: "bouwcoördinator", groep: "groep-5" }, "bert");
      expect(edited).toMatchObject({ wie: "bouwcoördinator", groep: "groep-5", description: "Nieuwsbrief" });
      expect((await store.actions.markDone(a.id, true, "anna"))?.done).toBe(true);
      expect(await store.actions.update(99, { wie: "x" }, "anna")).toBeUndefined();
      expect(await store.actions.markDone(99, true, "anna")).toBeUndefined();

      expect(await store.actions.remove(a.id, "anna")).toBe(true);
      expect(await store.actions.remove(a.id, "anna")).toBe(false);
      // a removed point keeps its history, and its number is not given out again
      expect((await store.actions.history(a.id)).map((e) => [e.change, e.by])).toEqual([
        ["added", "anna"],
        ["updated", "bert"],
        ["done", "anna"],
        ["removed", "anna"],
      ]);
      const next = await store.actions.add(point, "anna");
      expect(next.id).toBe(3);
      expect(next.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    } finally {
      await store.close();
      await dir.remove();
    }
  });
});
