import { Command, CommanderError, Option } from "commander";
import { asCliError, ExitCode } from "./cli-error.js";
import { registerActieCommands } from "./commands/actie.js";
import type { IngestOptions } from "./commands/ingest.js";
import { registerRegistryCommands } from "./commands/registry.js";
import type { ReportOptions, ViewOptions } from "./commands/report.js";
import { hiddenPrompt, readAll, registerUserCommands } from "./commands/user.js";
import type { Effects } from "./effects.js";
import { cliMessages as msg } from "./messages.js";

// Only light modules are imported above: each action imports its command module when it runs,
// so `zaz --help` and `zaz instrument list` do not load DuckDB, Vega or the CSV reader
// (apps/cli/test/lazy-start.test.ts checks this; `npm run bench:cli` measures the start).

type Action = (effects: Effects) => Promise<number>;

const formatOption = () =>
  new Option("-f, --format <formaat>", "uitvoer: table, csv of json").choices(["table", "csv", "json"]);

/** Builds the `zaz` program; each action records its exit code through `done`. */
export function createProgram(effects: Effects, done: (run: Action) => void): Command {
  const program = new Command("zaz")
    .description(
      "Zij aan Zij — educatief partnerschap tussen ouders en school: enquêtes inlezen, controleren en analyseren.",
    )
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
    .action((opts: { format?: string }) =>
      done(async (e) => (await import("./commands/instrument.js")).instrumentList(opts, e)),
    );
  instrument
    .command("show")
    .description("toon de items van een instrument: tekst, schaal en construct")
    .argument("<id>", "id van het instrument, of pad naar een instrumentbestand")
    .addOption(formatOption())
    .option(
      "--taal <code>",
      "toon het formulier in een andere taal van het instrument (bijvoorbeeld en of tr; standaard nl)",
    )
    .action((id: string, opts: { format?: string; taal?: string }) =>
      done(async (e) => (await import("./commands/instrument.js")).instrumentShow(id, opts, e)),
    );
  instrument
    .command("check")
    .description("controleer een instrumentbestand; geen uitvoer en code 0 als het klopt")
    .argument("<bestand>", "pad naar het .json-bestand")
    .addOption(
      new Option("-f, --format <formaat>", "uitvoer van de problemen: table of json").choices([
        "table",
        "json",
      ]),
    )
    .action((file: string, opts: { format?: string }) =>
      done(async (e) => (await import("./commands/instrument.js")).instrumentCheck(file, opts, e)),
    );

  const dbOption = () =>
    new Option("--db <pad>", "databasebestand (standaard: ZAZ_DB of data/zijaanzij.duckdb)");
  const readOptions = (c: Command) =>
    c
      .addOption(
        new Option("--encoding <codering>", "tekencodering van het bestand (standaard: herkend)").choices([
          "utf-8",
          "windows-1252",
          "utf-16le",
        ]),
      )
      .addOption(
        new Option("--delimiter <teken>", "scheidingsteken (standaard: herkend)").choices([
          ",",
          ";",
          "tab",
          "|",
        ]),
      );
  const ingestOptions = (c: Command) =>
    readOptions(
      c
        .argument("<bestand>", "de CSV-export van het enquêteprogramma")
        .requiredOption(
          "-i, --instrument <id>",
          "id van het instrument, of pad naar een eigen instrumentbestand",
        )
        .option("--bestuur <naam>", "schoolbestuur, als het niet in het bestand staat")
        .option("--school <naam>", "school, als die niet in het bestand staat")
        .option("--groep <groep>", "groep, als die niet in het bestand staat")
        .option("--wave <meting>", "meting (bijvoorbeeld 2026-voorjaar), als die niet in het bestand staat")
        .option(
          "--taal <code>",
          "taal van het formulier (nl, en, tr …), als die niet uit de kolomkoppen of een taalkolom blijkt",
        )
        .option(
          "-c, --context <dimensie=waarde>",
          "andere context, bijvoorbeeld fase=hoofdfase (herhaalbaar)",
          (v: string, acc: string[] = []) => [...acc, v],
        )
        .option("--map <koppelbestand>", "koppelbestand van 'zaz map'")
        .option(
          "--onvoltooid-meenemen",
          "lees ook reacties in die de respondent niet heeft afgemaakt (previews, tests en spam nooit)",
        )
        .option(
          "--nieuwe-school",
          "registreer de --school en --bestuur van deze import als ze nog niet bestaan (geen namen die op een bestaande lijken)",
        )
        .option("--json", "resultaat en problemen als JSON op stdout"),
    );

  ingestOptions(
    program
      .command("ingest")
      .description("lees een export in de database in: alles of niets, dubbel inlezen voegt niets toe"),
  )
    .addOption(dbOption())
    .option(
      "--vervang",
      "antwoordformulieren die al zijn ingelezen maar nu andere antwoorden hebben: vervang de opgeslagen versie (zonder: niets inlezen)",
    )
    .action((file: string, opts: IngestOptions) =>
      done(async (e) => (await import("./commands/ingest.js")).ingest(file, opts, e)),
    );
  ingestOptions(
    program
      .command("validate")
      .description("controleer een export zoals ingest doet, zonder iets op te slaan"),
  ).action((file: string, opts: IngestOptions) =>
    done(async (e) => (await import("./commands/ingest.js")).validate(file, opts, e)),
  );
  readOptions(
    program
      .command("map")
      .description(
        "stel een koppeling van kolommen aan items voor en schrijf die als bewerkbaar koppelbestand",
      )
      .argument("<bestand>", "de CSV-export")
      .requiredOption("-i, --instrument <id>", "id van het instrument, of pad naar een instrumentbestand")
      .option(
        "-o, --output <koppelbestand>",
        "waar het koppelbestand komt (standaard: BESTAND.koppeling.json)",
      )
      .addOption(formatOption()),
  ).action((file: string, opts: { instrument: string; output?: string; format?: string }) =>
    done(async (e) => (await import("./commands/map.js")).map(file, opts, e)),
  );
  program
    .command("imports")
    .description("toon wat er is ingelezen: import-id, bestand, instrument, meting, aantallen, datum")
    .addOption(dbOption())
    .addOption(formatOption())
    .action((opts: { db?: string; format?: string }) =>
      done(async (e) => (await import("./commands/imports.js")).imports(opts, e)),
    );
  program
    .command("remove")
    .description("wis een import of alle antwoorden van één respondent, ook uit het databasebestand")
    .option("--import <id>", "id van de import (de eerste tekens volstaan, zie 'zaz imports')")
    .option("--respondent <pseudoniem>", "pseudoniem van de respondent of student (zie 'zaz pseudoniem')")
    .addOption(dbOption())
    .option("--json", "resultaat als JSON")
    .action((opts: { import?: string; respondent?: string; db?: string; json?: boolean }) =>
      done(async (e) => (await import("./commands/remove.js")).remove(opts, e)),
    );
  readOptions(
    program
      .command("roster")
      .description("lees het aantal gezinnen per school, groep en meting in, voor de respons")
      .argument("<bestand>", "CSV met kolommen school, groep, meting en gezinnen")
      .option("--school <naam>", "school, als die niet in het bestand staat")
      .option("--wave <meting>", "meting, als die niet in het bestand staat")
      .addOption(dbOption())
      .addOption(formatOption()),
  ).action((file: string, opts: { school?: string; wave?: string; db?: string; format?: string }) =>
    done(async (e) => (await import("./commands/roster.js")).roster(file, opts, e)),
  );
  program
    .command("voorbeeld")
    .description(
      "lees de voorbeeldgegevens van data/voorbeeld in (een bestuur, vier scholen, twee metingen, Pabo-feedback)",
    )
    .addOption(dbOption())
    .action((opts: { db?: string }) =>
      done(async (e) => (await import("./commands/voorbeeld.js")).voorbeeld(opts, e)),
    );
  program
    .command("pseudoniem")
    .description("toon het pseudoniem dat deze installatie aan een naam of e-mailadres geeft")
    .argument("<waarde>", "naam of e-mailadres")
    .addOption(dbOption())
    .action((value: string, opts: { db?: string }) =>
      done(async (e) => (await import("./commands/pseudonym.js")).pseudonymCommand(value, opts, e)),
    );

  const report = program
    .command("report")
    .description(
      "rapporten: klassen en groep (directeur), scholen (leerteam), leerlijn (Pabo-docent), ontwikkeling (student)",
    );
  const reportOptions = (c: Command) =>
    c
      .addOption(
        new Option("-f, --format <formaat>", "table, html, pdf (met -o), json of csv").choices([
          "table",
          "html",
          "pdf",
          "json",
          "csv",
        ]),
      )
      .option("-o, --output <bestand>", "schrijf naar dit bestand in plaats van stdout")
      .addOption(
        new Option(
          "--delimiter <teken>",
          "scheidingsteken voor csv; ';' geeft ook een BOM voor Nederlandse Excel",
        ).choices([",", ";"]),
      )
      .option("--k <aantal>", "kleinste groep waarvoor cijfers getoond worden (standaard 5, minimaal 3)")
      .option("--k-tekst <aantal>", "kleinste groep voor open antwoorden (standaard 10)")
      .option("--vers", "bereken opnieuw, ook als deze uitkomst voor dezelfde gegevens al bewaard is")
      .addOption(dbOption());
  reportOptions(
    report
      .command("klassen")
      .description("betrokkenheid per groep van één school in één meting, met respons en verandering")
      .requiredOption("--school <naam>", "de school")
      .requiredOption("--wave <meting>", "de meting, bijvoorbeeld 2026-voorjaar"),
  ).action((opts: ReportOptions & { school: string; wave: string }) =>
    done(async (e) => (await import("./commands/report.js")).report("klassen", opts, e)),
  );
  reportOptions(
    report
      .command("groep")
      .description(
        "één groep van een school in één meting: antwoorden per stelling, verloop en open antwoorden",
      )
      .requiredOption("--school <naam>", "de school")
      .requiredOption("--wave <meting>", "de meting, bijvoorbeeld 2026-voorjaar")
      .requiredOption("--groep <groep>", "de groep, bijvoorbeeld 3, 5A of 1/2"),
  ).action((opts: ReportOptions & { school: string; wave: string; groep: string }) =>
    done(async (e) => (await import("./commands/report.js")).report("groep", opts, e)),
  );
  reportOptions(
    report
      .command("scholen")
      .description("de scholen van een bestuur naast elkaar en over de metingen (leerteam)")
      .requiredOption("--bestuur <naam>", "het schoolbestuur"),
  ).action((opts: ReportOptions & { bestuur: string }) =>
    done(async (e) => (await import("./commands/report.js")).report("scholen", opts, e)),
  );
  reportOptions(
    report
      .command("leerlijn")
      .description(
        "feedback van opleidingsouders en observaties per fase, cohort en soort gesprek, per profieleis",
      )
      .requiredOption("--opleiding <opleiding>", "pabo_hva of upva (of 'Pabo HvA', 'UPvA')")
      .option("--cohort <cohort>", "één cohort, bijvoorbeeld 2024")
      .option("--fase <fase>", "één fase: hoofdfase of afstudeerfase")
      .option("--gesprekssoort <soort>", "één soort gesprek, bijvoorbeeld kennismaking"),
  ).action(
    (opts: ReportOptions & { opleiding: string; cohort?: string; fase?: string; gesprekssoort?: string }) =>
      done(async (e) => (await import("./commands/report.js")).report("leerlijn", opts, e)),
  );
  reportOptions(
    report
      .command("ontwikkeling")
      .description("de eigen feedback van één student over de tijd, voor student en mentor")
      .requiredOption("--student <pseudoniem>", "het pseudoniem van de student (zie zaz pseudoniem)"),
  ).action((opts: ReportOptions & { student: string }) =>
    done(async (e) => (await import("./commands/report.js")).report("ontwikkeling", opts, e)),
  );
  program
    .command("export")
    .description(
      "geaggregeerde resultaten als CSV voor Excel (UTF-8 met BOM, ';', formules onschadelijk gemaakt)",
    )
    .argument("<rapport>", "klassen, groep, scholen of leerlijn")
    .option("--school <naam>", "voor klassen en groep")
    .option("--wave <meting>", "voor klassen en groep")
    .option("--groep <groep>", "voor groep")
    .option("--bestuur <naam>", "voor scholen")
    .option("--opleiding <opleiding>", "voor leerlijn")
    .option("--cohort <cohort>", "voor leerlijn")
    .option("--fase <fase>", "voor leerlijn")
    .option("--gesprekssoort <soort>", "voor leerlijn")
    .addOption(new Option("--delimiter <teken>", "scheidingsteken (standaard ';')").choices([",", ";"]))
    .option("-o, --output <bestand>", "schrijf naar dit bestand")
    .option("--k <aantal>", "kleinste groep waarvoor cijfers getoond worden (standaard 5, minimaal 3)")
    .addOption(dbOption())
    .action((kind: string, opts: ReportOptions & ViewOptions) =>
      done(async (e) => (await import("./commands/report.js")).exportCsv(kind, opts, e)),
    );

  registerRegistryCommands(program, done, { dbOption, formatOption });
  registerActieCommands(program, done, { dbOption, formatOption });
  registerUserCommands(program, done, {
    dbOption,
    formatOption,
    readStdin: () => readAll(process.stdin),
    ...(process.stdin.isTTY ? { readSecret: hiddenPrompt(process.stdin, process.stderr) } : {}),
  });

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
    const known = asCliError(error);
    if (known !== undefined) {
      effects.stderr.write(`fout: ${known.message}\n`);
      const stack = error instanceof Error ? error.stack : undefined;
      if (debug && stack) effects.stderr.write(`${stack}\n`);
      return known.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    effects.stderr.write(`${msg.unexpected(detail)}\n`);
    if (debug && error instanceof Error && error.stack) effects.stderr.write(`${error.stack}\n`);
    return ExitCode.invalidInput;
  }
}
