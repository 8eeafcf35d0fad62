import type { SurveyResponse } from "@zaz/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../src/index.js";
import {
  answer,
  generateResponses,
  newImport,
  newTestDatabase,
  openTestStore,
  response,
  type TempDir,
  tempDir,
} from "./helpers.js";

let dir: TempDir;
let db: string;
let store: Store;

beforeEach(async () => {
  dir = await tempDir();
  db = await newTestDatabase(dir.path);
  store = await openTestStore(db);
});

afterEach(async () => {
  await store.close();
  await dir.remove();
});

describe("importResponses", () => {
  it("stores responses with context and answers, and gives them back unchanged", async () => {
    const first: SurveyResponse = {
      key: "resp-1",
      row: 2,
      submittedAt: "2024-05-01T10:00:00Z",
      context: { groep: "5", _respondent: "p-0123456789abcdef" },
      answers: [
        answer("q1", 4),
        { item: "q2", code: null, text: null, missing: "weet_niet" },
        answer("vorm", 1, "educatief"),
        answer("vorm", 3, "maatschappelijk"),
        answer("open", null, 'Fijne school; "goed" contact\nmet de juf'),
        answer("getal", 2.5),
      ],
    };
    const second: SurveyResponse = {
      key: "resp-2",
      row: 3,
      submittedAt: null,
      context: { groep: "6" },
      answers: [],
    };
    const outcome = await store.importResponses(
      newImport("a", { context: { school: "S1", wave: "2024-1" }, rowsRead: 2 }),
      [first, second],
    );
    expect(outcome).toEqual({
      status: "imported",
      importId: "a",
      responsesAdded: 2,
      responsesSkipped: 0,
      answersAdded: 6,
      responsesReplaced: 0,
    });
    const stored = await store.selectResponses({ instrumentId: "ouderpopulatie" });
    expect(stored).toEqual([
      {
        ...first,
        context: { ...first.context, school: "S1", wave: "2024-1" },
        importId: "a",
        instrumentId: "ouderpopulatie",
      },
      {
        ...second,
        context: { groep: "6", school: "S1", wave: "2024-1" },
        importId: "a",
        instrumentId: "ouderpopulatie",
      },
    ]);
  });

  it("lets a context value in the file win over the same dimension given by flags", async () => {
    await store.importResponses(newImport("a", { context: { school: "S1" } }), [
      response("r1", { school: "S2" }),
      response("r2", {}),
    ]);
    const stored = await store.selectResponses({ instrumentId: "ouderpopulatie" });
    expect(stored.map((r) => r.context.school)).toEqual(["S2", "S1"]);
  });

  it("adds nothing when the same file (content hash) is imported again, and says so", async () => {
    await store.importResponses(newImport("a"), generateResponses(10, 3));
    const again = await store.importResponses(newImport("a"), generateResponses(10, 3));
    expect(again).toEqual({
      status: "already-imported",
      importId: "a",
      responsesAdded: 0,
      responsesSkipped: 0,
      answersAdded: 0,
      responsesReplaced: 0,
    });
    expect(await store.countResponses()).toBe(10);
    expect(await store.listImports()).toHaveLength(1);
  });

  it("skips responses already stored under the same instrument and key, and keys repeated within a file", async () => {
    await store.importResponses(newImport("a"), generateResponses(10, 3));
    // another file: 5 old keys (same answers) in a different order, 5 new ones, and r12 twice
    // (the same answers, on another row)
    const mixed = [...generateResponses(5, 3, {}, 5)].reverse();
    mixed.push(...generateResponses(5, 4, {}, 10), { ...[...generateResponses(1, 4, {}, 12)][0]!, row: 99 });
    const outcome = await store.importResponses(newImport("b"), mixed);
    expect(outcome).toMatchObject({
      status: "imported",
      responsesAdded: 5,
      responsesSkipped: 6,
      answersAdded: 20,
    });
    expect(await store.countResponses()).toBe(15);
    // the first occurrence of r12 is the one kept
    const r12 = (await store.selectResponses({ instrumentId: "ouderpopulatie" })).find(
      (r) => r.key === "r12",
    );
    expect(r12?.row).toBe(14);
    const records = await store.listImports();
    expect(records.map((r) => [r.id, r.responses, r.answers])).toEqual([
      ["a", 10, 30],
      ["b", 5, 20],
    ]);
  });

  it("keeps the same key apart for different instruments", async () => {
    await store.importResponses(newImport("a"), generateResponses(3, 1));
    const outcome = await store.importResponses(
      newImport("b", { instrumentId: "opleidingsouders" }),
      generateResponses(3, 1),
    );
    expect(outcome.responsesAdded).toBe(3);
    expect(await store.countResponses({ instrumentId: "opleidingsouders" })).toBe(3);
    expect(await store.countResponses()).toBe(6);
  });

  it("reads an async iterable and reports progress, ending with the total", async () => {
    async function* slowly(): AsyncGenerator<SurveyResponse> {
      for (const r of generateResponses(2500, 2)) {
        await Promise.resolve();
        yield r;
      }
    }
    const seen: number[] = [];
    const outcome = await store.importResponses(newImport("a"), slowly(), (n) => seen.push(n));
    expect(outcome.responsesAdded).toBe(2500);
    expect(seen).toEqual([1000, 2000, 2500]);
  });

  it("writes nothing at all when the responses fail half-way (appended rows roll back too)", async () => {
    await store.importResponses(newImport("before"), generateResponses(3, 2));
    function* failing(): Generator<SurveyResponse> {
      // enough rows that the Appenders have flushed several chunks into the transaction
      yield* generateResponses(10_000, 5, { school: "S9" }, 100);
      throw new Error("bad row 10002");
    }
    await expect(store.importResponses(newImport("broken"), failing())).rejects.toThrow("bad row 10002");
    expect(await store.hasImport("broken")).toBe(false);
    expect(await store.countResponses()).toBe(3);
    expect(await store.contextValues("ouderpopulatie", "school")).toEqual([]);
    expect((await store.listImports()).map((r) => r.id)).toEqual(["before"]);
    // and the store still works afterwards
    const next = await store.importResponses(newImport("next"), generateResponses(4, 1, {}, 50));
    expect(next.responsesAdded).toBe(4);
    expect(await store.countResponses()).toBe(7);
  });

  it("keeps data across close and reopen", async () => {
    await store.importResponses(newImport("a", { context: { school: "S1" } }), generateResponses(20, 2));
    await store.close();
    store = await openTestStore(db);
    expect(await store.countResponses({ instrumentId: "ouderpopulatie", where: { school: "S1" } })).toBe(20);
    const [record] = await store.listImports();
    expect(record).toMatchObject({ id: "a", context: { school: "S1" }, responses: 20, answers: 40 });
    expect(record?.importedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
