import pg from "pg";
import { describe, expect, it } from "vitest";
import { StoreError } from "../../src/index.js";
import { withTimeoutMessage } from "../../src/postgres/analysis.js";
import { newPgDatabase, skipWithoutPostgres } from "./pg-database.js";

describe.skipIf(skipWithoutPostgres)("an analysis query past its statement timeout", () => {
  it("ends in a Dutch StoreError naming the limit and ZAZ_DB_ANALYSIS_TIMEOUT_MS", async () => {
    const client = new pg.Client({ connectionString: await newPgDatabase() });
    await client.connect();
    try {
      await client.query("SET statement_timeout = 50");
      const cancelled = await withTimeoutMessage(3_000, () => client.query("SELECT pg_sleep(2)")).catch(
        (e: unknown) => e,
      );
      expect(cancelled).toBeInstanceOf(StoreError);
      expect((cancelled as Error).message).toMatch(/langer dan 3 s.*ZAZ_DB_ANALYSIS_TIMEOUT_MS/);
      // other failures pass unchanged
      const other = await withTimeoutMessage(3_000, () => client.query("SELECT * FROM geen_tabel")).catch(
        (e: unknown) => e,
      );
      expect(other).not.toBeInstanceOf(StoreError);
    } finally {
      await client.end();
    }
  });
});
