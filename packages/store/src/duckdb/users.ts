import { compareNatural } from "../natural-order.js";
import type { AddUserOutcome, StoredUser, UserRecord } from "../store.js";
import { decodeUserScopes, encodeUserScopes } from "../user-scopes-json.js";
import type { DuckDb, SqlRow, SqlValue } from "./connection.js";

const columns = `username, role, scopes, password_hash, blocked, display_name,
  strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at`;

export async function addUser(db: DuckDb, user: StoredUser): Promise<AddUserOutcome> {
  if (user.username === "") throw new Error("A user needs a username");
  if (user.passwordHash === "") throw new Error("A user needs a password hash");
  // Columns of the second accounts migration only when used: a plain account is the same row in
  // the first schema, which the tests of moving accounts out of an old research file rely on.
  const optional: [string, SqlValue][] = [];
  if (user.blocked === true) optional.push(["blocked", true]);
  if (user.displayName !== undefined) optional.push(["display_name", user.displayName]);
  const extra = {
    names: optional.map(([name]) => `, ${name}`).join(""),
    params: optional.map((_, index) => `, $${index + 6}`).join(""),
    values: optional.map(([, value]) => value),
  };
  // the primary key decides, so two writers cannot both add the same name
  const added = await db.run(
    `INSERT INTO users (username, role, scopes, password_hash, created_at${extra.names})
     VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP)${extra.params})
     ON CONFLICT (username) DO NOTHING`,
    [
      user.username,
      user.role,
      encodeUserScopes(user.scopes),
      user.passwordHash,
      new Date().toISOString(),
      ...extra.values,
    ],
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

export async function setUserBlocked(db: DuckDb, username: string, blocked: boolean): Promise<boolean> {
  return (await db.run("UPDATE users SET blocked = $2 WHERE username = $1", [username, blocked])) > 0;
}

export async function setUserAccess(
  db: DuckDb,
  username: string,
  access: Pick<StoredUser, "role" | "scopes" | "displayName">,
): Promise<boolean> {
  const changed = await db.run(
    "UPDATE users SET role = $2, scopes = $3, display_name = $4 WHERE username = $1",
    [username, access.role, encodeUserScopes(access.scopes), access.displayName ?? null],
  );
  return changed > 0;
}

/** One row; scopes that do not decode leave the row readable, marked damaged, so a list still works. */
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
