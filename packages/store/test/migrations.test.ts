import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withRawDatabase } from "../../../test/support/raw-database.js";
import { DuckDb, sqlString } from "../src/duckdb/connection.js";
import { contentHashSql } from "../src/duckdb/content-hash.js";
import {
  latestSchemaVersion,
  type Migration,
  migrate,
  migrations,
  schemaVersion,
} from "../src/duckdb/migrations.js";
import { ChangedResponsesError, openDuckDbStore, researcherViewNames, StoreError } from "../src/index.js";
import {
  answer,
  newImport,
  newTestDatabase,
  onPostgres,
  openTestStore,
  response,
  type TempDir,
  tempDir,
} from "./helpers.js";

let dir: TempDir;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await dir.remove();
});

/**
 * A database as version 6 left it (before content hashes): one import 'old' of `instrument`, and
 * `rows` (statements that fill responses and answers). Filled with room to spare; opening it then
 * migrates it within the store's own memory.
 */
async function version6Database(path: string, instrument: string, rows: readonly string[]): Promise<void> {
  const db = await DuckDb.open(path, { memoryLimit: "1GB" });
  try {
    await migrate(
      db,
      migrations.filter((m) => m.version <= 6),
    );
    await db.run(
      `INSERT INTO imports VALUES ('old', 1, 'old.csv', ${sqlString(instrument)}, '1.0', 'google-forms', 0,
        now()::TIMESTAMP, 0, 0, false, NULL)`,
    );
    for (const sql of rows) await db.run(sql);
  } finally {
    db.close();
  }
}

async function tables(db: DuckDb): Promise<string[]> {
  const rows = await db.all("SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name");
  return rows.map((r) => String(r.table_name));
}

// DuckDB only: the DuckDB list of migrations and databases of older schemas, which exist only as DuckDB
// files; the PostgreSQL migrations are tested in packages/store/test/postgres
describe.skipIf(onPostgres)("migrations", () => {
  it("creates the schema once; a second run is a no-op", async () => {
    const db = await DuckDb.open(dir.file("m.duckdb"));
    try {
      expect(await migrate(db)).toEqual(migrations.map((m) => m.version));
      expect(await schemaVersion(db)).toBe(latestSchemaVersion);
      expect(await tables(db)).toEqual([
        "action_point_log",
        "action_points",
        "answers",
        "import_context",
        "imports",
        "instruments",
        "mappings",
        "registry",
        "response_context",
        "responses",
        "roster",
        "schema_migrations",
        "sessions",
        "store_state",
        "users",
        "view_results",
      ]);
      expect(await migrate(db)).toEqual([]);
      expect(Number(await db.scalar("SELECT count(*) FROM schema_migrations"))).toBe(migrations.length);
    } finally {
      db.close();
    }
  });

  it("applies only the steps a database lacks, in order, each all or nothing", async () => {
    const db = await DuckDb.open(dir.file("m.duckdb"));
    try {
      const steps: Migration[] = [
        { version: 1, name: "one", statements: ["CREATE TABLE one (x INTEGER)"] },
        { version: 2, name: "two", statements: ["CREATE TABLE two (x INTEGER)"] },
      ];
      expect(await migrate(db, steps.slice(0, 1))).toEqual([1]);
      const broken: Migration = {
        version: 3,
        name: "broken",
        statements: ["CREATE TABLE three (x INTEGER)", "CREATE TABLE one (x INTEGER)"],
      };
      await expect(migrate(db, [...steps, broken])).rejects.toThrow();
      // step 2 committed, step 3 rolled back as a whole
      expect(await schemaVersion(db)).toBe(2);
      expect(await tables(db)).toEqual(["one", "schema_migrations", "two"]);
    } finally {
      db.close();
    }
  });

  it("brings a database of schema version 1 up to date on open, keeping its data", async () => {
    const path = dir.file("v1.duckdb");
    const db = await DuckDb.open(path);
    await migrate(db, migrations.slice(0, 1));
    await db.run("INSERT INTO roster VALUES ('S1', '3', '2024-1', 20, 'r.csv', now()::TIMESTAMP)");
    db.close();
    const store = await openDuckDbStore(path);
    try {
      // the roster's school name became the id of a registered school (registry-backfill.ts)
      expect(await store.roster()).toEqual([{ school: "s1", groep: "3", wave: "2024-1", families: 20 }]);
      expect(await store.registry.list()).toEqual([
        { id: "s1", kind: "school", name: "S1", bestuur: null, brin: null },
      ]);
    } finally {
      await store.close();
    }
    // the accounts tables of step 2 are dropped again: accounts live in a file of their own
    const reopened = await DuckDb.open(path);
    try {
      expect(await tables(reopened)).not.toContain("users");
      expect(await tables(reopened)).not.toContain("sessions");
    } finally {
      reopened.close();
    }
  });

  it("gives responses stored before version 7 the content hash an import computes from the same answers", async () => {
    const path = dir.file("v6.duckdb");
    await version6Database(path, "ouderpopulatie", [
      `INSERT INTO responses VALUES
        (1, 'old', 'ouderpopulatie', 'r1', 2, NULL),
        (2, 'old', 'ouderpopulatie', 'r2', 3, NULL),
        (3, 'old', 'ouderpopulatie', 'r3', 4, NULL)`,
      // r1 with a text written with CRLF; r3 without answers
      `INSERT INTO answers VALUES
        (1, 0, 'q1', 2, NULL, NULL), (1, 1, 'open', NULL, 'a' || chr(13) || chr(10) || 'b', NULL),
        (2, 0, 'q1', NULL, NULL, 'weet_niet')`,
    ]);
    const store = await openDuckDbStore(path);
    try {
      const same = await store.importResponses(newImport("again"), [
        response("r1", {}, [answer("q1", 2), answer("open", null, "a\nb")]),
        response("r2", {}, [{ item: "q1", code: null, text: null, missing: "weet_niet" }]),
        response("r3", {}, []),
      ]);
      expect(same).toMatchObject({ responsesAdded: 0, responsesSkipped: 3 });
      await expect(
        store.importResponses(newImport("edited"), [response("r2", {}, [answer("q1", 1)])]),
      ).rejects.toBeInstanceOf(ChangedResponsesError);
    } finally {
      await store.close();
    }
  });

  it("hashes the responses of a database of wide forms within the store's memory", async () => {
    // 6,000 observation-sized forms of 196 answers: slices of 5,000 responses ran out of 64 MB
    const path = dir.file("v6-wide.duckdb");
    await version6Database(path, "observatie", [
      `INSERT INTO responses SELECT i, 'old', 'observatie', 'r' || i, i + 1, NULL FROM range(1, 6001) t(i)`,
      `INSERT INTO answers SELECT r.i, s.j, 'item_' || s.j, 1 + (r.i + s.j) % 5,
        CASE WHEN s.j % 49 = 0 THEN 'toelichting bij formulier ' || r.i END, NULL
        FROM range(1, 6001) r(i), range(0, 196) s(j)`,
    ]);
    const store = await openDuckDbStore(path);
    await store.close();
    // every response has the hash its answers give, computed here in one statement
    const same = await withRawDatabase(path, (sql) =>
      sql(`SELECT count(*) FROM responses r JOIN (
        SELECT a.response_id, ${contentHashSql("a")} AS hash FROM answers a GROUP BY a.response_id
      ) h ON h.response_id = r.id AND h.hash = r.content_hash`),
    );
    expect(Number(same)).toBe(6000);
  });

  it("refuses a database made by a newer version of the program", async () => {
    const path = dir.file("new.duckdb");
    const db = await DuckDb.open(path);
    await migrate(db);
    await db.run("INSERT INTO schema_migrations VALUES (999, 'future', now()::TIMESTAMP)");
    db.close();
    const opening = openDuckDbStore(path);
    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await expect(openDuckDbStore(path)).rejects.toThrow(/schemaversie 999/);
  });
});

describe("researcher views", () => {
  it("show complete imports only, and stay through a compaction (DuckDB) or an erasure", async () => {
    const path = await newTestDatabase(dir.path, "views.duckdb");
    const store = await openTestStore(path);
    try {
      await store.importResponses(newImport("a"), [response("r1", { school: "S1" })]);
      await store.importResponses(newImport("b"), [response("r2", { school: "S2" })]);
      // an erasure rewrites the file (compact.ts): the views must come along
      await store.removeImport("b");
    } finally {
      await store.close();
    }
    const counts = await withRawDatabase(path, async (sql) => {
      // a pending import (committed chunks of an unfinished one) exists in the DuckDB store only
      if (!onPostgres) {
        await sql("UPDATE imports SET pending = true WHERE id = 'a'");
        for (const view of researcherViewNames) {
          expect(Number(await sql(`SELECT count(*) FROM ${view}`))).toBe(0);
        }
        await sql("UPDATE imports SET pending = false WHERE id = 'a'");
      }
      const counts = [];
      for (const view of researcherViewNames) counts.push(Number(await sql(`SELECT count(*) FROM ${view}`)));
      return counts;
    });
    expect(counts).toEqual([1, 0, 1, 1, 1]);
  });
});
