import { isRole } from "@zaz/accounts";
import { fail, ok, type Result } from "@zaz/model";
import type { Store, UserRecord } from "@zaz/store";
import { userMessages } from "../messages.js";
import { normaliseUsername, type User, type UserRepository } from "./user-repository.js";

/** Accounts in the database, through the Store's users table. */
export class StoreUserRepository implements UserRepository {
  readonly #users: Store["users"];

  constructor(store: Pick<Store, "users">) {
    this.#users = store.users;
  }

  async add(user: User): Promise<Result<User>> {
    const stored: User = { ...toUser(user), username: normaliseUsername(user.username) };
    if ((await this.#users.add(stored)) === "exists") {
      return fail([
        { code: "user-exists", message: userMessages.exists(stored.username), value: stored.username },
      ]);
    }
    return ok(stored);
  }

  async find(username: string): Promise<User | undefined> {
    const record = await this.#users.find(normaliseUsername(username));
    return record === undefined ? undefined : toUser(record);
  }

  async list(): Promise<User[]> {
    return (await this.#users.list()).map(toUser);
  }

  async remove(username: string): Promise<boolean> {
    return this.#users.remove(normaliseUsername(username));
  }
}

/**
 * Only the User's own fields, copied. A role the dashboard does not know means the row was not
 * written through this code: better to fail loudly than to guess what that account may see.
 */
function toUser(record: User | UserRecord): User {
  if (!isRole(record.role))
    throw new Error(`Stored user ${record.username} has an unknown role ${record.role}`);
  return {
    username: record.username,
    role: record.role,
    scopes: structuredClone(record.scopes),
    passwordHash: record.passwordHash,
  };
}
