import { type Role, ssoProviderOf, type UserScopes } from "@zaz/accounts";
import type { Result } from "@zaz/model";

/**
 * An account. The hash is the self-describing string of `hashPassword`, or for an account made
 * by single sign-on the marker of `ssoPasswordHash`, which no password matches.
 */
export interface User {
  username: string;
  role: Role;
  scopes: UserScopes;
  passwordHash: string;
  /** a blocked account gets no session, by password or by single sign-on */
  blocked?: boolean;
  /** how the person is called (from an SSO account's claims) */
  displayName?: string;
}

/** A user as shown to others (the CLI's `zaz user list`, the admin API): never the hash. */
export type PublicUser = Omit<User, "passwordHash"> & {
  /** the provider of an SSO account; absent for a local account */
  sso?: string;
};

export function publicUser(user: User): PublicUser {
  const sso = ssoProviderOf(user.passwordHash);
  return {
    username: user.username,
    role: user.role,
    scopes: user.scopes,
    ...(user.displayName === undefined ? {} : { displayName: user.displayName }),
    ...(user.blocked === true ? { blocked: true } : {}),
    ...(sso === undefined ? {} : { sso }),
  };
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
  /** blocks or unblocks an account; false when there is no such user */
  setBlocked(username: string, blocked: boolean): Promise<boolean>;
  /** replaces role, scopes and display name (an SSO login whose claims changed); false when there is no such user */
  setAccess(username: string, access: Pick<User, "role" | "scopes" | "displayName">): Promise<boolean>;
}

export { normaliseUsername } from "@zaz/accounts";
