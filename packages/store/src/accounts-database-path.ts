import { basename, dirname, join, resolve } from "node:path";

export const accountsEnvVariable = "ZAZ_ACCOUNTS_DB";

const researchExtension = ".duckdb";

/**
 * Where the dashboard's accounts and sessions live for a research database: beside it, never in
 * it (data/zijaanzij.duckdb → data/zijaanzij.accounts.duckdb). Derived from the research file, so
 * each database has its own accounts and moving the folder moves both.
 */
export function accountsDatabasePath(databasePath: string): string {
  if (databasePath === ":memory:" || databasePath === "") return ":memory:";
  // PostgreSQL keeps them in tables of the same database, apart from the researcher views (open-store.ts)
  if (isPostgresUrl(databasePath)) return databasePath;
  const name = basename(databasePath);
  const stem = name.endsWith(researchExtension) ? name.slice(0, -researchExtension.length) : name;
  return join(dirname(databasePath), `${stem}.accounts${researchExtension}`);
}

/** ZAZ_ACCOUNTS_DB, else the file beside the research database (accountsDatabasePath). */
export function defaultAccountsDatabasePath(
  databasePath: string,
  env: Record<string, string | undefined> = process.env,
): string {
  const fromEnv = env[accountsEnvVariable];
  if (fromEnv !== undefined && fromEnv.trim() !== "")
    return isPostgresUrl(fromEnv) ? fromEnv : resolve(fromEnv);
  return accountsDatabasePath(databasePath);
}

/** as open-store.ts's isPostgresTarget (not imported: that module loads both databases' code) */
function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
