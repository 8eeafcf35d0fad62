import type { AccountsStore } from "@zaz/store";

/** Calls that reached the database. */
export interface StoreCalls {
  reads: number;
  writes: number;
}

export type CountedTables = Pick<AccountsStore, "sessions" | "users">;

/**
 * The sessions and users tables of a real accounts store, counting every call, so a test can show that
 * a cache answered instead of the database. `hold` makes the next read of a table wait until the
 * returned function is called: a read that is under way while something else happens.
 */
export function countingStore(store: CountedTables): {
  store: CountedTables;
  sessions: StoreCalls;
  users: StoreCalls;
  reset(): void;
  hold(table: "sessions" | "users"): () => void;
} {
  const sessions: StoreCalls = { reads: 0, writes: 0 };
  const users: StoreCalls = { reads: 0, writes: 0 };
  const held: Partial<Record<"sessions" | "users", Promise<void>>> = {};
  const wait = async (table: "sessions" | "users") => {
    const gate = held[table];
    delete held[table];
    await gate;
  };
  const counted: CountedTables = {
    sessions: {
      get: async (id) => {
        sessions.reads++;
        const row = await store.sessions.get(id);
        await wait("sessions");
        return row;
      },
      set: (id, record, expiresAt) => {
        sessions.writes++;
        return store.sessions.set(id, record, expiresAt);
      },
      destroy: (id) => {
        sessions.writes++;
        return store.sessions.destroy(id);
      },
      purgeExpired: (now) => {
        sessions.writes++;
        return store.sessions.purgeExpired(now);
      },
    },
    users: {
      add: (user) => {
        users.writes++;
        return store.users.add(user);
      },
      find: async (username) => {
        users.reads++;
        const user = await store.users.find(username);
        await wait("users");
        return user;
      },
      list: () => {
        users.reads++;
        return store.users.list();
      },
      remove: (username) => {
        users.writes++;
        return store.users.remove(username);
      },
      setPasswordHash: (username, hash) => {
        users.writes++;
        return store.users.setPasswordHash(username, hash);
      },
      setBlocked: (username, blocked) => {
        users.writes++;
        return store.users.setBlocked(username, blocked);
      },
      setAccess: (username, access) => {
        users.writes++;
        return store.users.setAccess(username, access);
      },
    },
  };
  return {
    store: counted,
    sessions,
    users,
    reset() {
      Object.assign(sessions, { reads: 0, writes: 0 });
      Object.assign(users, { reads: 0, writes: 0 });
    },
    hold(table) {
      let release = () => {};
      held[table] = new Promise<void>((resolve) => {
        release = resolve;
      });
      return release;
    },
  };
}
