import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresCluster, startPostgresCluster } from "./support/postgres-cluster.js";

// the harness itself: a cluster of its own, so it is checked in the plain run too
describe("startPostgresCluster", () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(() => cluster?.stop());

  it("creates separate, empty databases that accept connections", async () => {
    const a = await cluster.createDatabase();
    const b = await cluster.createDatabase();
    expect(a).not.toBe(b);
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    try {
      await client.query("CREATE TABLE t (x int)");
      const r = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'",
      );
      expect(r.rows[0]?.n).toBe("1");
    } finally {
      await client.end();
    }
    const other = new pg.Client({ connectionString: b });
    await other.connect();
    try {
      const r = await other.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'",
      );
      expect(r.rows[0]?.n).toBe("0");
    } finally {
      await other.end();
    }
  });

  it("stops the server: no more connections", async () => {
    const own = await startPostgresCluster();
    const url = await own.createDatabase();
    await own.stop();
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    await expect(client.connect()).rejects.toThrow();
  });
});
