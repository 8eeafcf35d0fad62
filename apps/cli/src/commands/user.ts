import { StringDecoder } from "node:string_decoder";
import type { Command, Option } from "commander";
import { CliError } from "../cli-error.js";
import type { Effects } from "../effects.js";

/** Dutch texts of `zaz user`, for both its halves: registering here, the work in ./user-actions.ts. */
export const userMessages = {
  userDescription: "accounts voor het dashboard: toevoegen, tonen en verwijderen",
  addDescription: "voeg een account toe; het wachtwoord komt van stdin of wordt gevraagd",
  listDescription: "toon de accounts met rol en toegang (nooit wachtwoorden)",
  removeDescription: "verwijder een account; het verliest meteen de toegang",
  blockDescription:
    "blokkeer een account (ook een schoolaccount): het krijgt geen sessie meer, de lopende eindigen",
  unblockDescription: "zet een geblokkeerd account weer open",
  blocked: (name: string) =>
    `Gebruiker '${name}' is geblokkeerd; lopende sessies eindigen bij het volgende verzoek.`,
  unblocked: (name: string) => `Gebruiker '${name}' is weer open.`,
  statusBlocked: "geblokkeerd",
  statusActive: "actief",
  loginLocal: "wachtwoord",
  loginSso: (provider: string) => `schoolaccount (${provider})`,
  usernameArgument: "gebruikersnaam (hoofdletters tellen niet)",
  roleOption: "rol: directeur, leerteam, docent of beheerder",
  schoolOption: "school waarvan een directeur de gegevens ziet (herhaalbaar)",
  bestuurOption: "bestuur waarvan een leerteam de scholen ziet",
  opleidingOption: "opleiding waarvan een docent de leerlijn ziet",
  passwordStdinOption: "lees het wachtwoord van stdin (voor scripts)",
  accountsDbOption:
    "accountbestand van het dashboard (standaard: ZAZ_ACCOUNTS_DB of <database>.accounts.duckdb naast de database)",
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
  accountsDb?: string;
}

/** Where `zaz user` works: the accounts file, found from the research database unless given. */
export interface AccountsLocation {
  db?: string;
  accountsDb?: string;
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
    .option("--accounts-db <pad>", userMessages.accountsDbOption)
    .action((username: string, opts: UserAddOptions) => done((e) => userAdd(username, opts, e, helpers)));
  user
    .command("list")
    .description(userMessages.listDescription)
    .addOption(helpers.dbOption())
    .option("--accounts-db <pad>", userMessages.accountsDbOption)
    .addOption(helpers.formatOption())
    .action((opts: AccountsLocation & { format?: string }) => done((e) => userList(opts, e)));
  for (const [name, blocked] of [
    ["block", true],
    ["unblock", false],
  ] as const) {
    user
      .command(name)
      .description(blocked ? userMessages.blockDescription : userMessages.unblockDescription)
      .argument("<gebruikersnaam>", userMessages.usernameArgument)
      .addOption(helpers.dbOption())
      .option("--accounts-db <pad>", userMessages.accountsDbOption)
      .action((username: string, opts: AccountsLocation) =>
        done((e) => userSetBlocked(username, blocked, opts, e)),
      );
  }
  user
    .command("remove")
    .description(userMessages.removeDescription)
    .argument("<gebruikersnaam>", userMessages.usernameArgument)
    .addOption(helpers.dbOption())
    .option("--accounts-db <pad>", userMessages.accountsDbOption)
    .action((username: string, opts: AccountsLocation) => done((e) => userRemove(username, opts, e)));
  return user;
}

/** `zaz user add NAME --role ROLE …`; the work is in ./user-actions.ts, loaded when it runs. */
export async function userAdd(
  usernameArg: string,
  options: UserAddOptions,
  effects: Effects,
  input: PasswordInput = {},
): Promise<number> {
  return (await import("./user-actions.js")).userAdd(usernameArg, options, effects, input);
}

/** `zaz user list`; the work is in ./user-actions.ts, loaded when it runs. */
export async function userList(
  options: AccountsLocation & { format?: string },
  effects: Effects,
): Promise<number> {
  return (await import("./user-actions.js")).userList(options, effects);
}

/** `zaz user remove NAME`; the work is in ./user-actions.ts, loaded when it runs. */
export async function userRemove(
  usernameArg: string,
  options: AccountsLocation,
  effects: Effects,
): Promise<number> {
  return (await import("./user-actions.js")).userRemove(usernameArg, options, effects);
}

/** `zaz user block|unblock NAME`; the work is in ./user-actions.ts, loaded when it runs. */
export async function userSetBlocked(
  usernameArg: string,
  blocked: boolean,
  options: AccountsLocation,
  effects: Effects,
): Promise<number> {
  return (await import("./user-actions.js")).userSetBlocked(usernameArg, blocked, options, effects);
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
