import type { SurveyResponse } from "@zaz/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawCount, withRawDatabase } from "../../../test/support/raw-database.js";
import { ChangedResponsesError, ConflictingResponsesError, type Store } from "../src/index.js";
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

/**
 * A response's identity is its key; its content hash (content-hash.ts) tells a repeat from a new
 * version: a repeat is skipped, a new version refused or (replaceChanged) replaces the stored one,
 * and one file cannot hold two versions of one response.
 */

let dir: TempDir;
let path: string;

beforeEach(async () => {
  dir = await tempDir();
  path = await newTestDatabase(dir.path);
});

afterEach(async () => {
  await dir.remove();
});

/** r0…r4, rows 2…6, school S1, three answers each */
const firstExport = () => [...generateResponses(5, 3, { school: "S1" })];

/** the same export again, with r1 and r3 edited, and r9 new */
function editedExport(): SurveyResponse[] {
  const rows = firstExport();
  rows[1] = { ...rows[1]!, answers: [answer("q1", 0), answer("q2", 0), answer("q3", 0)] };
  rows[3] = { ...rows[3]!, answers: [answer("q1", 4), answer("q2", 4)] };
  rows.push(response("r9", { school: "S1" }, [answer("q1", 1)], 11));
  return rows;
}

async function storedAnswers(store: Store) {
  const stored = await store.selectResponses({ instrumentId: "ouderpopulatie" });
  return Object.fromEntries(stored.map((r) => [r.key, [r.importId, r.answers.map((a) => a.code)]]));
}

/** Raw rows of the database (plain SQL, either store): long tables, analysis table and researcher views agree. */
function rawCounts(target: string) {
  return withRawDatabase(target, async (scalar) => {
    const count = (sql: string) => rawCount(scalar, sql);
    return {
      responses: await count("SELECT count(*) FROM responses"),
      answers: await count("SELECT count(*) FROM answers"),
      context: await count("SELECT count(*) FROM response_context"),
      facts: await count("SELECT count(*) FROM facts_1"),
      factsWithoutResponse: await count(
        "SELECT count(*) FROM facts_1 WHERE response_id NOT IN (SELECT id FROM responses)",
      ),
      viewResponses: await count("SELECT count(*) FROM onderzoek_responses"),
      withoutHash: await count("SELECT count(*) FROM responses WHERE content_hash IS NULL"),
    };
  });
}

describe("a response's identity and its content", () => {
  it("refuses an export with edited responses as a whole, naming count, file, earlier import and rows", async () => {
    const store = await openTestStore(path);
    try {
      await store.importResponses(newImport("a"), firstExport());
      const before = await storedAnswers(store);
      const refused = await store.importResponses(newImport("b"), editedExport()).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ChangedResponsesError);
      const error = refused as ChangedResponsesError;
      expect(error.count).toBe(2);
      expect(error.file).toBe("b.csv");
      expect(error.earlier.map((e) => [e.importId, e.fileName])).toEqual([["a", "a.csv"]]);
      expect(error.first).toEqual([
        { row: 3, earlierRow: 3, earlierImportId: "a", earlierFile: "a.csv" },
        { row: 5, earlierRow: 5, earlierImportId: "a", earlierFile: "a.csv" },
      ]);
      expect(error.message).toContain("2 antwoorden gewijzigd sinds de vorige import");
      // all or nothing: not even the new r9
      expect(await store.hasImport("b")).toBe(false);
      expect(await storedAnswers(store)).toEqual(before);
      expect((await store.listImports()).map((r) => [r.id, r.responses, r.answers])).toEqual([["a", 5, 15]]);
    } finally {
      await store.close();
    }
    expect(await rawCounts(path)).toMatchObject({ responses: 5, facts: 5, withoutHash: 0 });
  });

  it("replaces the stored versions with replaceChanged, and corrects the earlier import's counts", async () => {
    const store = await openTestStore(path);
    try {
      await store.importResponses(newImport("a"), firstExport());
      const outcome = await store.importResponses(newImport("b", { replaceChanged: true }), editedExport());
      expect(outcome).toEqual({
        status: "imported",
        importId: "b",
        responsesAdded: 3,
        responsesSkipped: 3,
        answersAdded: 6,
        responsesReplaced: 2,
      });
      expect(await storedAnswers(store)).toEqual({
        r0: ["a", [0, 1, 2]],
        r2: ["a", [2, 3, 4]],
        r4: ["a", [4, 0, 1]],
        r1: ["b", [0, 0, 0]],
        r3: ["b", [4, 4]],
        r9: ["b", [1]],
      });
      expect((await store.listImports()).map((r) => [r.id, r.responses, r.answers])).toEqual([
        ["a", 3, 9],
        ["b", 3, 6],
      ]);
      // the same edited export once more: nothing changed now, nothing new
      const again = await store.importResponses(newImport("c"), editedExport());
      expect(again).toMatchObject({ responsesAdded: 0, responsesSkipped: 6, responsesReplaced: 0 });
    } finally {
      await store.close();
    }
    expect(await rawCounts(path)).toEqual({
      responses: 6,
      answers: 15,
      context: 6,
      facts: 6,
      factsWithoutResponse: 0,
      viewResponses: 6,
      withoutHash: 0,
    });
  });

  it("reports two exports with the same respondent ids but other answers, instead of dropping rows", async () => {
    const store = await openTestStore(path);
    try {
      await store.importResponses(newImport("a"), generateResponses(4, 2));
      // another form's export that numbers its respondents the same way
      const other = [...generateResponses(4, 2, {}, 0)].map((r) => ({
        ...r,
        answers: [answer("q5", 1), answer("q6", 2)],
      }));
      await expect(store.importResponses(newImport("b"), other)).rejects.toThrow(ChangedResponsesError);
      expect(await store.countResponses()).toBe(4);
    } finally {
      await store.close();
    }
  });

  it("refuses a file that holds two versions of one response, naming both rows", async () => {
    const store = await openTestStore(path);
    try {
      const file = [
        response("r1", {}, [answer("q1", 1)], 3),
        response("r2", {}, [answer("q1", 2)], 4),
        response("r1", {}, [answer("q1", 1)], 5),
        response("r1", {}, [answer("q1", 4)], 7),
      ];
      const refused = await store.importResponses(newImport("a"), file).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ConflictingResponsesError);
      const error = refused as ConflictingResponsesError;
      expect(error.count).toBe(1);
      expect(error.pairs).toEqual([{ firstRow: 3, row: 7 }]);
      expect(error.message).toContain("rij 3 en rij 7");
      expect(await store.countResponses()).toBe(0);
      expect(await store.listImports()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("hashes answers the same whatever the line endings inside a text", async () => {
    const store = await openTestStore(path);
    try {
      const withText = (text: string) => [response("r1", {}, [answer("q1", 2), answer("open", null, text)])];
      await store.importResponses(newImport("lf"), withText("eerste regel\ntweede regel\n"));
      for (const [id, text] of [
        ["crlf", "eerste regel\r\ntweede regel\r\n"],
        ["cr", "eerste regel\rtweede regel\r"],
      ] as const) {
        const outcome = await store.importResponses(newImport(id), withText(text));
        expect(outcome).toMatchObject({ responsesAdded: 0, responsesSkipped: 1 });
      }
      // a real edit of the text is a change
      await expect(
        store.importResponses(newImport("edit"), withText("eerste regel\ntweede regel!\n")),
      ).rejects.toThrow(ChangedResponsesError);
    } finally {
      await store.close();
    }
  });

  it("tells fields apart: a value moved from one field to another is a change", async () => {
    const store = await openTestStore(path);
    try {
      await store.importResponses(newImport("a"), [
        response("r1", {}, [{ item: "q1", code: null, text: "weet_niet", missing: null }]),
      ]);
      await expect(
        store.importResponses(newImport("b"), [
          response("r1", {}, [{ item: "q1", code: null, text: null, missing: "weet_niet" }]),
        ]),
      ).rejects.toThrow(ChangedResponsesError);
    } finally {
      await store.close();
    }
  });
});

// on PostgreSQL (one transaction per import, chunk size ignored) the same rules hold
describe("a changed response across committed chunks", () => {
  it("refuses a conflict found chunks after the first version, leaving nothing", async () => {
    const store = await openTestStore(path, { importChunkSize: 2 });
    try {
      await store.importResponses(newImport("before"), generateResponses(3, 2, {}, 100));
      const file = [...generateResponses(5, 2)];
      file.push({ ...file[0]!, row: 20, answers: [answer("q1", 4)] });
      await expect(store.importResponses(newImport("a"), file)).rejects.toThrow("rij 2 en rij 20");
      expect(await store.countResponses()).toBe(3);
      expect((await store.listImports()).map((r) => r.id)).toEqual(["before"]);
    } finally {
      await store.close();
    }
    expect(await rawCounts(path)).toMatchObject({ responses: 3, facts: 3, factsWithoutResponse: 0 });
  });

  it("refuses changes spread over chunks with the count of all, and replaces them all when asked", async () => {
    const store = await openTestStore(path, { importChunkSize: 2 });
    try {
      await store.importResponses(newImport("a"), generateResponses(7, 2));
      const edited = [...generateResponses(7, 2)].map((r, i) =>
        i % 3 === 0 ? { ...r, answers: [answer("q1", 4), answer("q2", 4), answer("q3", 4)] } : r,
      );
      const refused = await store.importResponses(newImport("b"), edited).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ChangedResponsesError);
      expect((refused as ChangedResponsesError).count).toBe(3);
      expect((refused as ChangedResponsesError).first.map((c) => c.row)).toEqual([2, 5, 8]);
      expect(await store.countResponses()).toBe(7);

      const outcome = await store.importResponses(newImport("b", { replaceChanged: true }), edited);
      expect(outcome).toMatchObject({ responsesAdded: 3, responsesSkipped: 4, responsesReplaced: 3 });
      expect((await store.listImports()).map((r) => [r.id, r.responses, r.answers])).toEqual([
        ["a", 4, 8],
        ["b", 3, 9],
      ]);
    } finally {
      await store.close();
    }
    expect(await rawCounts(path)).toMatchObject({
      responses: 7,
      answers: 17,
      facts: 7,
      factsWithoutResponse: 0,
      viewResponses: 7,
    });
  });
});
