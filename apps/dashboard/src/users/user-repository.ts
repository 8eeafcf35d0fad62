import type { Role, UserScopes } from "@zaz/accounts";
import type { Result } from "@zaz/model";

/** A local account. The hash is the self-describing string of `hashPassword`. */
export interface User {
  username: string;
  role: Role;
  scopes: UserScopes;
  passwordHash: string;
}

/** A user as shown to others (the CLI's `zaz user list`, the admin API): never the hash. */
export type PublicUser = Omit<User, "passwordHash">;

export function publicUser(user: User): PublicUser {
  return { username: user.username, role: user.role, scopes: user.scopes };
}

/**
 * Where accounts live. The dashboard reads (find) and changes passwords; the CLI adds, lists and
 * removes. Usernames are compared case-insensitively: implementations store them lower-cased.
 */
export interface UserRepository {
  /** fails with code "user-exists" when the username is taken */
  add(user: User): Promise<Result<User>>;
  find(username: string): Promise<User | undefined>;
  /** sorted by username */
  list(): Promise<User[]>;
  /** true when a user was removed */
  remove(username: string): Promise<boolean>;
  /** replaces the password hash (a new password, or a rehash at login); false when there is no such user */
  setPasswordHash(username: string, passwordHash: string): Promise<boolean>;
}

export { normaliseUsername } from "@zaz/accounts";
