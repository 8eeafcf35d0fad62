import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newImport, newTestDatabase, openTestStore, response, type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await dir.remove();
});

describe("mappings per school and instrument", () => {
  it("keeps one mapping per (school, instrument), replaced by the next, and survives reopening", async () => {
    const target = await newTestDatabase(dir.path);
    const store = await openTestStore(target);
    try {
      expect(await store.mappings.get("s1", "ouderpopulatie")).toBeUndefined();
      await store.mappings.put("s1", "ouderpopulatie", '{"a":1}', "lt1");
      await store.mappings.put("s2", "ouderpopulatie", '{"b":2}', "lt2");
      await store.mappings.put("s1", "ouderpopulatie", '{"a":3}', "lt3");
      const saved = await store.mappings.get("s1", "ouderpopulatie");
      expect(saved).toMatchObject({
        school: "s1",
        instrumentId: "ouderpopulatie",
        mapping: '{"a":3}',
        updatedBy: "lt3",
      });
      expect(saved?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect((await store.mappings.get("s2", "ouderpopulatie"))?.mapping).toBe('{"b":2}');
      expect(await store.mappings.get("s1", "ander")).toBeUndefined();
    } finally {
      await store.close();
    }
    const again = await openTestStore(target);
    try {
      expect((await again.mappings.get("s1", "ouderpopulatie"))?.mapping).toBe('{"a":3}');
    } finally {
      await again.close();
    }
  });

  it("is not a change of the data: the data version stays", async () => {
    const store = await openTestStore(await newTestDatabase(dir.path));
    try {
      await store.importResponses(newImport("a".repeat(64)), [response("r1", { school: "s1" })]);
      const before = await store.dataVersion();
      await store.mappings.put("s1", "ouderpopulatie", "{}", "lt1");
      expect(await store.dataVersion()).toBe(before);
    } finally {
      await store.close();
    }
  });
});
