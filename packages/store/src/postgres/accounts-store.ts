import { StoreError, storeMessages } from "../messages.js";
import { compareNatural } from "../natural-order.js";
import type {
  AccountsStore,
  AddUserOutcome,
  SessionTable,
  StoredSession,
  StoredUser,
  UserRecord,
  UserTable,
} from "../store.js";
import { decodeUserScopes, encodeUserScopes } from "../user-scopes-json.js";
import { PgDatabase, type PgOptions, type SqlRow } from "./connection.js";
import { migratePg, type PgMigration } from "./migrations.js";
import { openError } from "./open-error.js";

/**
 * The dashboard's accounts and sessions on PostgreSQL: tables in the same database as the research
 * data, so every dashboard process behind one address shares logins. They are not in the researcher
 * views (`onderzoek_*`); give researchers a role that may read only those (README, deployment).
 * The steps follow the DuckDB accounts file's (duckdb/accounts-schema.ts), with their own version table.
 */
export const pgAccountsMigrations: readonly PgMigration[] = [
  {
    version: 1,
    name: "users, sessions, account state",
    statements: [
      `CREATE TABLE users (
        username VARCHAR PRIMARY KEY,
        role VARCHAR NOT NULL,
        scopes VARCHAR NOT NULL,
        password_hash VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE sessions (
        id VARCHAR PRIMARY KEY,
        record VARCHAR NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      "CREATE INDEX sessions_expiry ON sessions (expires_at)",
      `CREATE TABLE account_state (
        name VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: "blocked accounts",
    statements: ["ALTER TABLE users ADD COLUMN blocked BOOLEAN NOT NULL DEFAULT false"],
  },
  {
    version: 3,
    name: "display names (single sign-on)",
    statements: ["ALTER TABLE users ADD COLUMN display_name VARCHAR"],
  },
];

export const accountsMigrationsTable = "account_migrations";

export type PgAccountsOptions = PgOptions;

export async function openPostgresAccounts(
  url: string,
  options: PgAccountsOptions = {},
): Promise<AccountsStore> {
  // few, small requests: a small pool is plenty
  const db = await PgDatabase.open(url, { poolSize: options.poolSize ?? 4 });
  try {
    await migratePg(db, pgAccountsMigrations, accountsMigrationsTable);
  } catch (error) {
    await db.close();
    throw openError(url, error);
  }
  return new PostgresAccountsStore(db);
}

const columns = `username, role, scopes, password_hash, blocked, display_name,
  to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`;

function toUser(row: SqlRow): UserRecord {
  const user = {
    username: String(row.username),
    role: String(row.role),
    passwordHash: String(row.password_hash),
    createdAt: String(row.created_at),
    blocked: row.blocked === true,
    ...(row.display_name === null || row.display_name === undefined
      ? {}
      : { displayName: String(row.display_name) }),
  };
  try {
    return { ...user, scopes: decodeUserScopes(String(row.scopes)) };
  } catch (error) {
    return { ...user, scopes: {}, damaged: error instanceof Error ? error.message : String(error) };
  }
}

class PostgresAccountsStore implements AccountsStore {
  private closed = false;

  constructor(private readonly db: PgDatabase) {}

  private get open(): PgDatabase {
    if (this.closed) throw new StoreError(storeMessages.storeClosed());
    return this.db;
  }

  readonly users: UserTable = {
    add: async (user: StoredUser): Promise<AddUserOutcome> => {
      if (user.username === "") throw new Error("A user needs a username");
      if (user.passwordHash === "") throw new Error("A user needs a password hash");
      // the primary key decides, so two processes cannot both add the same name
      const added = await this.open.run(
        `INSERT INTO users (username, role, scopes, password_hash, created_at, blocked, display_name)
         VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP), $6, $7) ON CONFLICT (username) DO NOTHING`,
        [
          user.username,
          user.role,
          encodeUserScopes(user.scopes),
          user.passwordHash,
          new Date().toISOString(),
          user.blocked === true,
          user.displayName ?? null,
        ],
      );
      return added === 1 ? "added" : "exists";
    },
    find: async (username) => {
      const [row] = await this.open.all(`SELECT ${columns} FROM users WHERE username = $1`, [username]);
      return row === undefined ? undefined : toUser(row);
    },
    list: async () =>
      (await this.open.all(`SELECT ${columns} FROM users`))
        .map(toUser)
        .sort((a, b) => compareNatural(a.username, b.username)),
    remove: async (username) =>
      (await this.open.run("DELETE FROM users WHERE username = $1", [username])) > 0,
    setPasswordHash: async (username, passwordHash) => {
      if (passwordHash === "") throw new Error("A user needs a password hash");
      return (
        (await this.open.run("UPDATE users SET password_hash = $2 WHERE username = $1", [
          username,
          passwordHash,
        ])) > 0
      );
    },
    setBlocked: async (username, blocked) =>
      (await this.open.run("UPDATE users SET blocked = $2 WHERE username = $1", [username, blocked])) > 0,
    setAccess: async (username, access) =>
      (await this.open.run("UPDATE users SET role = $2, scopes = $3, display_name = $4 WHERE username = $1", [
        username,
        access.role,
        encodeUserScopes(access.scopes),
        access.displayName ?? null,
      ])) > 0,
  };

  readonly sessions: SessionTable = {
    get: async (id): Promise<StoredSession | undefined> => {
      const [row] = await this.open.all("SELECT record, expires_at FROM sessions WHERE id = $1", [id]);
      return row === undefined
        ? undefined
        : { record: String(row.record), expiresAt: Number(row.expires_at) };
    },
    set: async (id, record, expiresAt) => {
      if (!Number.isFinite(expiresAt))
        throw new Error(`Session expiry must be a finite time, got ${expiresAt}`);
      await this.open.run(
        `INSERT INTO sessions VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET record = excluded.record, expires_at = excluded.expires_at`,
        [id, record, BigInt(Math.floor(expiresAt))],
      );
    },
    destroy: async (id) => {
      await this.open.run("DELETE FROM sessions WHERE id = $1", [id]);
    },
    purgeExpired: (now) =>
      this.open.run("DELETE FROM sessions WHERE expires_at <= $1", [BigInt(Math.floor(now))]),
  };

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.close();
  }
}
