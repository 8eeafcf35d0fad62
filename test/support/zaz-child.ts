import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import pg from "pg";

const repoRoot = join(import.meta.dirname, "..", "..");

export interface ZazChild {
  child: ChildProcess;
  /** resolves when the process has ended: its exit code, or the signal that ended it */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** `zaz ARGS` in a process of its own (from source), as a second program beside the test's. */
export function spawnZaz(args: readonly string[]): ZazChild {
  const child = spawn(
    process.execPath,
    ["--conditions=zaz-source", "--import", "tsx", join(repoRoot, "apps", "cli", "src", "bin.ts"), ...args],
    { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve({ code, signal, stderr }));
    },
  );
  return { child, ended };
}

/** Tells whether an import's transaction is open in a PostgreSQL database, over one connection of its own. */
export interface ImportWatch {
  running(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Watches the database at `url` for an open import: the PostgreSQL store writes an import with
 * `COPY … FROM STDIN` batches inside one transaction, so a session whose last statement was a COPY and
 * that is still active or idle in its transaction is an import under way.
 */
export async function watchImports(url: string): Promise<ImportWatch> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    running: async () => {
      const r = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND state IN ('active', 'idle in transaction') AND query ILIKE 'COPY%'`,
      );
      return (r.rows[0]?.n ?? 0) > 0;
    },
    close: () => client.end(),
  };
}

/** Polls `check` every 25 ms until it holds; false when `withinMs` passed first. */
export async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = performance.now() + withinMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

/**
 * For a test that has hung before without saying where: if it still runs after `afterMs`, prints
 * the database's sessions (state, what they wait on, their last statement) and its lock waits to
 * stderr, once. Returns the function that stops the timer.
 */
export function reportWhenSlow(url: string, afterMs: number, label: string): () => void {
  const timer = setTimeout(async () => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const sessions = await client.query(
        `SELECT pid, application_name, state, wait_event_type, wait_event, now() - xact_start AS in_transaction,
           left(query, 160) AS query
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const waits = await client.query("SELECT pid, locktype, mode, objid FROM pg_locks WHERE NOT granted");
      process.stderr.write(
        `${label}: still running after ${afterMs} ms; sessions ${JSON.stringify(sessions.rows)}; lock waits ${JSON.stringify(waits.rows)}\n`,
      );
    } catch (error) {
      process.stderr.write(`${label}: still running after ${afterMs} ms; no report: ${String(error)}\n`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }, afterMs);
  timer.unref();
  return () => clearTimeout(timer);
}
