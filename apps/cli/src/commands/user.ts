import { StringDecoder } from "node:string_decoder";
import {
  hashPassword,
  isRole,
  normaliseUsername,
  type Role,
  slugify,
  type UserScopes,
  validatePassword,
  validateUserScopes,
} from "@zaz/accounts";
import type { Problem } from "@zaz/model";
import { openDuckDbStore, type Store, StoreError, type UserRecord } from "@zaz/store";
import type { Command, Option } from "commander";
import { CliError, ExitCode } from "../cli-error.js";
import { databasePath } from "../context.js";
import type { Effects } from "../effects.js";
import { parseFormat, render } from "../output/render.js";
import { printProblems } from "../problems.js";

/** Dutch texts of `zaz user`; kept here so the command is one self-contained file. */
export const userMessages = {
  userDescription: "accounts voor het dashboard: toevoegen, tonen en verwijderen",
  addDescription: "voeg een account toe; het wachtwoord komt van stdin of wordt gevraagd",
  listDescription: "toon de accounts met rol en toegang (nooit wachtwoorden)",
  removeDescription: "verwijder een account; het verliest meteen de toegang",
  usernameArgument: "gebruikersnaam (hoofdletters tellen niet)",
  roleOption: "rol: directeur, leerteam, docent of beheerder",
  schoolOption: "school waarvan een directeur de gegevens ziet (herhaalbaar)",
  bestuurOption: "bestuur waarvan een leerteam de scholen ziet",
  opleidingOption: "opleiding waarvan een docent de leerlijn ziet",
  passwordStdinOption: "lees het wachtwoord van stdin (voor scripts)",
  unknownRole: (role: string) => `Onbekende rol '${role}'. Kies directeur, leerteam, docent of beheerder.`,
  invalidUsername: (name: string) =>
    `'${name}' is geen geldige gebruikersnaam: gebruik letters, cijfers, punt, streepje, liggend streepje of @ (hoogstens 64 tekens).`,
  noPasswordSource:
    "Geen wachtwoord: geef het via --password-stdin, of voer de opdracht uit in een terminal om het te typen.",
  passwordPrompt: (name: string) => `Wachtwoord voor ${name}: `,
  repeatPrompt: "Herhaal het wachtwoord: ",
  passwordsDiffer: "De twee wachtwoorden zijn niet gelijk; er is niets opgeslagen.",
  cancelled: "Afgebroken; er is niets opgeslagen.",
  exists: (name: string) => `Er bestaat al een gebruiker '${name}'.`,
  added: (name: string, role: string, access: string) =>
    `Gebruiker '${name}' is toegevoegd als ${role} (${access}).`,
  unknownUser: (name: string) => `Er bestaat geen gebruiker '${name}'. Zie 'zaz user list'.`,
  removed: (name: string) => `Gebruiker '${name}' is verwijderd.`,
  noUsers: "Er zijn nog geen gebruikers. Voeg er een toe met: zaz user add NAAM --role ROL",
  accessAll: "alles",
  accessSchools: (ids: readonly string[]) => `${ids.length === 1 ? "school" : "scholen"}: ${ids.join(", ")}`,
  accessBestuur: (id: string) => `bestuur: ${id}`,
  accessOpleiding: (id: string) => `opleiding: ${id}`,
} as const;

export interface UserCommandHelpers {
  dbOption: () => Option;
  formatOption: () => Option;
  /** asks for a secret without echoing it; give it only when stdin is a terminal */
  readSecret?: (prompt: string) => Promise<string>;
  /** all of stdin, for --password-stdin */
  readStdin?: () => Promise<string>;
}

/** How `zaz user add` gets the password: the same two readers as `UserCommandHelpers`. */
export type PasswordInput = Pick<UserCommandHelpers, "readSecret" | "readStdin">;

export interface UserAddOptions {
  role: string;
  school?: string[];
  bestuur?: string;
  opleiding?: string;
  passwordStdin?: boolean;
  db?: string;
}

type Action = (effects: Effects) => Promise<number>;

/** Adds `zaz user add|list|remove` to the program; returns the `user` command. */
export function registerUserCommands(
  program: Command,
  done: (run: Action) => void,
  helpers: UserCommandHelpers,
): Command {
  const user = program.command("user").description(userMessages.userDescription);
  user
    .command("add")
    .description(userMessages.addDescription)
    .argument("<gebruikersnaam>", userMessages.usernameArgument)
    .requiredOption("--role <rol>", userMessages.roleOption)
    .option("--school <naam>", userMessages.schoolOption, (v: string, acc: string[] = []) => [...acc, v])
    .option("--bestuur <naam>", userMessages.bestuurOption)
    .option("--opleiding <naam>", userMessages.opleidingOption)
    .option("--password-stdin", userMessages.passwordStdinOption)
    .addOption(helpers.dbOption())
    .action((username: string, opts: UserAddOptions) => done((e) => userAdd(username, opts, e, helpers)));
  user
    .command("list")
    .description(userMessages.listDescription)
    .addOption(helpers.dbOption())
    .addOption(helpers.formatOption())
    .action((opts: { db?: string; format?: string }) => done((e) => userList(opts, e)));
  user
    .command("remove")
    .description(userMessages.removeDescription)
    .argument("<gebruikersnaam>", userMessages.usernameArgument)
    .addOption(helpers.dbOption())
    .action((username: string, opts: { db?: string }) => done((e) => userRemove(username, opts, e)));
  return user;
}

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
  const requested: UserScopes = {};
  // Names as people write them ("De Regenboog", "Pabo HvA") become the ids the dashboard uses.
  if (options.school !== undefined) requested.schools = options.school.map(slugify);
  if (options.bestuur !== undefined) requested.bestuur = slugify(options.bestuur);
  if (options.opleiding !== undefined) requested.opleiding = slugify(options.opleiding);
  const scopes = validateUserScopes(role, requested);
  if (!scopes.ok) return reject(effects, scopes.errors);

  // on a terminal the rules are checked before the user is asked to repeat the password
  const password = await readPassword(username, options, input);
  const checked = validatePassword(password, username);
  if (!checked.ok) return reject(effects, checked.errors);
  if (!options.passwordStdin && (await readRepeat(input)) !== password) {
    throw new CliError(userMessages.passwordsDiffer);
  }

  const passwordHash = await hashPassword(password);
  const outcome = await withStore(effects, options.db, (store) =>
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
export async function userList(options: { db?: string; format?: string }, effects: Effects): Promise<number> {
  const format = parseFormat(options.format);
  const users = await withStore(effects, options.db, (store) => store.users.list());
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
        { key: "rol", title: "rol" },
        { key: "toegang", title: "toegang", wrap: true },
        { key: "aangemaakt", title: "aangemaakt" },
      ],
      rows: users.map((u) => ({
        gebruiker: u.username,
        rol: u.role,
        toegang: accessText(u.scopes),
        aangemaakt: u.createdAt.slice(0, 10),
      })),
    },
    users.map(publicRecord),
  );
  return ExitCode.ok;
}

/** `zaz user remove NAME` — exit 1 when there is no such user. */
export async function userRemove(
  usernameArg: string,
  options: { db?: string },
  effects: Effects,
): Promise<number> {
  const username = normaliseUsername(usernameArg);
  const removed = await withStore(effects, options.db, (store) => store.users.remove(username));
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
  role: string;
  scopes: UserScopes;
  createdAt: string;
} {
  return { username: user.username, role: user.role, scopes: user.scopes, createdAt: user.createdAt };
}

/** Opens the store for one piece of work; a locked database becomes a plain Dutch error. */
async function withStore<T>(
  effects: Effects,
  db: string | undefined,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  let store: Store;
  try {
    store = await openDuckDbStore(databasePath(effects, db));
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(error.message);
    throw error;
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The terminal side of a hidden prompt: a TTY stream that can be put in raw mode. */
export interface SecretInput {
  setRawMode(mode: boolean): unknown;
  on(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  off(event: "data", listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/**
 * A `readSecret` for a terminal: prints the prompt, reads one line in raw mode without echoing
 * it (backspace works), Ctrl+C cancels. Meant for process.stdin when it is a TTY.
 */
export function hiddenPrompt(
  input: SecretInput,
  output: { write(text: string): unknown },
): (prompt: string) => Promise<string> {
  return (prompt) =>
    new Promise((resolve, reject) => {
      const decoder = new StringDecoder("utf8");
      let typed: string[] = [];
      // inside an escape sequence (arrow keys, Home …), which is not part of a password
      let inEscape: "none" | "esc" | "csi" = "none";
      const finish = (error?: CliError) => {
        input.off("data", onData);
        input.setRawMode(false);
        input.pause();
        output.write("\n");
        if (error === undefined) resolve(typed.join(""));
        else reject(error);
      };
      const onData = (chunk: Buffer | string) => {
        const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
        for (const char of text) {
          if (inEscape === "esc") inEscape = char === "[" ? "csi" : "none";
          else if (inEscape === "csi") inEscape = char >= "@" && char <= "~" ? "none" : "csi";
          else if (char === "\r" || char === "\n" || char === "\u0004") return finish();
          else if (char === "\u0003") return finish(new CliError(userMessages.cancelled));
          else if (char === "\u001b") inEscape = "esc";
          else if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
          else if (char >= " ") typed.push(char);
        }
      };
      output.write(prompt);
      input.setRawMode(true);
      input.on("data", onData);
      input.resume();
    });
}

/** A `readStdin`: everything until the end of the stream, as UTF-8. */
export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
