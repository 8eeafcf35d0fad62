import {
  defaultAccountsDatabasePath,
  defaultDatabasePath,
  isPostgresTarget,
  openAccounts,
  openStore,
} from "@zaz/store";
import { closeOnSignals } from "./main.js";
import { runMessages } from "./messages.js";
import { serveStores } from "./serve-stores.js";
import { DashboardStartError, openForDashboard } from "./startup-error.js";

export interface RunOutput {
  write(text: string): void;
}

/** A database URL as it may be printed: without its password. */
export function shownTarget(target: string): string {
  if (!isPostgresTarget(target)) return target;
  try {
    const url = new URL(target);
    if (url.password !== "") url.password = "***";
    return url.toString();
  } catch {
    return "postgres://…";
  }
}

/**
 * The dashboard as a server runs it (`node apps/dashboard/dist/bin.js`): no example data and no demo
 * accounts (that is `npm start`), everything from the environment — ZAZ_DB (a DuckDB file or a
 * postgres:// URL), ZAZ_ACCOUNTS_DB (DuckDB only), ZAZ_SESSION_SECRET (required) and the settings
 * `serve` reads. Several of these processes may serve one PostgreSQL database behind a proxy.
 * Resolves with the exit code when it cannot start; otherwise it runs until SIGTERM/SIGINT.
 */
export async function runServer(
  env: Record<string, string | undefined> = process.env,
  out: { stdout: RunOutput; stderr: RunOutput } = { stdout: process.stdout, stderr: process.stderr },
): Promise<number | undefined> {
  const target = defaultDatabasePath(env);
  const shown = shownTarget(target);
  const onPostgres = isPostgresTarget(target);
  try {
    const store = await openForDashboard(shown, () => openStore(target));
    // on PostgreSQL the accounts are in the same database (tables the researchers' views leave out)
    const accountsTarget = onPostgres ? target : defaultAccountsDatabasePath(target, env);
    const accounts = await openForDashboard(shownTarget(accountsTarget), () => openAccounts(accountsTarget));
    const served = await serveStores({
      store,
      accounts,
      target,
      accountsTarget,
      env,
      stderr: out.stderr,
    });
    if (served === undefined) return 1;
    out.stdout.write(`${runMessages.listening(served.url, shown)}\n`);
    closeOnSignals(served.serving, served.close);
    return undefined;
  } catch (error) {
    if (!(error instanceof DashboardStartError)) throw error;
    out.stderr.write(`fout: ${error.message}\n`);
    return 1;
  }
}
