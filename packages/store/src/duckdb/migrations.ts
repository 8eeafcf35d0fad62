import { StoreError, storeMessages } from "../messages.js";
import type { DuckDb } from "./connection.js";
import { backfillContentHashes } from "./content-hash.js";
import { backfillRegistry } from "./registry-backfill.js";
import { researcherViews } from "./researcher-views.js";

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
  /** work beyond DDL (rewriting stored data), after the statements, in the same transaction */
  run?: (db: DuckDb) => Promise<void>;
}

/**
 * The schema, as ordered steps. Never edit a step that has shipped: add a new one.
 *
 * Long format, portable to PostgreSQL: context is one row per (response, dimension) so filtering
 * by a dimension is a plain semi-join in both databases. No primary keys or indexes on the big
 * tables: identity and deduplication are enforced by the import code inside its transaction, and
 * DuckDB's index structures would cost memory the 1M-response target does not have.
 */
export const migrations: readonly Migration[] = [
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
      `CREATE TABLE responses (
        id BIGINT NOT NULL,
        import_id VARCHAR NOT NULL,
        instrument_id VARCHAR NOT NULL,
        key VARCHAR NOT NULL,
        row INTEGER NOT NULL,
        submitted_at VARCHAR
      )`,
      `CREATE TABLE response_context (
        response_id BIGINT NOT NULL,
        dimension VARCHAR NOT NULL,
        value VARCHAR NOT NULL
      )`,
      `CREATE TABLE answers (
        response_id BIGINT NOT NULL,
        seq INTEGER NOT NULL,
        item VARCHAR NOT NULL,
        code DOUBLE,
        text VARCHAR,
        missing VARCHAR
      )`,
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
    // Small tables read by key on every dashboard request, so here a primary key pays its way.
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
    ],
  },
  {
    version: 3,
    name: "pending imports",
    // A large import commits in chunks while its row says pending; readers skip it until the last
    // step flips it (pending-imports.ts). DuckDB cannot add a column with a NOT NULL constraint,
    // so the default carries existing rows and the code always writes it.
    statements: ["ALTER TABLE imports ADD COLUMN pending BOOLEAN DEFAULT false"],
  },
  {
    version: 4,
    name: "stored instruments, analysis tables, data version, view results",
    // The definition an import was made with is kept, so the data can be analysed without the
    // instrument file (an adapted copy, a file since changed). Each definition has an analysis
    // table (facts_<key>, analysis/facts-layout.ts), made when the definition is first stored.
    // data_version counts changes of the stored data; view_results keeps views computed for it.
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
    // Schools and boards get stable ids; responses, the roster and scopes hold ids, names are labels.
    // A database with data gets its registry from the names it stores (registry-backfill.ts).
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
    run: backfillRegistry,
  },
  {
    version: 6,
    name: "action points and their audit trail",
    // Small tables a person writes by hand. The log is append-only: a removed action point keeps
    // its history, so who decided and changed what stays answerable.
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
    // A response's identity is its key (id in the export, or a hash of its row) and, beside it, what
    // it says: the hash of its stored answers (content-hash.ts). Re-importing an edited response is
    // then seen as a change, not as a duplicate. Responses stored before get theirs from their answers.
    statements: [
      `CREATE TABLE responses_v7 (
        id BIGINT NOT NULL,
        import_id VARCHAR NOT NULL,
        instrument_id VARCHAR NOT NULL,
        key VARCHAR NOT NULL,
        row INTEGER NOT NULL,
        submitted_at VARCHAR,
        content_hash VARCHAR
      )`,
    ],
    // the copy with hashes replaces responses (content-hash.ts says why it is not an UPDATE)
    run: (db) => backfillContentHashes(db, "responses_v7"),
  },
  {
    version: 8,
    name: "researcher views without pending imports",
    // A large import commits in chunks before its last step makes it visible (pending-imports.ts);
    // zaz skips pending imports, a researcher's own query would not. These views are the schema the
    // README documents for reading the file from R, Python or DBeaver: they show complete imports
    // only, also while an import runs or after one was killed.
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

export const latestSchemaVersion = Math.max(...migrations.map((m) => m.version));

/** Brings the schema up to date, one transaction per step; a second run finds nothing to do. */
export async function migrate(db: DuckDb, steps: readonly Migration[] = migrations): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
  )`);
  const current = Number((await db.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations")) ?? 0);
  const known = Math.max(0, ...steps.map((m) => m.version));
  if (current > known) {
    throw new StoreError(storeMessages.schemaTooNew(db.path, current, known));
  }
  const applied: number[] = [];
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    if (step.version <= current) continue;
    await db.transaction(async () => {
      for (const statement of step.statements) await db.run(statement);
      await step.run?.(db);
      await db.run("INSERT INTO schema_migrations VALUES ($1, $2, CAST($3 AS TIMESTAMP))", [
        step.version,
        step.name,
        new Date().toISOString(),
      ]);
    });
    applied.push(step.version);
  }
  return applied;
}

export async function schemaVersion(db: DuckDb): Promise<number> {
  return Number((await db.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations")) ?? 0);
}
