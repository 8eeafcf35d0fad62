import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A throw-away PostgreSQL server for tests: trust authentication on 127.0.0.1, never for real data. */
export interface PostgresCluster {
  /** the URL of database `dbName` on this server */
  url(dbName: string): string;
  /** a new, empty database with a unique name: its URL */
  createDatabase(): Promise<string>;
  /** stops the server at once and removes its files */
  stop(): Promise<void>;
}

const superuser = "postgres";

/** The bin folder of the newest installed PostgreSQL (Debian's layout), or of `ZAZ_PG_BIN`. */
export function postgresBinDir(): string {
  const fromEnv = process.env.ZAZ_PG_BIN;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!existsSync(join(fromEnv, "initdb"))) throw new Error(`ZAZ_PG_BIN=${fromEnv} bevat geen initdb`);
    return fromEnv;
  }
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter(
          (v) => existsSync(join(root, v, "bin", "initdb")) && existsSync(join(root, v, "bin", "pg_ctl")),
        )
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(
      "PostgreSQL is niet geïnstalleerd (geen /usr/lib/postgresql/*/bin/initdb): installeer het pakket " +
        "`postgresql` (apt-get install postgresql), zet ZAZ_PG_BIN op de map met initdb en pg_ctl, " +
        "of draai alleen de DuckDB-tests (vitest run --project duckdb).",
    );
  }
  return join(root, newest, "bin");
}

/** PostgreSQL refuses to run as root: as root, run its programs as the `postgres` user. */
function asServerUser(command: string, args: readonly string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, [...args]];
  return ["runuser", ["-u", superuser, "--", command, ...args]];
}

function run(command: string, args: readonly string[]): void {
  const [file, argv] = asServerUser(command, args);
  const r = spawnSync(file, argv, { encoding: "utf8", timeout: 60_000 });
  if (r.error !== undefined) throw new Error(`${command}: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(" ")} (code ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The cluster's folder. As root the server runs as `postgres`, which must be able to reach the folder:
 * the test run's TMPDIR is private to root (0700), so the folder goes in /tmp itself, and `stop()` (or
 * the exit handler) removes it.
 */
function clusterDir(): string {
  const parent = process.getuid?.() === 0 ? "/tmp" : tmpdir();
  const dir = mkdtempSync(join(parent, "zaz-pg-"));
  if (process.getuid?.() === 0) {
    let ids: [number, number];
    try {
      ids = [
        Number(execFileSync("id", ["-u", superuser], { encoding: "utf8" }).trim()),
        Number(execFileSync("id", ["-g", superuser], { encoding: "utf8" }).trim()),
      ];
    } catch {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(
        `Als root draait PostgreSQL als gebruiker "${superuser}", maar die bestaat niet: installeer het pakket postgresql (dat maakt hem aan) of draai de tests als gewone gebruiker.`,
      );
    }
    chownSync(dir, ...ids);
  }
  chmodSync(dir, 0o700);
  return dir;
}

let databaseCounter = 0;

/** Creates a database with a unique name on the server at `serverUrl` (any database URL on it): its URL. */
export async function createDatabaseAt(serverUrl: string): Promise<string> {
  databaseCounter += 1;
  const name = `zaz_test_${process.pid}_${databaseCounter}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // template0: a clean copy, and no wait for other sessions on template1
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts a new PostgreSQL cluster in a temporary folder on a free port of 127.0.0.1 and waits until it
 * accepts connections. Durability is switched off (fsync, synchronous_commit): the cluster lives for
 * one test run.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dir = clusterDir();
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  let stopped = false;
  const stopNow = (): void => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, "postmaster.pid"))) {
      const [file, argv] = asServerUser(join(bin, "pg_ctl"), ["stop", "-D", data, "-m", "immediate", "-w"]);
      spawnSync(file, argv, { stdio: "ignore", timeout: 30_000 });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // a test run that dies without stop() must not leave a server running
  process.once("exit", stopNow);
  try {
    run(join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      superuser,
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C",
      "--no-sync",
      "--no-instructions",
    ]);
    let port = 0;
    // a free port can be taken between the check and the start: try a few
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        "-c listen_addresses=127.0.0.1",
        `-c unix_socket_directories=${dir}`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=300",
      ].join(" ");
      try {
        run(join(bin, "pg_ctl"), ["start", "-D", data, "-l", log, "-w", "-t", "60", "-o", options]);
        break;
      } catch (error) {
        if (attempt >= 3) {
          const serverLog = existsSync(log) ? readFileSync(log, "utf8") : "";
          throw new Error(`PostgreSQL start mislukt: ${(error as Error).message}\n${serverLog}`);
        }
      }
    }
    const url = (dbName: string): string =>
      `postgresql://${superuser}@127.0.0.1:${port}/${encodeURIComponent(dbName)}`;
    return {
      url,
      createDatabase: () => createDatabaseAt(url("postgres")),
      stop: async () => {
        process.removeListener("exit", stopNow);
        stopNow();
      },
    };
  } catch (error) {
    process.removeListener("exit", stopNow);
    stopNow();
    throw error;
  }
}
