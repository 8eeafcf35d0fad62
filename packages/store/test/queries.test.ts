import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/index.js";
import { newImport, newTestDatabase, openTestStore, response, type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;
let store: Store;

beforeAll(async () => {
  dir = await tempDir();
  store = await openTestStore(await newTestDatabase(dir.path));
  await store.importResponses(newImport("wave1", { context: { school: "S1", wave: "2024-1" } }), [
    response("a", { groep: "2" }),
    response("b", { groep: "10" }),
    response("c", { groep: "1/2" }),
    response("d", { groep: "2" }),
  ]);
  await store.importResponses(newImport("wave2", { context: { school: "S2", wave: "2024-1" } }), [
    response("e", { groep: "3" }),
    response("f", { groep: "10" }),
  ]);
  await store.importResponses(newImport("other", { instrumentId: "opleidingsouders" }), [
    response("g", { fase: "propedeuse" }),
  ]);
});

afterAll(async () => {
  await store.close();
  await dir.remove();
});

const instrumentId = "ouderpopulatie";

describe("queries", () => {
  it("counts per instrument, across instruments, and within context filters", async () => {
    expect(await store.countResponses()).toBe(7);
    expect(await store.countResponses({ instrumentId })).toBe(6);
    expect(await store.countResponses({ where: { fase: "propedeuse" } })).toBe(1);
    expect(await store.countResponses({ instrumentId, where: { school: "S1" } })).toBe(4);
    expect(await store.countResponses({ instrumentId, where: { school: "S1", groep: "2" } })).toBe(2);
    expect(await store.countResponses({ instrumentId, where: { groep: ["2", "10"] } })).toBe(4);
    expect(await store.countResponses({ instrumentId, where: { groep: [] } })).toBe(0);
    expect(await store.countResponses({ instrumentId, where: { unknown: "x" } })).toBe(0);
  });

  it("selects the responses of a scope in import order", async () => {
    const selected = await store.selectResponses({ instrumentId, where: { groep: "10" } });
    expect(selected.map((r) => [r.key, r.importId, r.context.school])).toEqual([
      ["b", "wave1", "S1"],
      ["f", "wave2", "S2"],
    ]);
  });

  it("streams the same responses in small batches, also for a scope with gaps between its ids", async () => {
    const scope = { instrumentId, where: { groep: ["2", "10", "3"] } };
    const streamed = [];
    for await (const r of store.streamResponses(scope, 2)) streamed.push(r);
    expect(streamed.map((r) => r.key)).toEqual(["a", "b", "d", "e", "f"]);
    expect(streamed).toEqual(await store.selectResponses(scope));
    expect(streamed.every((r) => r.answers.length === 1 && r.context.wave === "2024-1")).toBe(true);
  });

  it("gives the distinct values of a dimension, numbers sorted by value", async () => {
    expect(await store.contextValues(instrumentId, "groep")).toEqual(["1/2", "2", "3", "10"]);
    expect(await store.contextValues(instrumentId, "groep", { school: "S2" })).toEqual(["3", "10"]);
    expect(await store.contextValues(instrumentId, "school")).toEqual(["S1", "S2"]);
    expect(await store.contextValues("opleidingsouders", "groep")).toEqual([]);
  });

  it("treats filter values as data, not SQL", async () => {
    expect(await store.countResponses({ instrumentId, where: { "groep' OR '1'='1": "x' OR '1'='1" } })).toBe(
      0,
    );
  });

  it("lists imports with their context and counts, oldest first", async () => {
    const records = await store.listImports();
    expect(records.map((r) => [r.id, r.instrumentId, r.responses, r.answers, r.context])).toEqual([
      ["wave1", instrumentId, 4, 4, { school: "S1", wave: "2024-1" }],
      ["wave2", instrumentId, 2, 2, { school: "S2", wave: "2024-1" }],
      ["other", "opleidingsouders", 1, 1, {}],
    ]);
    expect(records[0]).toMatchObject({
      fileName: "wave1.csv",
      instrumentVersion: "1.0",
      profile: "google-forms",
    });
  });
});
