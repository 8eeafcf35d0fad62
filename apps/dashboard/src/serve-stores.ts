import {
  type AccountsStore,
  isPostgresTarget,
  loadOrCreateKey,
  type Store,
  watchDataVersion,
  writeDashboardMarker,
} from "@zaz/store";
import { defaultInstrumentDir, findInstruments, privacySettings } from "@zaz/survey";
import { dashboardStores } from "./dashboard-stores.js";
import { type Serving, serve } from "./main.js";
import { uploadsFromEnv } from "./upload/uploads-from-env.js";

export interface ServedStores {
  serving: Serving;
  /** the address as people should type it (localhost rather than 127.0.0.1 where asked) */
  url: string;
  /** stops the background writes and closes both stores, and removes the DuckDB markers */
  close(): Promise<void>;
}

interface ServeOutput {
  write(text: string): void;
}

/**
 * The dashboard on opened stores, as both `node apps/dashboard/dist/bin.js` and `npm start` run it:
 * instrument definitions adopted, the stores behind caches, `serve` with uploads and single sign-on,
 * the first views computed in the background, and — on DuckDB, whose files this process alone
 * holds — markers that let `zaz` name this dashboard. On a refused configuration the stores are
 * closed and the problems printed; then it resolves undefined.
 */
export async function serveStores(options: {
  store: Store;
  accounts: AccountsStore;
  /** ZAZ_DB: a DuckDB file or a postgres:// URL */
  target: string;
  /** the accounts file (DuckDB) or the same URL */
  accountsTarget: string;
  env: Record<string, string | undefined>;
  stderr: ServeOutput;
  /** how the URL is shown; 127.0.0.1 by default */
  host?: string;
}): Promise<ServedStores | undefined> {
  const { store, accounts, target, accountsTarget, env, stderr } = options;
  const onPostgres = isPostgresTarget(target);
  // A database filled before instrument definitions were stored: analyse it with this installation's files.
  await store.adoptInstruments(async () =>
    (await findInstruments([defaultInstrumentDir()])).instruments.map((l) => l.instrument),
  );
  const privacy = privacySettings({});
  if (!privacy.ok) throw new Error("privacy settings");
  const stores = await dashboardStores(store, accounts, {
    privacy: privacy.value,
    // other processes on the same PostgreSQL database: their imports make this one's views afresh
    ...(onPostgres ? { watch: (onChange: () => void) => watchDataVersion(target, onChange) } : {}),
    warn: (message) => stderr.write(`let op: ${message}\n`),
  });
  const markers: (() => Promise<void>)[] = [];
  const close = async () => {
    // the lastSeen writes no request waited for, and the listener
    await stores.close();
    await store.close();
    await accounts.close();
    for (const remove of markers) await remove();
  };
  const serving = await serve(
    {
      results: stores.results,
      users: stores.users,
      sessionStore: stores.sessionStore,
      // the upload page (leerteam, beheerder): imports into this database while the dashboard runs
      uploads: uploadsFromEnv(stores.store, () => loadOrCreateKey(target), env),
      // single sign-on, when ZAZ_OIDC_* configure a provider: the claim mapping beside the
      // database file (a PostgreSQL server has no "beside": ZAZ_SSO_MAPPING names it)
      sso: {
        registry: () => store.registry.list(),
        ...(onPostgres ? {} : { defaultMappingFile: `${target}.sso-koppeling.json` }),
      },
    },
    env,
  );
  for (const p of serving.warnings) stderr.write(`let op: ${p.message}\n`);
  if (!serving.ok) {
    for (const p of serving.errors) stderr.write(`fout: ${p.message}${p.hint ? `\n  ${p.hint}` : ""}\n`);
    await close();
    return undefined;
  }
  // The views people open first are computed now, in the background, and kept in the database, so
  // a later process reads them.
  void stores.results
    .precompute()
    .catch((error) => stderr.write(`let op: overzichten vooraf berekenen mislukt: ${String(error)}\n`));
  const url =
    options.host === undefined ? serving.value.url : serving.value.url.replace("127.0.0.1", options.host);
  // a DuckDB file is this process's alone: `zaz` commands that find it locked name this dashboard
  if (!onPostgres)
    for (const held of [target, accountsTarget]) markers.push(await writeDashboardMarker(held, url));
  return { serving: serving.value, url, close };
}
