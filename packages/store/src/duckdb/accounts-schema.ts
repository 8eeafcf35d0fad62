import type { Migration } from "./migrations.js";

/**
 * The schema of the accounts file (accounts-store.ts), as ordered steps like the research
 * database's migrations.ts. Never edit a step that has shipped: add a new one.
 */
export const accountsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: "users, sessions, account state",
    // Small tables read by key on every dashboard request, so here a primary key pays its way.
    // account_state remembers which research database's accounts were moved in (move-accounts.ts).
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
      `CREATE TABLE account_state (
        name VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
      )`,
    ],
  },
  // One ALTER per step: DuckDB cannot commit two ALTERs of a table with a primary key in one
  // transaction ("another transaction has altered this table").
  {
    version: 2,
    name: "blocked accounts",
    // A blocked account keeps its row (role, scopes, who it is) but gets no session.
    statements: ["ALTER TABLE users ADD COLUMN blocked BOOLEAN DEFAULT false"],
  },
  {
    version: 3,
    name: "display names (single sign-on)",
    // What an SSO account's claims call the person, for `zaz user list` and the page header.
    statements: ["ALTER TABLE users ADD COLUMN display_name VARCHAR"],
  },
];
