import { delimiter, join, resolve } from "node:path";
import { defaultInstrumentDir } from "@zaz/survey";
import type { Effects } from "./effects.js";

/** The folders searched for instruments: the repository's defaults, then ZAZ_INSTRUMENTEN. */
export function instrumentDirs(effects: Effects): string[] {
  const extra = (effects.env.ZAZ_INSTRUMENTEN ?? "")
    .split(delimiter)
    .filter((d) => d !== "")
    .map((d) => resolve(effects.cwd, d));
  return [defaultInstrumentDir(), ...extra];
}

/** --db, else ZAZ_DB, else data/zijaanzij.duckdb of this repository. */
export function databasePath(effects: Effects, db: string | undefined): string {
  if (db !== undefined && db !== "") return isDatabaseUrl(db) ? db : resolve(effects.cwd, db);
  const env = effects.env.ZAZ_DB;
  if (env !== undefined && env !== "") return isDatabaseUrl(env) ? env : resolve(effects.cwd, env);
  // The file of @zaz/store's defaultDatabasePath({}) (test/lazy-start.test.ts checks that they agree),
  // found beside the default instruments as voorbeeldDir() does: importing @zaz/store here would
  // load DuckDB for every command that reads instruments, such as `zaz instrument list`.
  return join(defaultInstrumentDir(), "..", "zijaanzij.duckdb");
}

/** A PostgreSQL URL (@zaz/store's isPostgresTarget, not imported here for the reason above): no path to resolve. */
function isDatabaseUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * --accounts-db, else ZAZ_ACCOUNTS_DB; undefined means the accounts file beside the database
 * (@zaz/store's accountsDatabasePath, not imported here for the reason above).
 */
export function accountsOverride(effects: Effects, accountsDb: string | undefined): string | undefined {
  if (accountsDb !== undefined && accountsDb !== "")
    return isDatabaseUrl(accountsDb) ? accountsDb : resolve(effects.cwd, accountsDb);
  const env = effects.env.ZAZ_ACCOUNTS_DB;
  if (env !== undefined && env !== "") return isDatabaseUrl(env) ? env : resolve(effects.cwd, env);
  return undefined;
}
