import { EventEmitter } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { roles, verifyPassword } from "@zaz/accounts";
import { accountsDatabasePath, openAccountsStore, openDuckDbStore } from "@zaz/store";
import { Command, CommanderError, Option } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError } from "../src/cli-error.js";
import {
  hiddenPrompt,
  type PasswordInput,
  readAll,
  registerUserCommands,
  userAdd,
  userList,
  userRemove,
} from "../src/commands/user.js";
import type { Effects } from "../src/effects.js";

let dir: string;
let db: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "zaz-cli-user-"));
  db = join(dir, "zaz.duckdb");
  // --school and --bestuur name registered schools and boards (the registry of the research database)
  const research = await openDuckDbStore(db);
  try {
    await research.registry.add([
      { id: "asko", kind: "bestuur", name: "ASKO", bestuur: null, brin: null },
      { id: "brin-12ab", kind: "school", name: "Brin 12AB", bestuur: "asko", brin: null },
      { id: "de-regenboog", kind: "school", name: "De Regenboog", bestuur: "asko", brin: null },
    ]);
  } finally {
    await research.close();
  }
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Captured {
  effects: Effects;
  stdout: () => string;
  stderr: () => string;
}

function fakeEffects(): Captured {
  let stdout = "";
  let stderr = "";
  return {
    effects: {
      stdout: {
        write: (s) => {
          stdout += s;
        },
        isTTY: false,
      },
      stderr: {
        write: (s) => {
          stderr += s;
        },
        isTTY: false,
      },
      env: { NO_COLOR: "1" },
      cwd: dir,
      now: () => new Date("2026-11-23T12:00:00Z"),
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

const password = "correct paard batterij niet";
const stdin = (text: string): PasswordInput => ({ readStdin: async () => text });
/** a terminal where the user types these answers, one per prompt; records the prompts */
function terminal(...answers: string[]): PasswordInput & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    prompts,
    readSecret: async (prompt) => {
      prompts.push(prompt);
      const answer = answers.shift();
      if (answer === undefined) throw new Error("asked more often than expected");
      return answer;
    },
  };
}

/** `zaz ARGS` through a small program with only the user commands, handling errors as main() does. */
async function zaz(args: readonly string[], input: PasswordInput = {}) {
  const captured = fakeEffects();
  let action: ((effects: Effects) => Promise<number>) | undefined;
  const program = new Command("zaz").exitOverride().configureOutput({
    writeOut: (s) => captured.effects.stdout.write(s),
    writeErr: (s) => captured.effects.stderr.write(s),
  });
  registerUserCommands(
    program,
    (run) => {
      action = run;
    },
    {
      dbOption: () => new Option("--db <pad>", "databasebestand"),
      formatOption: () => new Option("-f, --format <formaat>", "uitvoer").choices(["table", "csv", "json"]),
      ...input,
    },
  );
  let code: number;
  try {
    await program.parseAsync([...args], { from: "user" });
    if (action === undefined) throw new Error("no action chosen");
    code = await action(captured.effects);
  } catch (error) {
    if (error instanceof CommanderError) code = error.code === "commander.helpDisplayed" ? 0 : 2;
    else if (error instanceof CliError) {
      captured.effects.stderr.write(`fout: ${error.message}\n`);
      code = error.exitCode;
    } else throw error;
  }
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

async function storedUsers() {
  const store = await openAccountsStore(accountsDatabasePath(db));
  try {
    return await store.users.list();
  } finally {
    await store.close();
  }
}

describe("zaz user add", () => {
  it("adds a directeur with the password from stdin, hashed, and confirms in Dutch on stderr", async () => {
    const added = await zaz(
      [
        "user",
        "add",
        "Anna",
        "--role",
        "directeur",
        "--school",
        "brin-12ab",
        "--school",
        "De Regenboog",
        "--password-stdin",
        "--db",
        db,
      ],
      stdin(`${password}\n`),
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toBe("");
    expect(added.stderr).toBe(
      "Gebruiker 'anna' is toegevoegd als directeur (scholen: brin-12ab, de-regenboog).\n",
    );
    const [stored, ...others] = await storedUsers();
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      username: "anna",
      role: "directeur",
      scopes: { schools: ["brin-12ab", "de-regenboog"] },
    });
    // the trailing newline of stdin is not part of the password
    expect(await verifyPassword(password, stored?.passwordHash ?? "")).toBe(true);
    expect(stored?.passwordHash).not.toContain(password);
  });

  it("asks twice on a terminal and stores nothing when the two differ", async () => {
    const typed = terminal(password, password);
    const ok = await zaz(["user", "add", "lt", "--role", "leerteam", "--bestuur", "asko", "--db", db], typed);
    expect(ok.code).toBe(0);
    expect(typed.prompts).toEqual(["Wachtwoord voor lt: ", "Herhaal het wachtwoord: "]);
    const differ = await zaz(
      ["user", "add", "doc", "--role", "docent", "--opleiding", "pabo-hva", "--db", db],
      terminal(password, `${password}!`),
    );
    expect(differ.code).toBe(1);
    expect(differ.stderr).toContain("De twee wachtwoorden zijn niet gelijk");
    expect((await storedUsers()).map((u) => u.username)).toEqual(["lt"]);
  });

  it("checks a typed password before asking to repeat it", async () => {
    const typed = terminal("kort");
    const r = await zaz(["user", "add", "anna", "--role", "beheerder", "--db", db], typed);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Het wachtwoord is te kort");
    expect(typed.prompts).toEqual(["Wachtwoord voor anna: "]);
  });

  it("rejects a short password with the dashboard's Dutch rule and a tip", async () => {
    const r = await zaz(
      ["user", "add", "anna", "--role", "beheerder", "--password-stdin", "--db", db],
      stdin("kort\n"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("fout: Het wachtwoord is te kort: 4 tekens, minstens 12 nodig.");
    expect(r.stderr).toContain("tip: Gebruik een zin van een paar woorden");
    expect(await storedUsers()).toEqual([]);
  });

  it("rejects a password equal to the username", async () => {
    const r = await zaz(
      ["user", "add", "heel-lange-naam", "--role", "beheerder", "--password-stdin", "--db", db],
      stdin("Heel-Lange-Naam"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("mag niet gelijk zijn aan de gebruikersnaam");
  });

  it("rejects a common password and one repeated character", async () => {
    const args = ["user", "add", "anna", "--role", "beheerder", "--password-stdin", "--db", db];
    const common = await zaz(args, stdin("qwerty123456\n"));
    expect(common.code).toBe(1);
    expect(common.stderr).toContain("veelgebruikte wachtwoorden");
    const repeated = await zaz(args, stdin("xxxxxxxxxxxxxxxx\n"));
    expect(repeated.code).toBe(1);
    expect(repeated.stderr).toContain("één en hetzelfde teken");
    expect(await storedUsers()).toEqual([]);
  });

  it("checks role and scopes before it asks for the password", async () => {
    const typed = terminal();
    const noSchool = await zaz(["user", "add", "anna", "--role", "directeur", "--db", db], typed);
    expect(noSchool.code).toBe(1);
    expect(noSchool.stderr).toContain("Een directeur hoort bij minstens één school (--school).");
    const badRole = await zaz(["user", "add", "anna", "--role", "koning", "--db", db], typed);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("Onbekende rol 'koning'");
    const badName = await zaz(["user", "add", "an na", "--role", "beheerder", "--db", db], typed);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain("'an na' is geen geldige gebruikersnaam");
    expect(typed.prompts).toEqual([]);
    expect(await storedUsers()).toEqual([]);
  });

  it("is a usage error without a way to read the password, or without --role", async () => {
    const none = await zaz(["user", "add", "anna", "--role", "beheerder", "--db", db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--password-stdin");
    const stdinUnwired = await zaz([
      "user",
      "add",
      "anna",
      "--role",
      "beheerder",
      "--password-stdin",
      "--db",
      db,
    ]);
    expect(stdinUnwired.code).toBe(2);
    expect((await zaz(["user", "add", "anna", "--db", db], stdin(password))).code).toBe(2);
  });

  it("refuses a taken username in any case and keeps the first account", async () => {
    const args = ["user", "add", "anna", "--role", "beheerder", "--password-stdin", "--db", db];
    expect((await zaz(args, stdin(password))).code).toBe(0);
    const again = await zaz(
      ["user", "add", "ANNA", "--role", "leerteam", "--bestuur", "asko", "--password-stdin", "--db", db],
      stdin(password),
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("fout: Er bestaat al een gebruiker 'anna'.\n");
    expect((await storedUsers()).map((u) => [u.username, u.role])).toEqual([["anna", "beheerder"]]);
  });

  it("lists every role of the dashboard in its help", async () => {
    const help = await zaz(["user", "add", "--help"]);
    expect(help.code).toBe(0);
    for (const role of roles) expect(help.stdout).toContain(role);
  });
});

describe("zaz user list and remove", () => {
  async function addUsers() {
    const input = stdin(password);
    await userAdd("user10", { role: "beheerder", passwordStdin: true, db }, fakeEffects().effects, input);
    await userAdd(
      "user2",
      { role: "docent", opleiding: "pabo-hva", passwordStdin: true, db },
      fakeEffects().effects,
      input,
    );
    await userAdd(
      "dir",
      { role: "directeur", school: ["de-regenboog"], passwordStdin: true, db },
      fakeEffects().effects,
      input,
    );
  }

  it("shows users with role and access as a table, sorted by name, never a hash", async () => {
    await addUsers();
    const r = await zaz(["user", "list", "--db", db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^gebruiker\s+naam\s+rol\s+toegang\s+inloggen\s+status\s+aangemaakt$/);
    const body = lines.filter((l) => /^(dir|user)/.test(l));
    expect(body.map((l) => l.split(/\s+/)[0])).toEqual(["dir", "user2", "user10"]);
    expect(r.stdout).toContain("school: de-regenboog");
    expect(r.stdout).toContain("opleiding: pabo-hva");
    expect(r.stdout).toContain("alles");
    expect(r.stdout).toContain("wachtwoord");
    expect(r.stdout).toContain("actief");
    expect(r.stdout).not.toContain("scrypt");
  });

  it("gives JSON with username, role, scopes, blocked and creation time only", async () => {
    await addUsers();
    const r = await zaz(["user", "list", "--format", "json", "--db", db]);
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(listed.map((u) => Object.keys(u).sort())).toEqual(
      Array(3).fill(["blocked", "createdAt", "role", "scopes", "username"]),
    );
    expect(listed[1]).toMatchObject({ username: "user2", role: "docent", scopes: { opleiding: "pabo-hva" } });
    expect(r.stdout).not.toContain("scrypt");
  });

  it("says so on stderr when there are no users", async () => {
    const empty = fakeEffects();
    expect(await userList({ db }, empty.effects)).toBe(0);
    expect(empty.stdout()).toBe("");
    expect(empty.stderr()).toContain("Er zijn nog geen gebruikers");
    const json = fakeEffects();
    expect(await userList({ db, format: "json" }, json.effects)).toBe(0);
    expect(JSON.parse(json.stdout())).toEqual([]);
  });

  it("blocks and unblocks a user whatever the case, and fails with exit 1 for an unknown one", async () => {
    await addUsers();
    const blocked = await zaz(["user", "block", "USER2", "--db", db]);
    expect(blocked.code).toBe(0);
    expect(blocked.stderr).toContain("Gebruiker 'user2' is geblokkeerd");
    expect((await storedUsers()).find((u) => u.username === "user2")?.blocked).toBe(true);
    const listed = await zaz(["user", "list", "--db", db]);
    expect(listed.stdout.split("\n").find((l) => l.startsWith("user2"))).toContain("geblokkeerd");
    expect((await zaz(["user", "unblock", "user2", "--db", db])).stderr).toBe(
      "Gebruiker 'user2' is weer open.\n",
    );
    expect((await storedUsers()).find((u) => u.username === "user2")?.blocked).toBe(false);
    const unknown = await zaz(["user", "block", "nobody", "--db", db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe("fout: Er bestaat geen gebruiker 'nobody'. Zie 'zaz user list'.\n");
  });

  it("removes a user whatever the case, and fails with exit 1 for an unknown one", async () => {
    await addUsers();
    const removed = await zaz(["user", "remove", "USER2", "--db", db]);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toBe("Gebruiker 'user2' is verwijderd.\n");
    expect((await storedUsers()).map((u) => u.username)).toEqual(["dir", "user10"]);
    const again = await zaz(["user", "remove", "user2", "--db", db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("fout: Er bestaat geen gebruiker 'user2'. Zie 'zaz user list'.\n");
    await expect(userRemove("nobody", { db }, fakeEffects().effects)).rejects.toBeInstanceOf(CliError);
  });
});

/** A terminal in raw mode, fed by hand. */
class FakeTerminal extends EventEmitter {
  raw = false;
  setRawMode(mode: boolean) {
    this.raw = mode;
    return this;
  }
  resume() {
    return this;
  }
  pause() {
    return this;
  }
}

describe("the password readers for the lead to wire", () => {
  it("reads a hidden line: no echo, backspace, no arrow keys, UTF-8 split across chunks, raw mode off after", async () => {
    const tty = new FakeTerminal();
    let shown = "";
    const ask = hiddenPrompt(tty, { write: (s: string) => (shown += s) });
    const answer = ask("Wachtwoord: ");
    expect(tty.raw).toBe(true);
    const euro = Buffer.from("€");
    tty.emit("data", Buffer.from("geheimx\u007f "));
    tty.emit("data", euro.subarray(0, 1));
    tty.emit("data", Buffer.concat([euro.subarray(1), Buffer.from("\u001b[A\u001b[1;5D!\r")]));
    expect(await answer).toBe("geheim €!");
    expect(shown).toBe("Wachtwoord: \n");
    expect(tty.raw).toBe(false);
    expect(tty.listenerCount("data")).toBe(0);
  });

  it("cancels on Ctrl+C with a Dutch error", async () => {
    const tty = new FakeTerminal();
    const answer = hiddenPrompt(tty, { write: () => undefined })("Wachtwoord: ");
    tty.emit("data", "abc\u0003");
    await expect(answer).rejects.toThrow("Afgebroken; er is niets opgeslagen.");
    expect(tty.raw).toBe(false);
  });

  it("reads all of a stream", async () => {
    expect(await readAll(Readable.from([Buffer.from("lang "), Buffer.from("wachtwoord\n")]))).toBe(
      "lang wachtwoord\n",
    );
  });
});
