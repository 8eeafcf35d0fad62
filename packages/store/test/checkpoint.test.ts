import { existsSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
