import { existsSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkpointWithRoom } from "../src/duckdb/checkpoint.js";
import { DuckDb } from "../src/duckdb/connection.js";
import { openDuckDbStore } from "../src/duckdb/duckdb-store.js";
import { onPostgres, type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;

beforeEach(async () => {
  dir = await tempDir();
});

afterEach(async () => {
  await dir.remove();
});

/** rows of a `columns`-wide table left in the WAL: appended after a checkpoint, closed in 64 MB */
async function walLeftBehind(path: string, columns: number): Promise<void> {
  const instance = await DuckDBInstance.create(path, { memory_limit: "128MB" });
  const connection = await instance.connect();
  const values = Array.from({ length: columns }, (_, i) => `range + ${i}`).join(", ");
  await connection.run(
    `CREATE TABLE wide (${Array.from({ length: columns }, (_, i) => `c${i} DOUBLE`).join(", ")})`,
  );
  await connection.run(`INSERT INTO wide SELECT ${values} FROM range(3)`);
  await connection.run("CHECKPOINT");
  await connection.run(`INSERT INTO wide SELECT ${values} FROM range(3)`);
  await connection.run("SET memory_limit = '64MB'");
  connection.closeSync();
  instance.closeSync();
}

async function rowsIn64MB(path: string): Promise<number> {
  const instance = await DuckDBInstance.create(path, { memory_limit: "64MB" });
  try {
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll("SELECT count(*) FROM wide")).getRowsJS();
    connection.closeSync();
    return Number(rows[0]?.[0]);
  } finally {
    instance.closeSync();
  }
}

describe.skipIf(onPostgres)("a WAL that a closing checkpoint could not write", () => {
  it("is read back with room and written into the file when the store opens", async () => {
    const path = dir.file("zaz.duckdb");
    await walLeftBehind(path, 140);
    // the state an older version left: the rows in the WAL, which no longer fit 64 MB at open
    expect(existsSync(`${path}.wal`)).toBe(true);
    await expect(rowsIn64MB(path)).rejects.toThrow(/WAL/);
    const store = await openDuckDbStore(path);
    expect(await store.countResponses()).toBe(0);
    await store.close();
    expect(existsSync(`${path}.wal`)).toBe(false);
    expect(await rowsIn64MB(path)).toBe(6);
  });
});

/** the row counts of table t's row groups, in order */
async function rowGroups(db: DuckDb): Promise<number[]> {
  const rows = await db.all(
    "SELECT max(count) AS n FROM pragma_storage_info('t') GROUP BY row_group_id ORDER BY row_group_id",
  );
  return rows.map((r) => Number(r.n));
}

describe.skipIf(onPostgres)("vacuum at a checkpoint", () => {
  // two appends of 150,000 rows, each committed: a full row group and a part-filled one each, and
  // the two part-filled ones (with the full one between them) fit in two
  async function twoAppends(path: string): Promise<DuckDb> {
    const db = await DuckDb.open(path);
    await db.run("CREATE TABLE t (a INTEGER)");
    for (const from of [0, 150_000])
      await db.run(`INSERT INTO t SELECT range FROM range(${from}, ${from + 150_000})`);
    return db;
  }

  it("leaves an import's part-filled row groups as they are, unless asked", async () => {
    const db = await twoAppends(dir.file("kept.duckdb"));
    const before = await rowGroups(db);
    expect(before.length).toBeGreaterThan(3);
    await checkpointWithRoom(db, "64MB");
    expect(await rowGroups(db)).toEqual(before);
    expect(await db.scalar("SELECT sum(a) FROM t")).toBe(BigInt((300_000 * 299_999) / 2));
    db.close();
  });

  it("merges them when asked, as after an import that removed rows", async () => {
    const db = await twoAppends(dir.file("merged.duckdb"));
    const before = await rowGroups(db);
    await checkpointWithRoom(db, "64MB", true);
    const after = await rowGroups(db);
    expect(after.length).toBeLessThan(before.length);
    expect(after.reduce((a, b) => a + b, 0)).toBe(300_000);
    db.close();
  });
});
