import { fail, ok, type Result } from "@zaz/model";
import { userMessages } from "../messages.js";
import { normaliseUsername, type User, type UserRepository } from "./user-repository.js";

/** Accounts in a Map: for tests and demos. Copies on the way in and out, like a database. */
export class MemoryUserRepository implements UserRepository {
  readonly #users = new Map<string, User>();

  constructor(users: readonly User[] = []) {
    for (const user of users) this.#users.set(normaliseUsername(user.username), copy(user));
  }

  async add(user: User): Promise<Result<User>> {
    const key = normaliseUsername(user.username);
    if (this.#users.has(key)) {
      return fail([{ code: "user-exists", message: userMessages.exists(key), value: key }]);
    }
    const stored = { ...copy(user), username: key };
    this.#users.set(key, stored);
    return ok(copy(stored));
  }

  async find(username: string): Promise<User | undefined> {
    const user = this.#users.get(normaliseUsername(username));
    return user === undefined ? undefined : copy(user);
  }

  async list(): Promise<User[]> {
    return [...this.#users.values()].sort((a, b) => a.username.localeCompare(b.username)).map(copy);
  }

  async remove(username: string): Promise<boolean> {
    return this.#users.delete(normaliseUsername(username));
  }

  async setPasswordHash(username: string, passwordHash: string): Promise<boolean> {
    const user = this.#users.get(normaliseUsername(username));
    if (user === undefined) return false;
    user.passwordHash = passwordHash;
    return true;
  }

  async setBlocked(username: string, blocked: boolean): Promise<boolean> {
    const user = this.#users.get(normaliseUsername(username));
    if (user === undefined) return false;
    user.blocked = blocked;
    return true;
  }

  async setAccess(username: string, access: Pick<User, "role" | "scopes" | "displayName">): Promise<boolean> {
    const user = this.#users.get(normaliseUsername(username));
    if (user === undefined) return false;
    user.role = access.role;
    user.scopes = structuredClone(access.scopes);
    if (access.displayName === undefined) delete user.displayName;
    else user.displayName = access.displayName;
    return true;
  }
}

function copy(user: User): User {
  return structuredClone(user);
}
