import { Command, CommanderError, Option } from "commander";
import { CliError, ExitCode } from "./cli-error.js";
import { instrumentCheck, instrumentList, instrumentShow } from "./commands/instrument.js";
import type { Effects } from "./effects.js";
import { cliMessages as msg } from "./messages.js";

type Action = (effects: Effects) => Promise<number>;

const formatOption = () =>
  new Option("-f, --format <formaat>", "uitvoer: table, csv of json").choices(["table", "csv", "json"]);

/** Builds the `zaz` program; each action records its exit code through `done`. */
export function createProgram(effects: Effects, done: (run: Action) => void): Command {
  const program = new Command("zaz")
    .description("Zij aan Zij — educatief partnerschap tussen ouders en school: enquêtes inlezen, controleren en analyseren.")
    .option("--debug", "toon technische details bij een fout")
    .showHelpAfterError(msg.usageHint)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => effects.stdout.write(s),
      writeErr: (s) => effects.stderr.write(s),
    });
  program.helpCommand("help [opdracht]", "toon uitleg bij een opdracht");

  const instrument = program
    .command("instrument")
    .description("vragenlijsten en formulieren (instrumenten): bekijken en controleren");
  instrument
    .command("list")
    .description("toon de gevonden instrumenten met versie en aantallen items")
    .addOption(formatOption())
    .action((opts: { format?: string }) => done((e) => instrumentList(opts, e)));
  instrument
    .command("show")
    .description("toon de items van een instrument: tekst, schaal en construct")
    .argument("<id>", "id van het instrument, of pad naar een instrumentbestand")
    .addOption(formatOption())
    .action((id: string, opts: { format?: string }) => done((e) => instrumentShow(id, opts, e)));
  instrument
    .command("check")
    .description("controleer een instrumentbestand; geen uitvoer en code 0 als het klopt")
    .argument("<bestand>", "pad naar het .json-bestand")
    .addOption(new Option("-f, --format <formaat>", "uitvoer van de problemen: table of json").choices(["table", "json"]))
    .action((file: string, opts: { format?: string }) => done((e) => instrumentCheck(file, opts, e)));

  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const command of all(program)) {
    command
      .exitOverride()
      .helpOption("-h, --help", msg.helpOption)
      .configureHelp({ styleTitle: (title) => msg.helpTitles[title] ?? title })
      .configureOutput({
        writeOut: (s) => effects.stdout.write(s),
        writeErr: (s) => effects.stderr.write(s),
        outputError: (s, write) => write(msg.usageError(s)),
      });
  }
  return program;
}

/** Runs `zaz` with the given arguments (without "node zaz"); returns the exit code. */
export async function main(args: readonly string[], effects: Effects): Promise<number> {
  let action: Action | undefined;
  const program = createProgram(effects, (run) => {
    action = run;
  });
  const debug = args.includes("--debug");
  try {
    await program.parseAsync([...args], { from: "user" });
    if (action === undefined) {
      program.outputHelp();
      return ExitCode.usage;
    }
    return await action(effects);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof CliError) {
      effects.stderr.write(`fout: ${error.message}\n`);
      if (debug && error.stack) effects.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    effects.stderr.write(`${msg.unexpected(detail)}\n`);
    if (debug && error instanceof Error && error.stack) effects.stderr.write(`${error.stack}\n`);
    return ExitCode.invalidInput;
  }
}
