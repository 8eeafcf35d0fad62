import {
  defaultAccountsDatabasePath,
  defaultDatabasePath,
  isPostgresTarget,
  loadOrCreateKey,
  openAccounts,
  openStore,
  watchDataVersion,
  writeDashboardMarker,
} from "@zaz/store";
import { defaultInstrumentDir, findInstruments, privacySettings } from "@zaz/survey";
import { dashboardStores } from "./dashboard-stores.js";
import { closeOnSignals, serve } from "./main.js";
import { runMessages } from "./messages.js";
import { DashboardStartError, openForDashboard } from "./startup-error.js";
import { uploadsFromEnv } from "./upload/uploads-from-env.js";

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
    await store.adoptInstruments(async () =>
      (await findInstruments([defaultInstrumentDir()])).instruments.map((l) => l.instrument),
    );
    const privacy = privacySettings({});
    if (!privacy.ok) throw new Error("privacy settings");
    const stores = await dashboardStores(store, accounts, {
      privacy: privacy.value,
      ...(onPostgres ? { watch: (onChange: () => void) => watchDataVersion(target, onChange) } : {}),
      warn: (message) => out.stderr.write(`let op: ${message}\n`),
    });
    const removeMarkers: (() => Promise<void>)[] = [];
    const closeAll = async () => {
      await stores.close();
      await store.close();
      await accounts.close();
      for (const remove of removeMarkers) await remove();
    };
    const serving = await serve(
      {
        results: stores.results,
        users: stores.users,
        sessionStore: stores.sessionStore,
        uploads: uploadsFromEnv(stores.store, () => loadOrCreateKey(target), env),
        sso: {
          registry: () => store.registry.list(),
          // beside a DuckDB file; a PostgreSQL server has no "beside": ZAZ_SSO_MAPPING then
          ...(onPostgres ? {} : { defaultMappingFile: `${target}.sso-koppeling.json` }),
        },
      },
      env,
    );
    for (const p of serving.warnings) out.stderr.write(`let op: ${p.message}\n`);
    if (!serving.ok) {
      for (const p of serving.errors)
        out.stderr.write(`fout: ${p.message}${p.hint ? `\n  ${p.hint}` : ""}\n`);
      await closeAll();
      return 1;
    }
    // every process precomputes at its start; the views are kept in the database, so later ones read them
    void stores.results
      .precompute()
      .catch((error) => out.stderr.write(`let op: overzichten vooraf berekenen mislukt: ${String(error)}\n`));
    // a DuckDB file is this process's alone: `zaz` commands that find it locked name this dashboard
    if (!onPostgres)
      for (const held of [target, accountsTarget])
        removeMarkers.push(await writeDashboardMarker(held, serving.value.url));
    out.stdout.write(`${runMessages.listening(serving.value.url, shown)}\n`);
    closeOnSignals(serving.value, closeAll);
    return undefined;
  } catch (error) {
    if (!(error instanceof DashboardStartError)) throw error;
    out.stderr.write(`fout: ${error.message}\n`);
    return 1;
  }
}
