import { existsSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseHolds } from "../../../test/support/database-holds.js";
import { markNeedsCompaction } from "../src/duckdb/compact.js";
import { DuckDb } from "../src/duckdb/connection.js";
import { openDuckDbStore, type Store } from "../src/index.js";
import {
  answer,
  generateResponses,
  newImport,
  newTestDatabase,
  onPostgres,
  openTestStore,
  response,
  type TempDir,
  tempDir,
} from "./helpers.js";

const marker = "ZZ-MARKER-8f3a";
const pseudonym = "p-8f3a8f3a8f3a8f3a";

let dir: TempDir;
let path: string;
let store: Store;

beforeEach(async () => {
  dir = await tempDir();
  path = await newTestDatabase(dir.path);
  store = await openTestStore(path);
});

afterEach(async () => {
  await store.close();
  await dir.remove();
});

/** DuckDB: the file and its WAL, as bytes; PostgreSQL: every table, through SQL. */
const fileHolds = (text: string): Promise<boolean> => databaseHolds(path, text);

describe("erasure", () => {
  it("removes an import and its responses, and the values are gone from the file", async () => {
    await store.importResponses(newImport("keep"), generateResponses(50, 3, { school: "S1" }));
    await store.importResponses(newImport("drop"), [
      response("m1", { school: "S2" }, [answer("open", null, `Mijn opmerking ${marker}`)]),
      response("m2", { school: "S2" }, [answer("q1", 2), answer("q2", 3)]),
    ]);
    await store.close();
    // the control: without erasure the marker is readable in the file
    expect(await fileHolds(marker)).toBe(true);

    store = await openTestStore(path);
    expect(await store.removeImport("drop")).toEqual({ responses: 2, answers: 3 });
    expect(await store.hasImport("drop")).toBe(false);
    expect(await store.countResponses()).toBe(50);
    expect(await store.contextValues("ouderpopulatie", "school")).toEqual(["S1"]);
    await store.close();
    expect(await fileHolds(marker)).toBe(false);
    expect(existsSync(`${path}.compact`)).toBe(false);

    store = await openTestStore(path);
    expect(await store.countResponses()).toBe(50);
    // the import is gone entirely, so the same file may be imported again
    expect((await store.importResponses(newImport("drop"), [response("m3", {})])).status).toBe("imported");
  });

  it("removes a respondent by pseudonym, in any context dimension, and keeps the import record", async () => {
    await store.importResponses(newImport("a"), [
      response("r1", { _respondent: pseudonym }, [answer("open", null, marker), answer("q1", 1)]),
      response("r2", { student: pseudonym }, [answer("q1", 2)]),
      response("r3", { _respondent: "p-0000000000000000" }, [answer("q1", 3)]),
    ]);
    expect(await store.removeRespondent(pseudonym)).toEqual({ responses: 2, answers: 3 });
    expect((await store.selectResponses({ instrumentId: "ouderpopulatie" })).map((r) => r.key)).toEqual([
      "r3",
    ]);
    const [record] = await store.listImports();
    expect(record).toMatchObject({ id: "a", responses: 1, answers: 1 });
    // re-importing the file brings nothing back: it counts as seen
    const again = await store.importResponses(newImport("a"), [response("r1", { _respondent: pseudonym })]);
    expect(again.status).toBe("already-imported");
    await store.close();
    expect(await fileHolds(marker)).toBe(false);
    expect(await fileHolds(pseudonym)).toBe(false);
    store = await openTestStore(path);
  });

  it("erases nothing and reports zero for an unknown import or pseudonym", async () => {
    await store.importResponses(newImport("a"), generateResponses(3, 1));
    expect(await store.removeImport("nope")).toEqual({ responses: 0, answers: 0 });
    expect(await store.removeRespondent("p-ffffffffffffffff")).toEqual({ responses: 0, answers: 0 });
    expect(await store.countResponses()).toBe(3);
  });

  // DuckDB only: an in-memory database and the compaction of the file exist only there
  it.skipIf(onPostgres)("works on an in-memory database too, where there is no file to rewrite", async () => {
    const memory = await openDuckDbStore(":memory:");
    try {
      await memory.importResponses(newImport("a"), generateResponses(4, 2));
      expect(await memory.removeImport("a")).toEqual({ responses: 4, answers: 8 });
      expect(await memory.countResponses()).toBe(0);
    } finally {
      await memory.close();
    }
  });

  it.skipIf(onPostgres)("finishes an interrupted compaction when the database is opened next", async () => {
    await store.importResponses(newImport("a"), [response("m1", {}, [answer("open", null, marker)])]);
    await store.close();
    // what a process killed between DELETE…COMMIT and the file rewrite leaves behind
    const db = await DuckDb.open(path);
    await db.transaction(async () => {
      await db.run("DELETE FROM answers");
      await markNeedsCompaction(db);
    });
    db.close();
    expect(await fileHolds(marker)).toBe(true);
    store = await openDuckDbStore(path);
    await store.close();
    expect(await fileHolds(marker)).toBe(false);
    store = await openDuckDbStore(path);
    expect(await store.countResponses()).toBe(1);
  });
});
