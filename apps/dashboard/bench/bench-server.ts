/**
 * The server process of `npm run bench:dashboard` (started by dashboard-load.ts with an IPC
 * channel; not meant to be run by hand). Serves the dashboard on 127.0.0.1 (free port) as
 * the server entry (run-server.ts) wires it: the store opened with openStore (a DuckDB file or a
 * PostgreSQL URL), the accounts with openAccounts, and dashboardStores (StoreResultsService,
 * StoreUserRepository, StoreSessionStore; on PostgreSQL the data version kept in memory and
 * invalidated by LISTEN). In front of it, in the same Express app, express.static serves a
 * directory at /bench-static: the baseline "the same JSON as a static file".
 *
 * argv[2]: JSON { db, staticDir, username, password, sessionSecret }
 * Messages from the parent: { id, kind: "precompute" | "usage" | "stop" }; answered with { id, ... }.
 */
import type { Server } from "node:http";
import { hashPassword } from "@zaz/accounts";
import { createServer, dashboardStores } from "@zaz/dashboard";
import { fastScryptParams } from "@zaz/dashboard/testing";
import {
  defaultAccountsDatabasePath,
  isPostgresTarget,
  openAccounts,
  openStore,
  watchDataVersion,
} from "@zaz/store";
import { defaultInstrumentDir, findInstruments, privacySettings } from "@zaz/survey";
import express from "express";

export interface BenchServerConfig {
  db: string;
  staticDir: string;
  username: string;
  password: string;
  sessionSecret: string;
  /** --hostile: a second account, a docent of this opleiding, who hammers uncached views */
  hostile?: { username: string; password: string; opleiding: string };
}

export type ToServer = { id: number; kind: "precompute" | "usage" | "stop" };
export type FromServer =
  | { kind: "listening"; url: string }
  | { kind: "failed"; message: string }
  | { id: number; kind: "precomputed"; views: number; ms: number }
  | { id: number; kind: "usage"; cpuMicros: number; rssBytes: number }
  | { id: number; kind: "stopped" };

const config = JSON.parse(process.argv[2] ?? "{}") as BenchServerConfig;
const send = (message: FromServer) =>
  new Promise<void>((resolve) => {
    if (process.send === undefined) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
// the benchmark is gone: so is its server
process.on("disconnect", () => process.exit(0));

async function start(): Promise<void> {
  const onPostgres = isPostgresTarget(config.db);
  const store = await openStore(config.db);
  const accounts = await openAccounts(onPostgres ? config.db : defaultAccountsDatabasePath(config.db));
  // An account as `zaz user add` or `npm start` makes it: in the accounts file. The login's cost is not measured.
  if ((await accounts.users.find(config.username)) === undefined) {
    await accounts.users.add({
      username: config.username,
      role: "beheerder",
      scopes: {},
      passwordHash: await hashPassword(config.password, fastScryptParams),
    });
  }
  if (config.hostile !== undefined && (await accounts.users.find(config.hostile.username)) === undefined)
    await accounts.users.add({
      username: config.hostile.username,
      role: "docent",
      scopes: { opleiding: config.hostile.opleiding },
      passwordHash: await hashPassword(config.hostile.password, fastScryptParams),
    });
  await store.adoptInstruments(async () =>
    (await findInstruments([defaultInstrumentDir()])).instruments.map((l) => l.instrument),
  );
  const privacy = privacySettings({});
  if (!privacy.ok) throw new Error("privacy-instellingen geweigerd");
  const stores = await dashboardStores(store, accounts, {
    privacy: privacy.value,
    ...(onPostgres ? { watch: (onChange: () => void) => watchDataVersion(config.db, onChange) } : {}),
  });
  const results = stores.results;

  const outer = express();
  outer.disable("x-powered-by");
  outer.use("/bench-static", express.static(config.staticDir));
  outer.use(
    createServer({
      results,
      users: stores.users,
      sessionStore: stores.sessionStore,
      // as `npm start` on loopback (plain http), with the API rate limit out of the way
      config: { sessionSecret: config.sessionSecret, secureCookies: false, apiRequestsPerMinute: 1e9 },
    }),
  );
  const server = await new Promise<Server>((resolve, reject) => {
    const s = outer.listen(0, "127.0.0.1", (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("geen poort");

  process.on("message", (message: ToServer) => {
    void (async () => {
      switch (message.kind) {
        case "precompute": {
          // what `npm start` does in the background after it listens; here awaited, and timed
          const started = performance.now();
          const views = await results.precompute();
          await send({ id: message.id, kind: "precomputed", views, ms: performance.now() - started });
          return;
        }
        case "usage": {
          const cpu = process.cpuUsage();
          await send({
            id: message.id,
            kind: "usage",
            cpuMicros: cpu.user + cpu.system,
            rssBytes: process.memoryUsage.rss(),
          });
          return;
        }
        case "stop": {
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await stores.close();
          await store.close();
          await accounts.close();
          await send({ id: message.id, kind: "stopped" });
          process.exit(0);
        }
      }
    })().catch((error) => {
      process.stderr.write(`benchserver: ${String(error)}\n`);
      process.exit(1);
    });
  });
  await send({ kind: "listening", url: `http://127.0.0.1:${address.port}` });
}

start().catch(async (error) => {
  await send({
    kind: "failed",
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
});
