import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgresCluster } from "./support/postgres-cluster.js";

/**
 * One throw-away PostgreSQL server for the whole "postgres" project; each test makes its own database on
 * it (newTestDatabase). A server given in ZAZ_TEST_PG_URL is used as it is and not started or stopped.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // A PostgreSQL database's pseudonym key lives outside it, by default in ~/.config/zaz (one file per
  // database): the run's databases share one key file of the run instead, removed with it.
  const keyDir = mkdtempSync(join(tmpdir(), "zaz-pg-key-"));
  if ((process.env.ZAZ_KEY_FILE ?? "") === "") process.env.ZAZ_KEY_FILE = join(keyDir, "zaz.key");
  const removeKey = () => rmSync(keyDir, { recursive: true, force: true });
  const given = process.env.ZAZ_TEST_PG_URL;
  if (given !== undefined && given !== "") return async () => removeKey();
  const cluster = await startPostgresCluster();
  // the test workers and their child processes are started after this and inherit it
  process.env.ZAZ_TEST_PG_URL = cluster.url("postgres");
  return async () => {
    await cluster.stop();
    removeKey();
  };
}
