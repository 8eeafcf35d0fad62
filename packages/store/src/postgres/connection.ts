import type pg from "pg";
import type { SqlValue } from "../analysis/params.js";

export type { SqlValue };
export type SqlRow = Record<string, unknown>;

/** int8 (counts, ids) as BigInt, like DuckDB's client: a count is exact and an id never rounds. */
const int8 = 20;
const typesOf = (driver: typeof pg) => ({
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === int8
      ? (value: string) => BigInt(value)
      : driver.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
});

/**
 * The driver, loaded when a PostgreSQL database is first opened: loading it (and the fetch
 * implementation it pulls in) took about 50 ms of every `zaz` command's start, also on DuckDB.
 */
export async function loadPg(): Promise<typeof pg> {
  return (await import("pg")).default;
}

/** What the store's SQL helpers need of a connection: the pool, or one client inside a transaction. */
export interface Sql {
  /** rows changed */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** the first column of the first row; undefined without rows */
  scalar(sql: string, params?: readonly SqlValue[]): Promise<unknown>;
}

class Queries implements Sql {
  constructor(private readonly target: pg.Pool | pg.PoolClient) {}

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.target.query(sql, [...params])).rowCount ?? 0;
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    return (await this.target.query<SqlRow>(sql, [...params])).rows;
  }

  async scalar(sql: string, params: readonly SqlValue[] = []): Promise<unknown> {
    const result = await this.target.query({ text: sql, values: [...params], rowMode: "array" });
    const row = result.rows[0] as unknown[] | undefined;
    return row?.[0];
  }
}

/** One client of the pool, held for a transaction (and for COPY, which needs the same connection). */
export class PgClient extends Queries {
  constructor(readonly client: pg.PoolClient) {
    super(client);
  }
}

export interface PgOptions {
  /** connections in the pool; default ZAZ_DB_POOL, else 10 */
  poolSize?: number;
}

export const defaultPoolSize = 10;

/** The pool size from ZAZ_DB_POOL (a whole number ≥ 1), else the default. */
export function poolSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ZAZ_DB_POOL);
  return Number.isInteger(value) && value >= 1 ? value : defaultPoolSize;
}

/** A PostgreSQL database behind a pool; work outside a transaction runs on any free connection. */
export class PgDatabase extends Queries {
  private constructor(
    readonly url: string,
    readonly pool: pg.Pool,
  ) {
    super(pool);
  }

  static async open(url: string, options: PgOptions = {}): Promise<PgDatabase> {
    const driver = await loadPg();
    const pool = new driver.Pool({
      connectionString: url,
      max: options.poolSize ?? poolSizeFromEnv(),
      types: typesOf(driver),
      application_name: "zaz",
    });
    // An idle client losing its server (a restart) must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    return new PgDatabase(url, pool);
  }

  /** `work` in one transaction on one client: committed when it returns, rolled back when it throws. */
  async transaction<T>(work: (client: PgClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
    const client = await this.pool.connect();
    // a client whose transaction could not be ended (a lost connection) must not go back to the pool
    let healthy = false;
    try {
      await client.query(begin);
      let result: T;
      try {
        result = await work(new PgClient(client));
      } catch (error) {
        // the original error is the one worth reporting
        await client.query("ROLLBACK").then(
          () => {
            healthy = true;
          },
          () => undefined,
        );
        throw error;
      }
      await client.query("COMMIT");
      healthy = true;
      return result;
    } finally {
      client.release(!healthy);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * Transaction-scoped advisory locks: writers of one kind take turns across every process on the
 * database (two dashboards and a CLI), and the lock goes with the commit or rollback.
 */
export const writeLock = {
  /** imports, erasures, adopting instruments: they number responses and instruments by max + 1 */
  imports: 0x7a617a01,
  /** small tables people edit: registry, roster, action points */
  tables: 0x7a617a02,
  /** migrating the schema at open */
  migrate: 0x7a617a03,
} as const;

export async function lockFor(client: Sql, lock: number): Promise<void> {
  await client.scalar("SELECT pg_advisory_xact_lock($1)", [lock]);
}

export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
