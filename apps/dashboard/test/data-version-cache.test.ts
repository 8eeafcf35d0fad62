import type { Store } from "@zaz/store";
import { describe, expect, it } from "vitest";
import { cacheDataVersion } from "../src/data-version-cache.js";

/** A store with only what the cache touches: a version that another "process" can move, and a table. */
function fakeStore() {
  const state = { version: 1, reads: 0 };
  const store = {
    kind: "postgres",
    dataVersion: async () => {
      state.reads++;
      return state.version;
    },
    actions: {
      // a write of this process: moves the version as the store's own transaction would
      add: async () => {
        state.version++;
        return "ap-1";
      },
    },
    analysis: { frequencies: async () => [] },
    countResponses: async () => 7,
  };
  return { state, store: store as unknown as Store };
}

describe("cacheDataVersion", () => {
  it("answers from memory while listening, and reads again after a notification", async () => {
    const { state, store } = fakeStore();
    let notify = () => {};
    let closed = false;
    const cached = await cacheDataVersion(store, {
      watch: async (onChange) => {
        notify = onChange;
        return {
          stop: async () => {
            closed = true;
          },
        };
      },
    });
    expect(cached.listening).toBe(true);
    expect(await cached.store.dataVersion()).toBe(1);
    expect(await cached.store.dataVersion()).toBe(1);
    expect(state.reads).toBe(1);
    // another process imports: its commit notifies
    state.version = 5;
    expect(await cached.store.dataVersion()).toBe(1);
    notify();
    expect(await cached.store.dataVersion()).toBe(5);
    expect(state.reads).toBe(2);
    await cached.close();
    expect(closed).toBe(true);
  });

  it("sees this process's own change at once, without waiting for its notification", async () => {
    const { state, store } = fakeStore();
    const cached = await cacheDataVersion(store, { watch: async () => ({ stop: async () => {} }) });
    expect(await cached.store.dataVersion()).toBe(1);
    await cached.store.actions.add({} as never, {} as never);
    expect(await cached.store.dataVersion()).toBe(2);
    // plain methods of the store count as possible writes too; the analysis queries do not
    await cached.store.countResponses();
    await cached.store.dataVersion();
    expect(state.reads).toBe(3);
    await cached.store.analysis.frequencies({} as never, {} as never);
    await cached.store.dataVersion();
    expect(state.reads).toBe(3);
  });

  it("polls when it cannot listen: a change is seen within pollMs", async () => {
    const { state, store } = fakeStore();
    let clock = 0;
    const warnings: string[] = [];
    const cached = await cacheDataVersion(store, {
      watch: async () => {
        throw new Error("geen verbinding");
      },
      pollMs: 500,
      now: () => clock,
      warn: (message) => warnings.push(message),
    });
    expect(cached.listening).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(await cached.store.dataVersion()).toBe(1);
    state.version = 2;
    clock = 499;
    expect(await cached.store.dataVersion()).toBe(1);
    clock = 500;
    expect(await cached.store.dataVersion()).toBe(2);
  });

  it("trusts a heard version at most maxAgeMs, in case a notification was lost", async () => {
    const { state, store } = fakeStore();
    let clock = 0;
    const cached = await cacheDataVersion(store, {
      watch: async () => ({ stop: async () => {} }),
      maxAgeMs: 30_000,
      now: () => clock,
    });
    expect(await cached.store.dataVersion()).toBe(1);
    state.version = 3;
    clock = 29_999;
    expect(await cached.store.dataVersion()).toBe(1);
    clock = 30_000;
    expect(await cached.store.dataVersion()).toBe(3);
  });

  it("does not cache a version read while a change was being made", async () => {
    const { state, store } = fakeStore();
    let release = () => {};
    const slow = {
      ...store,
      dataVersion: () =>
        new Promise<number>((resolve) => {
          const seen = state.version;
          release = () => resolve(seen);
        }),
    } as unknown as Store;
    let notify = () => {};
    const cached = await cacheDataVersion(slow, {
      watch: async (onChange) => {
        notify = onChange;
        return { stop: async () => {} };
      },
    });
    const reading = cached.store.dataVersion();
    state.version = 2;
    notify();
    release();
    expect(await reading).toBe(1);
    const again = cached.store.dataVersion();
    release();
    expect(await again).toBe(2);
  });
});
