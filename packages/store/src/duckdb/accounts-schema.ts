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
];
