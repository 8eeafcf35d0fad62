import { randomUUID } from "node:crypto";
import { StoreError, storeMessages } from "../messages.js";
import { accountsDefaults, openAccountsDatabase, restrictToOwner } from "./accounts-store.js";
import { isInMemory, markNeedsCompaction } from "./compact.js";
import { type DuckDb, sqlIdentifier, sqlString } from "./connection.js";
import { isPathOpen } from "./open-paths.js";

/**
 * Versions before the accounts file kept the dashboard's users (with their password hashes) and
 * sessions in the research database, which researchers open and `zaz export` reads. Opening such a
 * database moves them into the accounts file:
 *
 * 1. the move gets an id, committed in the research file (store_state);
 * 2. the rows are copied into the accounts file in one transaction that also records the id
 *    there, and the accounts file is checkpointed;
 * 3. only then, in one transaction, the tables are dropped from the research file, the id removed
 *    and the file flagged for compaction, which rewrites it without the dropped rows' bytes.
 *
 * A process dying anywhere leaves every row in at least one committed file, and the next open
 * completes the move: a step 2 already done is recognised by its id and not repeated, so an
 * account changed in the accounts file meanwhile is not brought back.
 */

/** The research database's migration that created users and sessions (migrations.ts). */
const accountTablesVersion = 2;
const accountTables = ["users", "sessions"] as const;
const moveKey = "accounts_move";
const attached = "zaz_accounts";

const columns: Record<(typeof accountTables)[number], string> = {
  users: "username, role, scopes, password_hash, created_at",
  sessions: "id, record, expires_at",
};

/**
 * Moves users and sessions out of the research database `db`, if it still has them, into the
 * accounts file at `accountsPath`. `applied` are the research migrations this open applied: tables
 * created just now never held a row, so dropping them needs no rewrite of the file.
 */
export async function moveAccountsOut(
  db: DuckDb,
  accountsPath: string,
  applied: readonly number[],
): Promise<void> {
  const present = await presentTables(db);
  if (present.length === 0) return;
  const pending = await db.scalar("SELECT value FROM store_state WHERE name = $1", [moveKey]);
  if (isInMemory(db.path) || (pending === undefined && (await rowCount(db, present)) === 0)) {
    await dropAccountTables(db, present, !isInMemory(db.path) && !applied.includes(accountTablesVersion));
    return;
  }
  if (accountsPath === db.path) throw new StoreError(storeMessages.accountsInDatabase(db.path));
  if (isPathOpen(accountsPath)) {
    throw new Error(
      `${accountsPath} is open in this process: open the research database before its accounts`,
    );
  }
  const moveId = pending === undefined ? await startMove(db) : String(pending);
  await copyInto(db, accountsPath, present, moveId);
  await dropAccountTables(db, present, true);
}

async function presentTables(db: DuckDb): Promise<(typeof accountTables)[number][]> {
  const rows = await db.all(
    `SELECT table_name FROM duckdb_tables()
     WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary`,
  );
  const names = new Set(rows.map((r) => String(r.table_name)));
  return accountTables.filter((table) => names.has(table));
}

async function rowCount(db: DuckDb, tables: readonly string[]): Promise<number> {
  let count = 0;
  for (const table of tables)
    count += Number(await db.scalar(`SELECT count(*) FROM ${sqlIdentifier(table)}`));
  return count;
}

async function startMove(db: DuckDb): Promise<string> {
  const id = randomUUID();
  await db.run("INSERT INTO store_state VALUES ($1, $2)", [moveKey, id]);
  return id;
}

async function copyInto(
  db: DuckDb,
  accountsPath: string,
  tables: readonly (typeof accountTables)[number][],
  moveId: string,
): Promise<void> {
  // created with its schema and mode 0600 by the accounts store's own code, then written from here
  (await openAccountsDatabase(accountsPath, accountsDefaults)).close();
  const research = sqlIdentifier(String(await db.scalar("SELECT current_database()")));
  const marker = `moved:${moveId}`;
  await db.run(`ATTACH ${sqlString(accountsPath)} AS ${attached}`);
  try {
    await db.transaction(async () => {
      const done = await db.scalar(`SELECT count(*) FROM ${attached}.account_state WHERE name = $1`, [
        marker,
      ]);
      if (done !== 0n) return;
      // an account already in the accounts file (made there by hand) wins over the old copy
      for (const table of tables) {
        await db.run(
          `INSERT INTO ${attached}.${table} (${columns[table]})
           SELECT ${columns[table]} FROM ${research}.main.${table} ON CONFLICT DO NOTHING`,
        );
      }
      await db.run(`INSERT INTO ${attached}.account_state VALUES ($1, $2)`, [
        marker,
        new Date().toISOString(),
      ]);
    });
    await db.run(`CHECKPOINT ${attached}`);
  } finally {
    await db.run(`DETACH ${attached}`).catch(() => undefined);
  }
  await restrictToOwner(accountsPath);
}

async function dropAccountTables(
  db: DuckDb,
  tables: readonly string[],
  compactAfter: boolean,
): Promise<void> {
  await db.transaction(async () => {
    for (const table of tables) await db.run(`DROP TABLE ${sqlIdentifier(table)}`);
    await db.run("DELETE FROM store_state WHERE name = $1", [moveKey]);
    if (compactAfter) await markNeedsCompaction(db);
  });
}
