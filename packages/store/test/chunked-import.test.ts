import type { SurveyResponse } from "@zaz/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseHolds } from "../../../test/support/database-holds.js";
import { DuckDb } from "../src/duckdb/connection.js";
import { hasImport, importResponses } from "../src/duckdb/import-responses.js";
import { migrate } from "../src/duckdb/migrations.js";
import { removePendingImports } from "../src/duckdb/pending-imports.js";
import { contextValues, countResponses, listImports } from "../src/duckdb/queries.js";
import { readResponseBatch } from "../src/duckdb/read-responses.js";
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

const marker = "ZZ-PENDING-41c7";

let dir: TempDir;
let path: string;

beforeEach(async () => {
  dir = await tempDir();
  path = await newTestDatabase(dir.path);
});

afterEach(async () => {
  await dir.remove();
});

/** DuckDB: the file and its WAL, as bytes; PostgreSQL: every table, through SQL. */
const fileHolds = (text: string): Promise<boolean> => databaseHolds(path, text);

/** 7 responses (the 2nd carries the marker), then an error: with chunks of 2, three chunks commit first. */
function* failingAfterSeven(): Generator<SurveyResponse> {
  yield response("f1", { school: "PENDING" });
  yield response("f2", { school: "PENDING" }, [answer("open", null, `opmerking ${marker}`)]);
  yield* generateResponses(5, 2, { school: "PENDING" }, 100);
  throw new Error("bad row 9");
}

// On PostgreSQL an import is one transaction (no chunk commits), so the same rules are checked there
// with the chunk size ignored; pending imports are DuckDB's own (see the describe below).
describe("an import in committed chunks", () => {
  it("skips duplicates across chunks and against earlier imports; the first occurrence wins", async () => {
    const store = await openTestStore(path, { importChunkSize: 3 });
    try {
      await store.importResponses(newImport("a"), generateResponses(4, 1));
      // chunks of 3: r21 repeats within the first chunk; r2 and r3 were stored by "a" with the
      // same answers; r20 repeats in the third chunk (a repeat says the same: see the conflict tests)
      const file = [
        response("r20", {}, [answer("q1", 1)], 2),
        response("r21", {}, [answer("q1", 1)], 3),
        response("r21", {}, [answer("q1", 1)], 4),
        response("r2", {}, [answer("q1", 2)]),
        response("r22", {}),
        response("r3", {}, [answer("q1", 3)]),
        response("r20", {}, [answer("q1", 1)], 8),
        response("r23", {}, [answer("q1", 1), answer("q2", 1)]),
      ];
      const outcome = await store.importResponses(newImport("b", { rowsRead: 8 }), file);
      expect(outcome).toEqual({
        status: "imported",
        importId: "b",
        responsesAdded: 4,
        responsesSkipped: 4,
        answersAdded: 5,
        responsesReplaced: 0,
      });
      const stored = await store.selectResponses({ instrumentId: "ouderpopulatie" });
      expect(stored.filter((r) => r.importId === "b").map((r) => [r.key, r.answers.length, r.row])).toEqual([
        ["r20", 1, 2],
        ["r21", 1, 3],
        ["r22", 1, 2],
        ["r23", 2, 2],
      ]);
      expect((await store.listImports()).map((r) => [r.id, r.responses, r.answers, r.rowsRead])).toEqual([
        ["a", 4, 4, 0],
        ["b", 4, 5, 8],
      ]);
    } finally {
      await store.close();
    }
  });

  it("leaves nothing, not even in the file's bytes, when it fails after chunks were committed", async () => {
    const store = await openTestStore(path, { importChunkSize: 2 });
    try {
      await store.importResponses(newImport("before"), generateResponses(3, 2, { school: "S1" }));
      await expect(store.importResponses(newImport("broken"), failingAfterSeven())).rejects.toThrow(
        "bad row 9",
      );
      expect(await store.hasImport("broken")).toBe(false);
      expect(await store.countResponses()).toBe(3);
      expect(await store.contextValues("ouderpopulatie", "school")).toEqual(["S1"]);
      expect((await store.listImports()).map((r) => r.id)).toEqual(["before"]);
      const next = await store.importResponses(newImport("broken"), generateResponses(5, 1, {}, 50));
      expect(next).toMatchObject({ status: "imported", responsesAdded: 5, responsesSkipped: 0 });
      expect(await store.countResponses()).toBe(8);
    } finally {
      await store.close();
    }
    expect(await fileHolds(marker)).toBe(false);
  });
});

// DuckDB only: committed chunks of an unfinished import ("pending" rows) exist only in the DuckDB store
describe.skipIf(onPostgres)("a pending import (DuckDB)", () => {
  it("keeps a pending import out of every read, and removes it with its values on the next open", async () => {
    const db = await DuckDb.open(path);
    await migrate(db);
    await importResponses(db, newImport("before"), generateResponses(3, 2, { school: "S1" }));
    // the low-level import does not clean up: this is the state a killed process leaves
    await expect(
      importResponses(db, newImport("killed"), failingAfterSeven(), { chunkSize: 2, memoryLimit: "32MB" }),
    ).rejects.toThrow("bad row 9");
    expect(Number(await db.scalar("SELECT count(*) FROM responses"))).toBe(9);
    expect(await hasImport(db, "killed")).toBe(false);
    expect(await countResponses(db)).toBe(3);
    expect(await contextValues(db, "ouderpopulatie", "school")).toEqual(["S1"]);
    expect((await listImports(db)).map((r) => r.id)).toEqual(["before"]);
    const batch = await readResponseBatch(db, { instrumentId: "ouderpopulatie" }, 0n, 100);
    expect(batch?.responses.map((r) => r.key)).toEqual(["r0", "r1", "r2"]);
    db.close();
    // the control: the committed chunk's values are in the file
    expect(await fileHolds(marker)).toBe(true);

    const store = await openTestStore(path);
    try {
      expect(await store.countResponses()).toBe(3);
      const next = await store.importResponses(newImport("killed"), generateResponses(2, 1, {}, 50));
      expect(next).toMatchObject({ status: "imported", responsesAdded: 2 });
    } finally {
      await store.close();
    }
    expect(await fileHolds(marker)).toBe(false);
    const raw = await DuckDb.open(path);
    try {
      expect(Number(await raw.scalar("SELECT count(*) FROM responses"))).toBe(5);
      expect(Number(await raw.scalar("SELECT count(*) FROM imports WHERE pending"))).toBe(0);
    } finally {
      raw.close();
    }
  });

  it("removes a pending import completely when the removal takes several steps", async () => {
    const db = await DuckDb.open(path);
    await migrate(db);
    await expect(
      importResponses(db, newImport("killed"), failingAfterSeven(), { chunkSize: 2, memoryLimit: "32MB" }),
    ).rejects.toThrow("bad row 9");
    try {
      expect(await removePendingImports(db, 2)).toBe(1);
      for (const table of ["responses", "answers", "response_context", "imports", "import_context"]) {
        expect(Number(await db.scalar(`SELECT count(*) FROM ${table}`))).toBe(0);
      }
      expect(await removePendingImports(db, 2)).toBe(0);
    } finally {
      db.close();
    }
  });
});
