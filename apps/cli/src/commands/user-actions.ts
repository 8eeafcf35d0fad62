import { existsSync } from "node:fs";
import {
  checkNewPassword,
  hashPassword,
  isRole,
  normaliseUsername,
  type Role,
  ssoProviderOf,
  type UserScopes,
  validateUserScopes,
} from "@zaz/accounts";
import type { Problem } from "@zaz/model";
import {
  type AccountsStore,
  accountsDatabasePath,
  isPostgresTarget,
  openAccounts,
  openDuckDbStore,
  type UserRecord,
} from "@zaz/store";
import { CliError, ExitCode } from "../cli-error.js";
import { accountsOverride, databasePath } from "../context.js";
import type { Effects } from "../effects.js";
import { parseFormat, render } from "../output/render.js";
import { printProblems } from "../problems.js";
import { resolveScopeIds } from "./scope-ids.js";
import { type AccountsLocation, type PasswordInput, type UserAddOptions, userMessages } from "./user.js";

// The work of `zaz user add|list|remove`: the store and password hashing. Loaded only when one of
// them runs (through the wrappers in ./user.ts), so that `zaz --help` does not load DuckDB.

/** Usernames as they are stored (lower-cased): e-mail addresses fit, spaces and separators do not. */
const usernamePattern = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** `zaz user add NAME --role ROLE …` — checks everything before it asks for the password. */
export async function userAdd(
  usernameArg: string,
  options: UserAddOptions,
  effects: Effects,
  input: PasswordInput = {},
): Promise<number> {
  const username = normaliseUsername(usernameArg);
  if (!usernamePattern.test(username)) throw new CliError(userMessages.invalidUsername(usernameArg));
  if (!isRole(options.role)) throw new CliError(userMessages.unknownRole(options.role), ExitCode.usage);
  const role: Role = options.role;
  // Names as people write them ("De Regenboog", "Pabo HvA") become the ids the dashboard uses.
  const requested = await resolveScopeIds(options, effects);
  if (!requested.ok) return reject(effects, requested.errors);
  const scopes = validateUserScopes(role, requested.value);
  if (!scopes.ok) return reject(effects, scopes.errors);

  // on a terminal the rules are checked before the user is asked to repeat the password
  const password = await readPassword(username, options, input);
  const checked = await checkNewPassword(password, username);
  if (!checked.ok) return reject(effects, checked.errors);
  if (!options.passwordStdin && (await readRepeat(input)) !== password) {
    throw new CliError(userMessages.passwordsDiffer);
  }

  const passwordHash = await hashPassword(password);
  const outcome = await withStore(effects, options, (store) =>
    store.users.add({ username, role, scopes: scopes.value, passwordHash }),
  );
  if (outcome === "exists") throw new CliError(userMessages.exists(username));
  effects.stderr.write(`${userMessages.added(username, role, accessText(scopes.value))}\n`);
  return ExitCode.ok;
}

/** From stdin (without its final newline), or typed at a hidden prompt. */
async function readPassword(
  username: string,
  options: UserAddOptions,
  input: PasswordInput,
): Promise<string> {
  if (options.passwordStdin) {
    if (input.readStdin === undefined) throw new CliError(userMessages.noPasswordSource, ExitCode.usage);
    return (await input.readStdin()).replace(/\r?\n$/, "");
  }
  if (input.readSecret === undefined) throw new CliError(userMessages.noPasswordSource, ExitCode.usage);
  return input.readSecret(userMessages.passwordPrompt(username));
}

function readRepeat(input: PasswordInput): Promise<string> {
  if (input.readSecret === undefined) throw new CliError(userMessages.noPasswordSource, ExitCode.usage);
  return input.readSecret(userMessages.repeatPrompt);
}

/** `zaz user list` — username, role, access and creation date; the hash never leaves the store. */
export async function userList(
  options: AccountsLocation & { format?: string },
  effects: Effects,
): Promise<number> {
  const format = parseFormat(options.format);
  const users = await withStore(effects, options, (store) => store.users.list());
  if (users.length === 0 && format === "table") {
    effects.stderr.write(`${userMessages.noUsers}\n`);
    return ExitCode.ok;
  }
  render(
    effects,
    format,
    {
      columns: [
        { key: "gebruiker", title: "gebruiker" },
        { key: "naam", title: "naam" },
        { key: "rol", title: "rol" },
        { key: "toegang", title: "toegang", wrap: true },
        { key: "inloggen", title: "inloggen" },
        { key: "status", title: "status" },
        { key: "aangemaakt", title: "aangemaakt" },
      ],
      rows: users.map((u) => {
        const sso = ssoProviderOf(u.passwordHash);
        return {
          gebruiker: u.username,
          naam: u.displayName ?? "",
          rol: u.role,
          toegang: accessText(u.scopes),
          inloggen: sso === undefined ? userMessages.loginLocal : userMessages.loginSso(sso),
          status: u.blocked === true ? userMessages.statusBlocked : userMessages.statusActive,
          aangemaakt: u.createdAt.slice(0, 10),
        };
      }),
    },
    users.map(publicRecord),
  );
  return ExitCode.ok;
}

/** `zaz user block|unblock NAME` — exit 1 when there is no such user. */
export async function userSetBlocked(
  usernameArg: string,
  blocked: boolean,
  options: AccountsLocation,
  effects: Effects,
): Promise<number> {
  const username = normaliseUsername(usernameArg);
  const changed = await withStore(effects, options, (store) => store.users.setBlocked(username, blocked));
  if (!changed) throw new CliError(userMessages.unknownUser(username));
  effects.stderr.write(`${blocked ? userMessages.blocked(username) : userMessages.unblocked(username)}\n`);
  return ExitCode.ok;
}

/** `zaz user remove NAME` — exit 1 when there is no such user. */
export async function userRemove(
  usernameArg: string,
  options: AccountsLocation,
  effects: Effects,
): Promise<number> {
  const username = normaliseUsername(usernameArg);
  const removed = await withStore(effects, options, (store) => store.users.remove(username));
  if (!removed) throw new CliError(userMessages.unknownUser(username));
  effects.stderr.write(`${userMessages.removed(username)}\n`);
  return ExitCode.ok;
}

function reject(effects: Effects, problems: readonly Problem[]): number {
  printProblems(effects, problems, "error");
  return ExitCode.invalidInput;
}

function accessText(scopes: UserScopes): string {
  const parts = [
    scopes.schools === undefined ? undefined : userMessages.accessSchools(scopes.schools),
    scopes.bestuur === undefined ? undefined : userMessages.accessBestuur(scopes.bestuur),
    scopes.opleiding === undefined ? undefined : userMessages.accessOpleiding(scopes.opleiding),
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? userMessages.accessAll : parts.join("; ");
}

/** Explicitly listed fields, so a hash can never slip into the output. */
function publicRecord(user: UserRecord): {
  username: string;
  displayName?: string;
  role: string;
  scopes: UserScopes;
  sso?: string;
  blocked: boolean;
  createdAt: string;
} {
  const sso = ssoProviderOf(user.passwordHash);
  return {
    username: user.username,
    ...(user.displayName === undefined ? {} : { displayName: user.displayName }),
    role: user.role,
    scopes: user.scopes,
    ...(sso === undefined ? {} : { sso }),
    blocked: user.blocked === true,
    createdAt: user.createdAt,
  };
}

/**
 * Opens the accounts file for one piece of work (a locked file is a StoreError, told as such by
 * main). An existing research database is opened and closed first: that moves accounts an older
 * version kept in it into the accounts file, so what this command changes is not overwritten later.
 */
async function withStore<T>(
  effects: Effects,
  where: AccountsLocation,
  work: (store: AccountsStore) => Promise<T>,
): Promise<T> {
  const research = databasePath(effects, where.db);
  const accountsPath = accountsOverride(effects, where.accountsDb) ?? accountsDatabasePath(research);
  // moving accounts out of an old research file is DuckDB's; on PostgreSQL they are tables of the database
  if (!isPostgresTarget(research) && existsSync(research))
    await (await openDuckDbStore(research, { accountsPath })).close();
  const store = await openAccounts(accountsPath);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
