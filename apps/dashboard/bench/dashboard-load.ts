/**
 * npm run bench:dashboard [-- --responses N] [-- --seconds S] [-- --connections C] [-- --runs R]
 *                         [-- --warmup W] [-- --school ID] [-- --wave ID] [-- --no-etag]
 *                         [-- --no-precompute] [-- --max-requests M] [-- --hostile]
 *                         [-- --store duckdb|postgres] [-- --processes P]
 *
 * The dashboard's class overview (GET /api/class-overview) on the database of
 * bench/big-database.ts (N responses in "Het Grote Kompas", default 1,000,000; --responses 0: the
 * example data only, school de-regenboog), against the issue's targets:
 *
 * - uncached ≤ 100 ms: the first request in a fresh server process, (a) "berekend": nothing kept in
 *   view_results, so the view is computed from SQL; (b) "bewaard": the view kept by an earlier
 *   process, read from view_results. R fresh processes each (median).
 * - cached, 64 connections on loopback: requests/s ≥ 0.5× and p95 ≤ 2× those of the same Express
 *   app serving the same JSON as a static file (express.static mounted in front of the dashboard),
 *   measured in one run with the load client (load-client.ts) in its own process: first the static
 *   file, then the API (without If-None-Match: the whole body every time), then, unless --no-etag,
 *   the API with If-None-Match (304, no body).
 *
 * - --hostile: a cached request's p95 with and without a hostile user. The class overview, kept,
 *   requested by the beheerder over 4 connections, first alone, then while a docent (a second
 *   account) hammers /api/leerlijn over 16 connections with distinct filter values: every
 *   combination that exists (uncached at first) interleaved with values that do not exist. Target:
 *   p95 with the hostile user ≤ 2× without.
 *
 * The server (bench-server.ts) is wired as `npm start` wires it: the store opened with
 * openDuckDbStore, StoreResultsService, StoreUserRepository and StoreSessionStore, an account in the
 * store, plain http on 127.0.0.1 (a free port). It runs on a copy of the database in a temporary
 * directory, so the shared one in bench/out is never changed. Every load is bounded in time
 * (≤ 60 s measured) and in requests.
 *
 * --store postgres: the same on PostgreSQL. A throw-away cluster (test/support/postgres-cluster.ts)
 * is started, the same data are read in with the built `zaz` (--db postgres://…), and the load goes
 * to P dashboard processes (default 2) on the one database: the load client spreads its connections
 * over them round-robin (connection i to process i mod P), as a proxy with keep-alive upstreams
 * does. The fresh-process measurements use one process at a time, as on DuckDB. The output has the
 * same lines as the DuckDB run, so the two can be put side by side.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { slugify } from "@zaz/accounts";
import { main as zaz } from "@zaz/cli";
import pg from "pg";
import { bigDatabase, bigSchool, bigWaves, loadBigData, root } from "../../../bench/big-database.js";
import { median } from "../../../bench/measure.js";
import { type PostgresCluster, startPostgresCluster } from "../../../test/support/postgres-cluster.js";
import type { BenchServerConfig, FromServer, ToServer } from "./bench-server.js";
import { call, login } from "./http.js";
import type { LoadConfig, LoadResult } from "./load-client.js";

const { values } = parseArgs({
  options: {
    responses: { type: "string", default: "1000000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "64" },
    warmup: { type: "string", default: "2" },
    runs: { type: "string", default: "3" },
    "max-requests": { type: "string", default: "1000000" },
    school: { type: "string" },
    wave: { type: "string", default: bigWaves[1] },
    "no-etag": { type: "boolean", default: false },
    "no-precompute": { type: "boolean", default: false },
    hostile: { type: "boolean", default: false },
    store: { type: "string", default: "duckdb" },
    processes: { type: "string" },
  },
});
if (values.store !== "duckdb" && values.store !== "postgres")
  throw new Error(`--store ${values.store}: kies duckdb of postgres`);
const onPostgres = values.store === "postgres";
// one embedded DuckDB file has one owner; PostgreSQL is served by several processes
const processes = onPostgres ? Math.min(Math.max(Number(values.processes ?? "2"), 1), 8) : 1;
if (!onPostgres && values.processes !== undefined && values.processes !== "1")
  throw new Error("--processes: meer dan één dashboardproces kan alleen met --store postgres");
const responses = Number(values.responses);
const seconds = Math.min(Math.max(Number(values.seconds), 1), 60);
const warmup = Math.min(Math.max(Number(values.warmup), 0), 10);
const connections = Math.min(Math.max(Number(values.connections), 1), 1024);
const runs = Math.min(Math.max(Number(values.runs), 1), 20);
const maxRequests = Math.min(Math.max(Number(values["max-requests"]), 1), 2_000_000);
const school = values.school ?? (responses > 0 ? slugify(bigSchool) : "de-regenboog");
const wave = values.wave;
for (const [name, value] of Object.entries({
  responses,
  seconds,
  warmup,
  connections,
  runs,
  maxRequests,
  processes,
}))
  if (!Number.isFinite(value)) throw new Error(`--${name}: geen getal`);

const here = import.meta.dirname;
const username = "bench-beheerder";
const password = `bench-${randomBytes(12).toString("base64url")}`;
const sessionSecret = randomBytes(32).toString("hex");
const hostileAccount = {
  username: "bench-docent",
  password: `bench-${randomBytes(12).toString("base64url")}`,
  opleiding: "pabo-hva",
};
const apiPath = `/api/class-overview?${new URLSearchParams({ school, wave })}`;
const staticPath = "/bench-static/class-overview.json";
/** how the view is keyed in view_results (see packages/views/src/view-service.ts) */
const keptKey = `klassen?${new URLSearchParams({ school, wave })}#%`;

// ---------------------------------------------------------------------------------------------
// the database

async function exampleDatabase(path: string): Promise<void> {
  let log = "";
  const code = await zaz(["voorbeeld", "--db", path], {
    stdout: { write: () => {}, isTTY: false },
    stderr: {
      write: (s: string) => {
        log += s;
      },
      isTTY: false,
    },
    env: { NO_COLOR: "1", ...(process.env.ZAZ_KEY_FILE ? { ZAZ_KEY_FILE: process.env.ZAZ_KEY_FILE } : {}) },
    cwd: root,
    now: () => new Date(),
  });
  if (code !== 0) throw new Error(`zaz voorbeeld mislukt:\n${log}`);
}

/** Straight on the file (the store has no way to drop kept views): run before a server opens it. */
async function onDatabase<T>(path: string, work: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>) {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowsJS());
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The same on PostgreSQL: the dashboard processes may stay connected meanwhile. */
async function onPostgresDatabase<T>(
  url: string,
  work: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>,
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(
      async (sql) => (await client.query({ text: sql, rowMode: "array" })).rows as unknown[][],
    );
  } finally {
    await client.end();
  }
}

function onStore<T>(target: string, work: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>) {
  return onPostgres ? onPostgresDatabase(target, work) : onDatabase(target, work);
}

const clearKept = (path: string) => onStore(path, (run) => run("DELETE FROM view_results"));
/**
 * The keys under which this view is kept (one per code fingerprint: see view-service.ts), and the
 * data version they must match. A key that was not there before a process ran means that process
 * computed the view: a first request "bewaard" that did so (the code changed meanwhile) is marked.
 */
const keptState = (path: string) =>
  onStore(path, async (run) => {
    const like = keptKey.replaceAll("'", "''");
    const keys = (await run(`SELECT key FROM view_results WHERE key LIKE '${like}'`)).map(([k]) => String(k));
    const [[version] = []] = await run("SELECT value FROM store_state WHERE name = 'data_version'");
    return { keys, version: String(version) };
  });

// ---------------------------------------------------------------------------------------------
// processes

const children = new Set<ChildProcess>();

interface BenchServer {
  url: string;
  /** every process's URL: one, or P with --store postgres */
  urls: string[];
  ask(kind: ToServer["kind"], timeoutMs?: number): Promise<FromServer>;
  stop(): Promise<void>;
}

/**
 * Processes on one database as one server: precomputing is asked of the first (the views are kept
 * in the shared database), CPU time and RSS are summed over all, stop stops all.
 */
function serverGroup(servers: BenchServer[]): BenchServer {
  const [first] = servers;
  if (first === undefined) throw new Error("geen server");
  return {
    url: first.url,
    urls: servers.map((s) => s.url),
    ask: async (kind, timeoutMs) => {
      if (kind !== "usage") {
        if (kind === "precompute") return first.ask(kind, timeoutMs);
        const answers = await Promise.all(servers.map((s) => s.ask(kind, timeoutMs)));
        return answers[0] ?? { id: 0, kind: "stopped" };
      }
      const answers = await Promise.all(servers.map((s) => s.ask("usage", timeoutMs)));
      let cpuMicros = 0;
      let rssBytes = 0;
      for (const a of answers) {
        if (a.kind !== "usage") return a;
        cpuMicros += a.cpuMicros;
        rssBytes += a.rssBytes;
      }
      return { id: 0, kind: "usage", cpuMicros, rssBytes };
    },
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}

function startServer(db: string, staticDir: string): Promise<BenchServer> {
  const config: BenchServerConfig = {
    db,
    staticDir,
    username,
    password,
    sessionSecret,
    ...(values.hostile ? { hostile: hostileAccount } : {}),
  };
  const child = fork(join(here, "bench-server.ts"), [JSON.stringify(config)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  let next = 1;
  const waiting = new Map<number, (message: FromServer) => void>();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("de server start niet binnen 10 minuten")), 600_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`de server stopte (${code})`));
      for (const answer of waiting.values()) answer({ id: 0, kind: "stopped" });
    });
    child.on("message", (message: FromServer) => {
      if (message.kind === "failed") {
        clearTimeout(timer);
        reject(new Error(`de server start niet:\n${message.message}`));
      } else if (message.kind === "listening") {
        clearTimeout(timer);
        resolve(server(message.url));
      } else waiting.get(message.id)?.(message);
    });
  });

  function server(url: string): BenchServer {
    const ask = (kind: ToServer["kind"], timeoutMs = 60_000) =>
      new Promise<FromServer>((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => reject(new Error(`server: geen antwoord op ${kind}`)), timeoutMs);
        waiting.set(id, (message) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(message);
        });
        child.send({ id, kind } satisfies ToServer);
      });
    return {
      url,
      urls: [url],
      ask,
      stop: async () => {
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        await ask("stop").catch(() => child.kill());
        await exited;
      },
    };
  }
}

function runLoad(config: LoadConfig): Promise<LoadResult> {
  const child = fork(join(here, "load-client.ts"), [JSON.stringify(config)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let result: LoadResult | undefined;
    // bounded: the client stops itself; this is the backstop
    const timer = setTimeout(() => child.kill(), (config.warmupSeconds + config.seconds + 60) * 1000);
    child.on("message", (message: LoadResult) => {
      result = message;
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      children.delete(child);
      if (result !== undefined) resolve(result);
      else reject(new Error(`de loadclient stopte zonder resultaat (${code})`));
    });
  });
}

/** CPU time of the whole machine (all processes), in seconds, from /proc/stat; undefined elsewhere. */
function machineCpu(): number | undefined {
  try {
    const fields = readFileSync("/proc/stat", "utf8")
      .split("\n")[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// measuring

async function timed(url: string, cookie: string): Promise<{ ms: number; body: string; etag: string }> {
  const started = performance.now();
  const reply = await call(url, { headers: { cookie, accept: "application/json" } });
  const ms = performance.now() - started;
  if (reply.status !== 200) throw new Error(`${url}: status ${reply.status}\n${reply.body.slice(0, 500)}`);
  return { ms, body: reply.body, etag: String(reply.headers.etag ?? "") };
}

/**
 * The first request of a fresh process, with the share of the machine's CPU that other processes
 * (not the server, not this one) used meanwhile: /proc/stat counts in 10 ms ticks, so it means
 * something only for a request of a second or so.
 */
async function firstRequest(server: BenchServer, cookie: string) {
  const serverCpu = async () => {
    const m = await server.ask("usage");
    return m.kind === "usage" ? m.cpuMicros / 1e6 : Number.NaN;
  };
  const s0 = await serverCpu();
  const m0 = machineCpu();
  const own = process.cpuUsage();
  const reply = await timed(`${server.url}${apiPath}`, cookie);
  const ownUsed = process.cpuUsage(own);
  const m1 = machineCpu();
  const s1 = await serverCpu();
  const mine = s1 - s0 + (ownUsed.user + ownUsed.system) / 1e6;
  const others =
    m0 === undefined || m1 === undefined
      ? undefined
      : Math.max(0, m1 - m0 - mine) / ((cores * reply.ms) / 1000);
  return { ...reply, others };
}

interface Phase {
  name: string;
  result: LoadResult;
  serverCpu: number;
  machineCpu: number | undefined;
}

async function phase(server: BenchServer, name: string, config: LoadConfig): Promise<Phase> {
  const usage = async () => {
    const m = await server.ask("usage");
    return m.kind === "usage" ? m.cpuMicros / 1e6 : Number.NaN;
  };
  process.stderr.write(
    `belasting: ${name} (${config.warmupSeconds} s opwarmen, ${config.seconds} s meten) …\n`,
  );
  // the server's and the machine's CPU over warm-up and measurement; scaled to the measured part below
  const cpu0 = await usage();
  const machine0 = machineCpu();
  const started = performance.now();
  const result = await runLoad(config);
  const wall = (performance.now() - started) / 1000;
  const machine1 = machineCpu();
  const cpu1 = await usage();
  const share = result.seconds / wall;
  return {
    name,
    result,
    serverCpu: (cpu1 - cpu0) * share,
    machineCpu: machine0 === undefined || machine1 === undefined ? undefined : (machine1 - machine0) * share,
  };
}

/**
 * --hostile: the cached view at 4 connections alone, then the same while the docent's load client
 * (its own process) hammers distinct leerlijn queries over 16 connections.
 */
async function hostilePhases(server: BenchServer, victim: LoadConfig) {
  const cookie = await login(server.url, hostileAccount.username, hostileAccount.password);
  const reply = await call(`${server.url}/api/filters/opleiding?opleiding=${hostileAccount.opleiding}`, {
    headers: { cookie },
  });
  if (reply.status !== 200)
    throw new Error(`filters van ${hostileAccount.opleiding}: status ${reply.status}`);
  const options = JSON.parse(reply.body) as Record<"cohorts" | "fasen" | "gesprekssoorten", { id: string }[]>;
  const choices = (list: { id: string }[]) => [undefined, ...list.map((v) => v.id)];
  const paths: string[] = [];
  for (const cohort of choices(options.cohorts))
    for (const fase of choices(options.fasen))
      for (const gesprekssoort of choices(options.gesprekssoorten)) {
        const query = new URLSearchParams({ opleiding: hostileAccount.opleiding });
        if (cohort !== undefined) query.set("cohort", cohort);
        if (fase !== undefined) query.set("fase", fase);
        if (gesprekssoort !== undefined) query.set("gesprekssoort", gesprekssoort);
        paths.push(
          `/api/leerlijn?${query}`,
          `/api/leerlijn?opleiding=pabo-hva&cohort=bestaat-niet-${paths.length}`,
        );
      }
  const person = { ...victim, connections: 4 };
  const alone = await phase(server, "klassenoverzicht, zonder vijandige gebruiker", person);
  const attack = runLoad({
    url: `${server.url}/`,
    ...(server.urls.length > 1 ? { servers: server.urls } : {}),
    paths,
    anyStatus: true,
    headers: { cookie, accept: "application/json" },
    expectStatus: 200,
    connections: 16,
    warmupSeconds: 0,
    // over the victim's warm-up and measurement, so it is at it the whole time
    seconds: person.warmupSeconds + person.seconds + 1,
    maxRequests: 100_000,
  });
  const attacked = await phase(server, "klassenoverzicht, met vijandige gebruiker", person);
  return { phases: [alone, attacked] as const, attacker: await attack, paths: paths.length };
}

// ---------------------------------------------------------------------------------------------

const f = (x: number, digits = 1) =>
  x.toLocaleString("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const whole = (x: number) => Math.round(x).toLocaleString("nl-NL");
const verdict = (ok: boolean) => (ok ? "gehaald" : "niet gehaald");

const cores = cpus().length;
const loadAtStart = loadavg()[0] ?? 0;
const work = mkdtempSync(join(tmpdir(), "zaz-bench-dashboard-"));
let db = join(work, "bench.duckdb");
const staticDir = join(work, "static");
mkdirSync(staticDir);
let serving: BenchServer | undefined;
let cluster: PostgresCluster | undefined;

try {
  let source: string;
  if (onPostgres) {
    process.stderr.write("PostgreSQL-cluster starten …\n");
    cluster = await startPostgresCluster();
    db = await cluster.createDatabase();
    // the pseudonym key of this database, thrown away with it (not in ~/.config/zaz)
    process.env.ZAZ_KEY_FILE = join(work, "bench.key");
    // choosing the release of a big school during its import, and a first computation, may take
    // longer than a dashboard request's statement timeout (2 min) on a busy machine: measured, not cut
    process.env.ZAZ_DB_ANALYSIS_TIMEOUT_MS ??= String(60 * 60 * 1000);
    const started = performance.now();
    if (responses > 0) loadBigData(db, responses);
    else await exampleDatabase(db);
    source = `een tijdelijke PostgreSQL-database (ingelezen in ${f((performance.now() - started) / 1000)} s)`;
  } else if (responses > 0) {
    source = await bigDatabase(responses);
    // a copy: the benchmark drops and keeps views; the shared database stays as it is
    process.stderr.write(`database kopiëren naar ${db} …\n`);
    for (const suffix of ["", ".key", ".wal"])
      if (existsSync(`${source}${suffix}`)) copyFileSync(`${source}${suffix}`, `${db}${suffix}`);
  } else {
    process.stderr.write("voorbeeldgegevens inlezen …\n");
    await exampleDatabase(db);
    source = db;
  }

  // (a) berekend: nothing kept, the first request of a fresh process computes the view from SQL
  const computed: number[] = [];
  const computedOthers: number[] = [];
  const memory: number[] = [];
  for (let i = 0; i < runs; i++) {
    await clearKept(db);
    const state = await keptState(db);
    process.stderr.write(
      `ongecachet, berekend: vers proces ${i + 1} van ${runs} (bewaard: ${state.keys.length}, dataversie ${state.version}) …\n`,
    );
    const server = await startServer(db, staticDir);
    try {
      const cookie = await login(server.url, username, password);
      const first = await firstRequest(server, cookie);
      computed.push(first.ms);
      if (first.others !== undefined) computedOthers.push(first.others);
      // the same view again, now from memory: one request at a time
      for (let j = 0; j < 5; j++) memory.push((await timed(`${server.url}${apiPath}`, cookie)).ms);
    } finally {
      await server.stop();
    }
  }

  // (b) bewaard: kept by the processes above, read from view_results by the first request of a fresh one
  const fromKept: { ms: number; keysBefore: string[]; computed?: boolean }[] = [];
  let body = "";
  let etag = "";
  let cookie = "";
  for (let i = 0; i < runs; i++) {
    const state = await keptState(db);
    if (state.keys.length === 0) throw new Error("het overzicht is niet bewaard in view_results");
    // a process before this one found nothing under its key: it computed, and kept a second key
    const before = fromKept.at(-1);
    if (before !== undefined) before.computed = state.keys.some((k) => !before.keysBefore.includes(k));
    process.stderr.write(
      `ongecachet, bewaard: vers proces ${i + 1} van ${runs} (bewaard: ${state.keys.length}, dataversie ${state.version}) …\n`,
    );
    const server = await startServer(db, staticDir);
    serving = server;
    cookie = await login(server.url, username, password);
    const first = await firstRequest(server, cookie);
    fromKept.push({ ms: first.ms, keysBefore: state.keys });
    ({ body, etag } = first);
    if (i < runs - 1) {
      await server.stop();
      serving = undefined;
    }
  }
  // --store postgres: more processes beside the last fresh one, on the same database, for the load
  const lastFresh = serving!;
  const more: BenchServer[] = [];
  for (let i = 1; i < processes; i++) {
    process.stderr.write(`dashboardproces ${i + 1} van ${processes} starten …\n`);
    // (a process that fails to start leaves the others to the finally below)
    more.push(await startServer(db, staticDir));
  }
  const server = serverGroup([lastFresh, ...more]);
  serving = server;
  // The other processes' first request, before the load: with the login made on the first process
  // (sessions are shared) and, normally, the view the first one kept. Another ETag means another
  // body: that process computed the view itself (its code differed when it started: see
  // codeFingerprint), and a browser's If-None-Match then gets 200 there.
  const otherProcesses: string[] = [];
  for (const [i, other] of more.entries()) {
    const first = await timed(`${other.url}${apiPath}`, cookie);
    otherProcesses.push(
      `proces ${i + 2}: eerste verzoek ${f(first.ms)} ms${first.etag === etag ? "" : ", een andere ETag (het overzicht zelf berekend: andere code bij de start)"}`,
    );
  }

  // what `npm start` does in the background after it listens, here finished before the load
  let precompute: { views: number; ms: number } | undefined;
  if (!values["no-precompute"]) {
    process.stderr.write("vooraf berekenen (precompute) …\n");
    const precomputed = await server.ask("precompute", 30 * 60_000);
    if (precomputed.kind === "precomputed") precompute = precomputed;
  }

  // the baseline: the same bytes from express.static in the same app
  writeFileSync(join(staticDir, "class-overview.json"), body);
  const bytes = Buffer.byteLength(body);
  const check = await call(`${server.url}${staticPath}`);
  if (check.status !== 200 || check.body !== body)
    throw new Error("het statische bestand is niet gelijk aan het overzicht");

  const headers = { cookie, accept: "application/json" };
  const load = (url: string, extra: Partial<LoadConfig> = {}): LoadConfig => ({
    url,
    headers,
    expectStatus: 200,
    expectBytes: bytes,
    connections,
    warmupSeconds: warmup,
    seconds,
    maxRequests,
    ...(server.urls.length > 1 ? { servers: server.urls } : {}),
    ...extra,
  });
  const phases = [
    await phase(server, "statisch bestand (express.static)", load(`${server.url}${staticPath}`)),
    await phase(server, "API, gecachet (zonder If-None-Match)", load(`${server.url}${apiPath}`)),
  ];
  if (!values["no-etag"])
    phases.push(
      await phase(
        server,
        "API, gecachet, met If-None-Match (304)",
        load(`${server.url}${apiPath}`, {
          headers: { ...headers, "if-none-match": etag },
          expectStatus: 304,
          expectBytes: 0,
        }),
      ),
    );
  const hostile = values.hostile ? await hostilePhases(server, load(`${server.url}${apiPath}`)) : undefined;
  const usage = await server.ask("usage");
  const rss = usage.kind === "usage" ? usage.rssBytes / 2 ** 20 : Number.NaN;
  await server.stop();
  serving = undefined;
  const last = fromKept.at(-1)!;
  const after = await keptState(db);
  last.computed = after.keys.some((k) => !last.keysBefore.includes(k));

  // ---------------------------------------------------------------------------------------------
  const [staticPhase, apiPhase] = phases as [Phase, Phase];
  const throughput = apiPhase.result.requestsPerSecond / staticPhase.result.requestsPerSecond;
  const p95 = apiPhase.result.p95Ms / staticPhase.result.p95Ms;
  const others = phases.map((p) =>
    p.machineCpu === undefined ? undefined : p.machineCpu - p.serverCpu - p.result.cpuSeconds,
  );
  const list = (xs: number[]) => xs.map((x) => f(x)).join(", ");
  // a "bewaard" run that computed after all (the view code changed while the benchmark ran) does not count
  const keptMs = fromKept.filter((r) => !r.computed).map((r) => r.ms);
  const keptList = fromKept.map((r) => `${f(r.ms)}${r.computed ? "*" : ""}`).join(", ");
  const what =
    responses > 0
      ? `${whole(responses)} antwoorden in ${bigSchool} (${bigWaves.join(", ")}) naast de voorbeeldgegevens`
      : "alleen de voorbeeldgegevens";
  const lines = [
    onPostgres
      ? `database: ${what}; PostgreSQL: ${source}; ${processes} dashboardprocessen op dezelfde database, de verbindingen om en om verdeeld`
      : `database: ${what}; DuckDB: ${responses > 0 ? `een kopie van ${source}` : "in een tijdelijke map ingelezen"}`,
    `klassenoverzicht ${school} ${wave}: GET ${apiPath}, ${f(bytes / 1024)} KiB JSON`,
    `machine: ${cores} kernen, belasting bij de start ${f(loadAtStart, 2)} (1 min)`,
    "",
    `ongecachet, berekend (eerste verzoek in een vers proces, niets bewaard): mediaan ${f(computed.length ? median(computed) : Number.NaN)} ms (${list(computed)}) · doel ≤ 100 ms: ${verdict(median(computed) <= 100)}`,
    `ongecachet, bewaard (eerste verzoek na start, uit view_results): mediaan ${f(median(keptMs))} ms (${keptList}) · doel ≤ 100 ms: ${verdict(median(keptMs) <= 100)}`,
    ...(keptMs.length < fromKept.length
      ? [
          "  * toch berekend: de code van de overzichten veranderde tijdens de meting (andere sleutel in view_results); niet meegeteld",
        ]
      : []),
    `gecachet, één verzoek tegelijk (uit het geheugen): mediaan ${f(median(memory))} ms`,
    ...(otherProcesses.length > 0
      ? [`de andere processen (ingelogd op het eerste): ${otherProcesses.join("; ")}`]
      : []),
    precompute === undefined
      ? "vooraf berekenen (precompute): overgeslagen (--no-precompute)"
      : `vooraf berekenen (precompute, zoals npm start na het starten; vóór de belasting afgewacht): ${precompute.views} overzichten in ${f(precompute.ms / 1000)} s`,
    "",
    `belasting: ${connections} verbindingen (keep-alive), ${f(seconds, 0)} s na ${f(warmup, 0)} s opwarmen, loopback; loadclient in een eigen proces`,
    ...phases.map((p, i) => {
      const r = p.result;
      const cpu = `CPU server ${f(p.serverCpu)} s, loadclient ${f(r.cpuSeconds)} s${others[i] === undefined ? "" : `, overig ${f(Math.max(0, others[i]))} s`} van ${f(cores * r.seconds, 0)} s`;
      return `  ${p.name}: ${whole(r.requestsPerSecond)} verzoeken/s, p50 ${f(r.p50Ms)} ms, p95 ${f(r.p95Ms)} ms, p99 ${f(r.p99Ms)} ms, max ${f(r.maxMs)} ms; ${whole(r.requests)} verzoeken, ${r.failures} fouten${r.firstFailure ? ` (${r.firstFailure})` : ""}; ${cpu}`;
    }),
    `doorvoer API / statisch: ${f(throughput, 2)}× · doel ≥ 0,5×: ${verdict(throughput >= 0.5)}`,
    `p95 API / statisch: ${f(p95, 2)}× · doel ≤ 2×: ${verdict(p95 <= 2)}`,
    `RSS van de server na de belasting: ${f(rss, 0)} MiB${processes > 1 ? ` (${processes} processen samen)` : ""}`,
  ];
  if (hostile !== undefined) {
    const [alone, attacked] = hostile.phases;
    const ratio = attacked.result.p95Ms / alone.result.p95Ms;
    const statuses = Object.entries(hostile.attacker.statuses ?? {})
      .map(([status, n]) => `${whole(n)}× ${status}`)
      .join(", ");
    lines.push(
      "",
      `vijandige gebruiker (--hostile): klassenoverzicht (bewaard) door de beheerder over 4 verbindingen, ${f(seconds, 0)} s, zonder en met een docent die /api/leerlijn over 16 verbindingen bestookt (${hostile.paths} verschillende queries: elke bestaande combinatie, afgewisseld met waarden die niet bestaan)`,
      ...hostile.phases.map(
        (p) =>
          `  ${p.name}: ${whole(p.result.requestsPerSecond)} verzoeken/s, p50 ${f(p.result.p50Ms)} ms, p95 ${f(p.result.p95Ms)} ms, p99 ${f(p.result.p99Ms)} ms, max ${f(p.result.maxMs)} ms; ${p.result.failures} fouten`,
      ),
      `  de docent: ${whole(hostile.attacker.requests)} verzoeken (${f(hostile.attacker.requestsPerSecond)}/s): ${statuses}`,
      `p95 met / zonder vijandige gebruiker: ${f(ratio, 2)}× · doel ≤ 2×: ${verdict(ratio <= 2)}`,
    );
  }
  // what other processes on the machine took while we measured (see firstRequest and phase)
  const duringLoad = Math.max(0, ...phases.map((p, i) => (others[i] ?? 0) / (cores * p.result.seconds)));
  const duringComputation = Math.max(0, ...computedOthers);
  if (Math.max(duringLoad, duringComputation) > 0.1)
    lines.push(
      `let op: andere processen gebruikten de machine tijdens de meting (tot ${f(duringComputation * 100, 0)}% van de CPU tijdens het berekenen, tot ${f(duringLoad * 100, 0)}% tijdens de belasting, naast server en loadclient): de absolute getallen zijn lager en de verhoudingen onzekerder dan op een rustige machine`,
    );
  if (phases.some((p) => p.result.failures > 0)) process.exitCode = 1;
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  await serving?.stop().catch(() => undefined);
  for (const child of children) child.kill();
  await cluster?.stop();
  rmSync(work, { recursive: true, force: true });
}
