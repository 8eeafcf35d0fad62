/**
 * npm start — the main job on example data: loads data/voorbeeld into the embedded database when
 * it is empty, creates a demo account for each role, starts the dashboard on http://localhost:3000
 * (PORT to change) and prints where to log in. With ZAZ_DB=postgres://… the same on PostgreSQL
 * (ZAZ_SESSION_SECRET is then required: other processes may serve the same database).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashPassword, slugify, type UserScopes } from "@zaz/accounts";
import { main as zaz } from "@zaz/cli";
import {
  closeOnSignals,
  DashboardStartError,
  openForDashboard,
  serveStores,
  sessionSecretFor,
  shownTarget,
  startMessages,
} from "@zaz/dashboard";
import {
  defaultAccountsDatabasePath,
  defaultDatabasePath,
  isPostgresTarget,
  openAccounts,
  openStore,
} from "@zaz/store";

const root = join(import.meta.dirname, "..");
const db = defaultDatabasePath();
const onPostgres = isPostgresTarget(db);
const shown = shownTarget(db);
// the dashboard's accounts and sessions: beside the research file, never in it; on PostgreSQL
// tables of their own in the same database (not in the researchers' onderzoek_* views)
const accountsDb = onPostgres ? db : defaultAccountsDatabasePath(db);
const quiet = {
  stdout: { write: () => {} },
  stderr: process.stderr,
  env: { NO_COLOR: "1" },
  cwd: root,
  now: () => new Date(),
};

const demoAccounts: { username: string; role: string; scopes: UserScopes; what: string }[] = [
  {
    username: "directeur",
    role: "directeur",
    scopes: { schools: [slugify("De Regenboog")] },
    what: "directeur van De Regenboog",
  },
  {
    username: "leerteam",
    role: "leerteam",
    scopes: { bestuur: slugify("Stichting Samen Leren") },
    what: "leerteam van Stichting Samen Leren",
  },
  {
    username: "docent",
    role: "docent",
    scopes: { opleiding: slugify("pabo_hva") },
    what: "Pabo-docent van de Pabo HvA",
  },
  { username: "beheerder", role: "beheerder", scopes: {}, what: "beheerder: alles" },
];

async function run(): Promise<void> {
  // before anything is loaded: without a shared secret other processes could not serve these logins
  const secret = sessionSecretFor(process.env, onPostgres ? "postgres" : "duckdb");
  if (!secret.ok) {
    for (const p of secret.errors)
      process.stderr.write(`fout: ${p.message}\n${p.hint === undefined ? "" : `  ${p.hint}\n`}`);
    process.exitCode = 1;
    return;
  }
  // a locked, read-only or missing database: one Dutch line, no stack trace (see the end)
  const probe = await openForDashboard(shown, () => openStore(db));
  const empty = (await probe.countResponses()) === 0;
  await probe.close();
  if (empty) {
    process.stderr.write(`De database ${db} is leeg: voorbeeldgegevens inlezen …\n`);
    if ((await zaz(["voorbeeld", "--db", db], { ...quiet, stderr: process.stderr })) !== 0) {
      throw new DashboardStartError(startMessages.exampleDataFailed(shown));
    }
  }
  // Demo passwords are made once per installation and kept beside the database (never in git).
  const passwordsFile = onPostgres ? postgresDemoPasswordsFile(db) : `${db}.demo-wachtwoorden.json`;
  const passwords: Record<string, string> = existsSync(passwordsFile)
    ? JSON.parse(readFileSync(passwordsFile, "utf8"))
    : {};
  // the research database first: opening it moves accounts an older version kept there
  const store = await openForDashboard(shown, () => openStore(db));
  const accounts = await openForDashboard(shownTarget(accountsDb), () => openAccounts(accountsDb));

  for (const account of demoAccounts) {
    if (await accounts.users.find(account.username)) continue;
    const password = passwords[account.username] ?? `demo-${randomBytes(9).toString("base64url")}`;
    passwords[account.username] = password;
    await accounts.users.add({
      username: account.username,
      role: account.role,
      scopes: account.scopes,
      passwordHash: await hashPassword(password),
    });
  }
  writeFileSync(passwordsFile, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });

  const env = {
    ...process.env,
    // Plain http on this machine only; readConfig refuses insecure cookies on any other host.
    ZAZ_INSECURE_COOKIES: process.env.ZAZ_INSECURE_COOKIES ?? "1",
    ZAZ_SESSION_SECRET: secret.value,
  };
  const served = await serveStores({
    store,
    accounts,
    target: db,
    accountsTarget: accountsDb,
    env,
    stderr: process.stderr,
    host: "localhost",
  });
  if (served === undefined) {
    process.exitCode = 1;
    return;
  }
  const { url } = served;
  process.stdout.write(
    [
      "",
      `Zij aan Zij draait op ${url}`,
      "",
      "Log in met een van de demo-accounts:",
      ...demoAccounts.map((a) => `  ${a.username.padEnd(10)} ${passwords[a.username]?.padEnd(18)} ${a.what}`),
      "",
      `(wachtwoorden staan ook in ${passwordsFile}; stoppen met Ctrl+C)`,
      "",
    ].join("\n"),
  );
  // SIGTERM/SIGINT: stop accepting, close idle keep-alive connections, cut the rest after 10 s
  closeOnSignals(served.serving, served.close);
}

/**
 * Where the demo passwords of a PostgreSQL database are kept: a server has no "beside the
 * database", so in data/ under the server's host, port and database name (never in git).
 */
function postgresDemoPasswordsFile(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  const name = [hostname || "localhost", port || "5432", decodeURIComponent(pathname.slice(1)) || "postgres"]
    .map((part) => part.replace(/[^A-Za-z0-9._-]/g, "_"))
    .join("-");
  return join(root, "data", `${name}.demo-wachtwoorden.json`);
}

try {
  await run();
} catch (error) {
  if (!(error instanceof DashboardStartError)) throw error;
  process.stderr.write(`fout: ${error.message}\n`);
  process.exitCode = 1;
}
