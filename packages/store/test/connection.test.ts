import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuckDb } from "../src/duckdb/connection.js";
import { onPostgres, type TempDir, tempDir } from "./helpers.js";

let dir: TempDir;
let db: DuckDb;

beforeEach(async () => {
  dir = await tempDir();
  db = await DuckDb.open(dir.file("c.duckdb"));
  await db.run("CREATE TABLE t (id BIGINT, s VARCHAR)");
});

afterEach(async () => {
  db.close();
  await dir.remove();
});

async function appendRows(n: number): Promise<void> {
  const appender = await db.connection.createAppender("t");
  for (let i = 0; i < n; i++) {
    appender.appendBigInt(BigInt(i));
    appender.appendVarchar(`row ${i}`);
    appender.endRow();
  }
  appender.closeSync();
}

// DuckDB only: the DuckDB connection class itself
describe.skipIf(onPostgres)("DuckDb", () => {
  it("lets the Appender write into the open transaction: visible inside, gone after ROLLBACK", async () => {
    await expect(
      db.transaction(async () => {
        await appendRows(300_000);
        expect(Number(await db.scalar("SELECT count(*) FROM t"))).toBe(300_000);
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(Number(await db.scalar("SELECT count(*) FROM t"))).toBe(0);
    await db.transaction(() => appendRows(10));
    expect(Number(await db.scalar("SELECT count(*) FROM t"))).toBe(10);
  });

  it("binds parameters as values", async () => {
    await db.run("INSERT INTO t VALUES ($1, $2)", [1, "it's; DROP TABLE t"]);
    expect(await db.all("SELECT s FROM t WHERE id = $1", [1])).toEqual([{ s: "it's; DROP TABLE t" }]);
  });

  it("restores a setting after the work, also when it fails", async () => {
    const threads = await db.scalar("SELECT current_setting('threads')");
    const during = await db.withSetting("threads", "1", () => db.scalar("SELECT current_setting('threads')"));
    expect(Number(during)).toBe(1);
    await expect(
      db.withSetting("threads", "1", async () => {
        throw new Error("fail");
      }),
    ).rejects.toThrow("fail");
    expect(await db.scalar("SELECT current_setting('threads')")).toEqual(threads);
  });

  it("uses a small buffer pool unless told otherwise", async () => {
    const limit = String(await db.scalar("SELECT current_setting('memory_limit')"));
    expect(limit).toMatch(/^(61\.0 MiB|64\.0 MB)$/);
  });
});
