import pg from "pg";
import { createDatabaseAt } from "../../../../test/support/postgres-cluster.js";
import { onPostgres } from "../../../../test/support/test-database.js";

/**
 * The PostgreSQL-only tests run in the vitest project "postgres", whose global setup starts one
 * throw-away server (test/postgres-global-setup.ts) and names it in ZAZ_TEST_PG_URL.
 */
export const skipWithoutPostgres = !onPostgres;

/** A fresh, empty database on the run's server: its URL. */
export function newPgDatabase(): Promise<string> {
  const server = process.env.ZAZ_TEST_PG_URL;
  if (server === undefined || server === "")
    throw new Error("ZAZ_TEST_PG_URL is not set (run the postgres project)");
  return createDatabaseAt(server);
}

let dutch = 0;

/**
 * A fresh database whose text sorts by Dutch rules (ICU "nl-NL"), as a server set up for a Dutch
 * school board may well be: results must not depend on it.
 */
export async function newDutchPgDatabase(): Promise<string> {
  const server = process.env.ZAZ_TEST_PG_URL;
  if (server === undefined || server === "")
    throw new Error("ZAZ_TEST_PG_URL is not set (run the postgres project)");
  const name = `zaz_nl_${process.pid}_${++dutch}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'nl-NL' LOCALE 'C'`,
    );
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
