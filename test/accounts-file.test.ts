import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createServer, StoreResultsService, StoreSessionStore, StoreUserRepository } from "@zaz/dashboard";
import { accountsDatabasePath, openAccountsStore, openDuckDbStore } from "@zaz/store";
import { privacySettings } from "@zaz/survey";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { userAdd } from "../apps/cli/src/commands/user.js";
import type { Effects } from "../apps/cli/src/effects.js";
import { logIn, secret } from "../apps/dashboard/test/helpers.js";
import { exampleDatabase } from "./example-db.js";
import { tempDir, zaz } from "./run-zaz.js";
import { onPostgres } from "./support/test-database.js";

// Researchers open the research database from R, Python or DBeaver, and `zaz export` reads it:
// accounts and sessions (with password hashes) live in a file of their own beside it.

const password = "correct paard batterij niet";

function quietEffects(env: Record<string, string> = {}): Effects {
  return {
    stdout: { write: () => {}, isTTY: false },
    stderr: { write: () => {}, isTTY: false },
    env: { NO_COLOR: "1", ...env },
    cwd: process.cwd(),
    now: () => new Date("2026-11-23T12:00:00Z"),
  };
}

/** `zaz user add anna` with the password on stdin; a directeur of De Regenboog unless `beheerder`. */
async function addAnna(
  db: string,
  options: { accountsDb?: string; beheerder?: boolean } = {},
  env: Record<string, string> = {},
) {
  const { beheerder, ...where } = options;
  const role = beheerder ? { role: "beheerder" } : { role: "directeur", school: ["De Regenboog"] };
  const code = await userAdd("anna", { ...role, passwordStdin: true, db, ...where }, quietEffects(env), {
    readStdin: async () => `${password}\n`,
  });
  expect(code).toBe(0);
}

async function storedHash(accounts: string): Promise<string> {
  const store = await openAccountsStore(accounts);
  try {
    const hash = (await store.users.find("anna"))?.passwordHash;
    if (hash === undefined) throw new Error(`no account anna in ${accounts}`);
    return hash;
  } finally {
    await store.close();
  }
}

let db = "";
beforeAll(async () => {
  if (!onPostgres) db = await exampleDatabase();
}, 120_000);

// DuckDB only: on PostgreSQL accounts and sessions are tables of the same database (not in the
// researcher views); their sharing is tested in test/dashboard-shared-login.test.ts
describe.skipIf(onPostgres)("the accounts file", () => {
  it("holds what `zaz user add` made; the dashboard logs in with it; the research file and exports hold none of it", async () => {
    await addAnna(db);
    const accounts = accountsDatabasePath(db);
    expect(accounts).toBe(join(join(db, ".."), "zaz.accounts.duckdb"));
    const hash = await storedHash(accounts);

    // the dashboard as `npm start` wires it: results from the research file, accounts from their own
    const store = await openDuckDbStore(db);
    const accountStore = await openAccountsStore(accounts);
    try {
      const privacy = privacySettings({});
      if (!privacy.ok) throw new Error("privacy settings");
      const sessionStore = new StoreSessionStore(accountStore);
      const app = createServer({
        results: new StoreResultsService({ store, privacy: privacy.value }),
        users: new StoreUserRepository(accountStore),
        sessionStore,
        config: { sessionSecret: secret, secureCookies: false },
        log: () => {},
      });
      const agent = request.agent(app);
      expect((await logIn(agent, "anna", password)).status).toBe(303);
      const me = await agent.get("/api/me");
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: "anna", role: "directeur" });
      await sessionStore.settled();
    } finally {
      await accountStore.close();
      await store.close();
    }

    const research = await readFile(db);
    expect(research.includes(Buffer.from(hash))).toBe(false);
    expect(research.includes(Buffer.from("scrypt$"))).toBe(false);
    expect(existsSync(`${db}.wal`)).toBe(false);

    for (const args of [
      ["export", "scholen", "--bestuur", "Stichting Samen Leren"],
      ["export", "klassen", "--school", "De Regenboog", "--wave", "2026-voorjaar"],
    ]) {
      const exported = await zaz([...args, "--db", db]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout.length).toBeGreaterThan(0);
      expect(exported.stdout).not.toContain("scrypt");
      expect(exported.stdout).not.toContain("anna");
      expect(exported.stdout).not.toContain(hash);
    }

    // `zaz user list` reads the same file
    const listed = await zaz(["user", "list", "--format", "json", "--db", db]);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ username: "anna", role: "directeur" }]);
  });

  it("goes where --accounts-db or ZAZ_ACCOUNTS_DB says", async () => {
    const dir = tempDir();
    const research = join(dir, "onderzoek.duckdb");
    const chosen = join(dir, "elders", "accounts.duckdb");
    // a beheerder: no school to look up in the (empty) research database
    await addAnna(research, { accountsDb: chosen, beheerder: true });
    expect(await storedHash(chosen)).toMatch(/^scrypt\$/);
    expect(existsSync(accountsDatabasePath(research))).toBe(false);

    const fromEnv = join(dir, "uit-env.duckdb");
    await addAnna(research, { beheerder: true }, { ZAZ_ACCOUNTS_DB: fromEnv });
    expect(await storedHash(fromEnv)).toMatch(/^scrypt\$/);
    const listed = await zaz(["user", "list", "--format", "json", "--db", research, "--accounts-db", chosen]);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ username: "anna" }]);
  });
});
