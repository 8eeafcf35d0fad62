/**
 * The dashboard's wiring on PostgreSQL (dashboardStores with the store's LISTEN helper): a change made
 * through another Store on the same database — another dashboard process, `zaz ingest` — is seen
 * within a second, this process's own change at once, and a kept view costs no data-version query.
 * PostgreSQL only: one DuckDB file has one owner, whose store knows its own version.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dashboardStores } from "@zaz/dashboard";
import { type AccountsStore, openAccounts, openStore, type Store, watchDataVersion } from "@zaz/store";
import { privacySettings } from "@zaz/survey";
import { afterEach, describe, expect, it } from "vitest";
import { newTestDatabase, onPostgres } from "./support/test-database.js";

const opened: { close(): Promise<void> }[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The store with its data-version reads counted: what reached the database. */
function counted(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === "dataVersion")
        return () => {
          reads++;
          return target.dataVersion();
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store: proxy, reads: () => reads };
}

const roster = (families: number) => [
  { school: "de-regenboog", groep: "groep 3", wave: "2026-voorjaar", families },
];

async function until(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > withinMs) throw new Error(`niet binnen ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

describe.skipIf(!onPostgres)("dashboard on PostgreSQL: the data version", () => {
  it("sees another process's change within a second, its own at once, and reads nothing in between", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zaz-dataversie-"));
    dirs.push(dir);
    const url = await newTestDatabase(dir);
    const here = await openStore(url);
    opened.push(here);
    // the other process (a second dashboard, or `zaz ingest`): its own Store on the same database
    const there = await openStore(url);
    opened.push(there);
    const accounts: AccountsStore = await openAccounts(url);
    opened.push(accounts);
    const privacy = privacySettings({});
    if (!privacy.ok) throw new Error("privacy");
    const reads = counted(here);
    const stores = await dashboardStores(reads.store, accounts, {
      privacy: privacy.value,
      watch: (onChange) => watchDataVersion(url, onChange),
    });
    opened.push(stores);

    const before = await stores.store.dataVersion();
    for (let i = 0; i < 200; i++) expect(await stores.store.dataVersion()).toBe(before);
    // 200 requests for kept views: one read of the version
    expect(reads.reads()).toBe(1);

    await there.replaceRoster(roster(24), "rooster.csv");
    const changed = await there.dataVersion();
    expect(changed).not.toBe(before);
    const took = await until(async () => (await stores.store.dataVersion()) === changed, 1000);
    expect(took).toBeLessThan(1000);

    // this process's own change: seen by the very next call, not when its notification arrives
    await stores.store.replaceRoster(roster(25), "rooster.csv");
    expect(await stores.store.dataVersion()).toBe(await there.dataVersion());
    expect(await stores.store.dataVersion()).not.toBe(changed);
  });
});
