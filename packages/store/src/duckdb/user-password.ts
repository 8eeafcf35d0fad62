import type { DuckDb } from "./connection.js";

/** Replaces an account's password hash; false when there is no such account. */
export async function setUserPasswordHash(
  db: DuckDb,
  username: string,
  passwordHash: string,
): Promise<boolean> {
  if (passwordHash === "") throw new Error("A user needs a password hash");
  return (
    (await db.run("UPDATE users SET password_hash = $2 WHERE username = $1", [username, passwordHash])) > 0
  );
}
