import { compareNatural } from "../natural-order.js";
import type { AddUserOutcome, StoredUser, UserRecord } from "../store.js";
import { decodeUserScopes, encodeUserScopes } from "../user-scopes-json.js";
import type { DuckDb, SqlRow } from "./connection.js";

const columns = `username, role, scopes, password_hash,
  strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at`;

export async function addUser(db: DuckDb, user: StoredUser): Promise<AddUserOutcome> {
  if (user.username === "") throw new Error("A user needs a username");
  if (user.passwordHash === "") throw new Error("A user needs a password hash");
  // the primary key decides, so two writers cannot both add the same name
  const added = await db.run(
    `INSERT INTO users VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP))
     ON CONFLICT (username) DO NOTHING`,
    [user.username, user.role, encodeUserScopes(user.scopes), user.passwordHash, new Date().toISOString()],
  );
  return added === 1 ? "added" : "exists";
}

export async function findUser(db: DuckDb, username: string): Promise<UserRecord | undefined> {
  const [row] = await db.all(`SELECT ${columns} FROM users WHERE username = $1`, [username]);
  return row === undefined ? undefined : toUser(row);
}

export async function listUsers(db: DuckDb): Promise<UserRecord[]> {
  const rows = await db.all(`SELECT ${columns} FROM users`);
  return rows.map(toUser).sort((a, b) => compareNatural(a.username, b.username));
}

export async function removeUser(db: DuckDb, username: string): Promise<boolean> {
  return (await db.run("DELETE FROM users WHERE username = $1", [username])) > 0;
}

/** One row; scopes that do not decode leave the row readable, marked damaged, so a list still works. */
function toUser(row: SqlRow): UserRecord {
  const user = {
    username: String(row.username),
    role: String(row.role),
    passwordHash: String(row.password_hash),
    createdAt: String(row.created_at),
  };
  try {
    return { ...user, scopes: decodeUserScopes(String(row.scopes)) };
  } catch (error) {
    return { ...user, scopes: {}, damaged: error instanceof Error ? error.message : String(error) };
  }
}
