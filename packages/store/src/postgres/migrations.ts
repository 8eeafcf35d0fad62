import { researcherViews } from "../duckdb/researcher-views.js";
import { StoreError, storeMessages } from "../messages.js";
import { lockFor, type PgDatabase, type Sql, writeLock } from "./connection.js";

export interface PgMigration {
  version: number;
  name: string;
  statements: readonly string[];
}

/**
 * The PostgreSQL schema, as ordered steps with the numbers and names of the DuckDB list
 * (duckdb/migrations.ts) where the concept exists. Never edit a step that has shipped: add one.
 *
 * The tables and columns are DuckDB's, so the analysis SQL and the researcher views (`onderzoek_*`)
 * are the same on both. Unlike DuckDB, PostgreSQL's indexes are cheap to keep, and several
 * processes read and write at once, so lookups by id, key and context value are indexed.
 */
export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    name: "imports, responses, answers, roster",
    statements: [
      `CREATE TABLE imports (
        id VARCHAR PRIMARY KEY,
        seq INTEGER NOT NULL,
        file_name VARCHAR NOT NULL,
        instrument_id VARCHAR NOT NULL,
        instrument_version VARCHAR NOT NULL,
        profile VARCHAR NOT NULL,
        rows_read INTEGER NOT NULL,
        imported_at TIMESTAMP NOT NULL,
        responses INTEGER NOT NULL,
        answers BIGINT NOT NULL
      )`,
      `CREATE TABLE import_context (
        import_id VARCHAR NOT NULL,
        dimension VARCHAR NOT NULL,
        value VARCHAR NOT NULL
      )`,
      "CREATE INDEX import_context_import ON import_context (import_id)",
      `CREATE TABLE responses (
        id BIGINT PRIMARY KEY,
        import_id VARCHAR NOT NULL,
        instrument_id VARCHAR NOT NULL,
        key VARCHAR NOT NULL,
        row INTEGER NOT NULL,
        submitted_at VARCHAR
      )`,
      "CREATE INDEX responses_import ON responses (import_id)",
      "CREATE INDEX responses_key ON responses (instrument_id, key)",
      `CREATE TABLE response_context (
        response_id BIGINT NOT NULL,
        dimension VARCHAR NOT NULL,
        value VARCHAR NOT NULL
      )`,
      "CREATE INDEX response_context_response ON response_context (response_id)",
      "CREATE INDEX response_context_value ON response_context (dimension, value)",
      // erasure of a respondent looks for the pseudonym in any dimension
      "CREATE INDEX response_context_any_value ON response_context (value)",
      `CREATE TABLE answers (
        response_id BIGINT NOT NULL,
        seq INTEGER NOT NULL,
        item VARCHAR NOT NULL,
        code DOUBLE PRECISION,
        text VARCHAR,
        missing VARCHAR
      )`,
      "CREATE INDEX answers_response ON answers (response_id, seq)",
      `CREATE TABLE roster (
        school VARCHAR NOT NULL,
        groep VARCHAR NOT NULL,
        wave VARCHAR NOT NULL,
        families INTEGER NOT NULL,
        source VARCHAR NOT NULL,
        loaded_at TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE store_state (
        name VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: "users, sessions",
    // Accounts have their own steps on PostgreSQL too (accounts-schema.ts, tables in the same
    // database): the number stays taken so both lists keep DuckDB's numbering.
    statements: [],
  },
  {
    version: 3,
    name: "pending imports",
    // Always false here: an import is one transaction, invisible until it commits. The column is
    // kept so the analysis SQL and the researcher views are the same on both stores.
    statements: ["ALTER TABLE imports ADD COLUMN pending BOOLEAN NOT NULL DEFAULT false"],
  },
  {
    version: 4,
    name: "stored instruments, analysis tables, data version, view results",
    statements: [
      `CREATE TABLE instruments (
        key INTEGER PRIMARY KEY,
        id VARCHAR NOT NULL,
        version VARCHAR NOT NULL,
        role VARCHAR,
        hash VARCHAR NOT NULL UNIQUE,
        definition VARCHAR NOT NULL,
        stored_at TIMESTAMP NOT NULL
      )`,
      "ALTER TABLE imports ADD COLUMN instrument_key INTEGER",
      `CREATE TABLE view_results (
        key VARCHAR PRIMARY KEY,
        data_version BIGINT NOT NULL,
        body VARCHAR NOT NULL
      )`,
      "INSERT INTO store_state VALUES ('data_version', '1')",
    ],
  },
  {
    version: 5,
    name: "registry of schools and boards",
    statements: [
      `CREATE TABLE registry (
        kind VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        bestuur VARCHAR,
        brin VARCHAR,
        registered_at TIMESTAMP NOT NULL,
        PRIMARY KEY (kind, id)
      )`,
    ],
  },
  {
    version: 6,
    name: "action points and their audit trail",
    statements: [
      `CREATE TABLE action_points (
        id INTEGER PRIMARY KEY,
        school VARCHAR NOT NULL,
        groep VARCHAR,
        concept VARCHAR NOT NULL,
        description VARCHAR NOT NULL,
        wie VARCHAR NOT NULL,
        wave VARCHAR NOT NULL,
        effect_wave VARCHAR NOT NULL,
        done BOOLEAN NOT NULL,
        created_at TIMESTAMP NOT NULL,
        created_by VARCHAR NOT NULL,
        updated_at TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE action_point_log (
        action_id INTEGER NOT NULL,
        changed_at TIMESTAMP NOT NULL,
        changed_by VARCHAR NOT NULL,
        change VARCHAR NOT NULL,
        detail VARCHAR NOT NULL
      )`,
    ],
  },
  {
    version: 7,
    name: "content hash of responses",
    // No stored responses predate this on PostgreSQL (the store starts at this schema), so an added
    // column is all it takes; the import fills it (content-hash.ts).
    statements: ["ALTER TABLE responses ADD COLUMN content_hash VARCHAR"],
  },
  {
    version: 8,
    name: "researcher views without pending imports",
    // The same views as on DuckDB (README, "The database"); on PostgreSQL nothing is ever pending.
    statements: researcherViews,
  },
  {
    version: 9,
    name: "column mappings per school and instrument",
    // what a person reviewed in the dashboard's upload page, offered again for the school's next export
    statements: [
      `CREATE TABLE mappings (
        school VARCHAR NOT NULL,
        instrument_id VARCHAR NOT NULL,
        mapping VARCHAR NOT NULL,
        updated_by VARCHAR NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (school, instrument_id)
      )`,
    ],
  },
];

/**
 * Brings the schema up to date, one transaction per step, under an advisory lock so two processes
 * starting together (two dashboards) migrate once: the second waits, then finds nothing to do.
 * `table` is the list's own version table (research data and accounts have separate lists).
 */
export async function migratePg(
  db: PgDatabase,
  steps: readonly PgMigration[] = pgMigrations,
  table = "schema_migrations",
): Promise<number[]> {
  return db.transaction(async (client) => {
    await lockFor(client, writeLock.migrate);
    await client.run(`CREATE TABLE IF NOT EXISTS ${table} (
      version INTEGER PRIMARY KEY,
      name VARCHAR NOT NULL,
      applied_at TIMESTAMP NOT NULL
    )`);
    const current = await schemaVersionPg(client, table);
    const known = Math.max(0, ...steps.map((m) => m.version));
    if (current > known) throw new StoreError(storeMessages.schemaTooNew(displayUrl(db.url), current, known));
    const applied: number[] = [];
    // PostgreSQL has transactional DDL: the steps commit together with the lock's transaction,
    // and a failing step leaves the schema as it was.
    for (const step of [...steps].sort((a, b) => a.version - b.version)) {
      if (step.version <= current) continue;
      for (const statement of step.statements) await client.run(statement);
      await client.run(`INSERT INTO ${table} VALUES ($1, $2, CAST($3 AS TIMESTAMP))`, [
        step.version,
        step.name,
        new Date().toISOString(),
      ]);
      applied.push(step.version);
    }
    return applied;
  });
}

export async function schemaVersionPg(db: Sql, table = "schema_migrations"): Promise<number> {
  return Number((await db.scalar(`SELECT coalesce(max(version), 0) FROM ${table}`)) ?? 0);
}

/** A database URL without its password, for messages. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "PostgreSQL";
  }
}
