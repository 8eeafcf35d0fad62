import type { Command, Option } from "commander";
import type { Effects } from "../effects.js";

/** Dutch texts of `zaz school` and `zaz bestuur`: registering here, the work in ./registry-actions.ts. */
export const registryCliMessages = {
  schoolDescription: "geregistreerde scholen: toevoegen, tonen en hernoemen (een school heeft een vast id)",
  bestuurDescription: "geregistreerde schoolbesturen: toevoegen, tonen en hernoemen",
  schoolAddDescription:
    "registreer een school; het id (BRIN of een afgeleide van de naam) verandert daarna nooit",
  bestuurAddDescription: "registreer een schoolbestuur",
  listDescription: (kind: string) => `toon de geregistreerde ${kind} met id`,
  renameDescription: (kind: string) =>
    `geef een ${kind} een andere weergavenaam; id, gegevens en toegang blijven gelijk`,
  nameArgument: "de naam zoals die in rapporten en het dashboard staat",
  whichArgument: (kind: string) => `id of naam van de ${kind}`,
  newNameArgument: "de nieuwe naam",
  bestuurOption: "het schoolbestuur (id of naam; wordt geregistreerd als het nog niet bestaat)",
  bestuurFilterOption: "het schoolbestuur waar de school bij hoort (als de naam bij meer besturen voorkomt)",
  brinOption: "BRIN-nummer met vestigingsnummer, bijvoorbeeld 12AB00; wordt het id",
  registered: (kind: string, name: string, id: string) =>
    `${kind === "bestuur" ? "Schoolbestuur" : "School"} "${name}" is geregistreerd met id ${id}.`,
  renamed: (kind: string, id: string, from: string, to: string) =>
    `${kind === "bestuur" ? "Schoolbestuur" : "School"} ${id} heet nu "${to}" (was "${from}").`,
  unchanged: (name: string) => `De naam is al "${name}"; er is niets veranderd.`,
  nameTaken: (name: string, id: string) =>
    `Er is al een school met de naam "${name}" bij hetzelfde bestuur (id ${id}).`,
  noneRegistered: (kind: string) =>
    kind === "bestuur"
      ? 'Er zijn nog geen schoolbesturen geregistreerd. Voeg er een toe met: zaz bestuur add "NAAM"'
      : 'Er zijn nog geen scholen geregistreerd. Voeg er een toe met: zaz school add "NAAM" --bestuur "BESTUUR"',
} as const;

export interface RegistryCommandHelpers {
  dbOption: () => Option;
  formatOption: () => Option;
}

type Action = (effects: Effects) => Promise<number>;

const actions = () => import("./registry-actions.js");

/** Adds `zaz school add|list|rename` and `zaz bestuur add|list|rename` to the program. */
export function registerRegistryCommands(
  program: Command,
  done: (run: Action) => void,
  helpers: RegistryCommandHelpers,
): void {
  const m = registryCliMessages;
  const school = program.command("school").description(m.schoolDescription);
  school
    .command("add")
    .description(m.schoolAddDescription)
    .argument("<naam>", m.nameArgument)
    .option("--bestuur <bestuur>", m.bestuurOption)
    .option("--brin <code>", m.brinOption)
    .addOption(helpers.dbOption())
    .action((name: string, opts: { bestuur?: string; brin?: string; db?: string }) =>
      done(async (e) => (await actions()).schoolAdd(name, opts, e)),
    );
  school
    .command("list")
    .description(m.listDescription("scholen"))
    .addOption(helpers.dbOption())
    .addOption(helpers.formatOption())
    .action((opts: { db?: string; format?: string }) =>
      done(async (e) => (await actions()).registryList("school", opts, e)),
    );
  school
    .command("rename")
    .description(m.renameDescription("school"))
    .argument("<school>", m.whichArgument("school"))
    .argument("<nieuwe-naam>", m.newNameArgument)
    .option("--bestuur <bestuur>", m.bestuurFilterOption)
    .addOption(helpers.dbOption())
    .action((which: string, name: string, opts: { bestuur?: string; db?: string }) =>
      done(async (e) => (await actions()).registryRename("school", which, name, opts, e)),
    );

  const bestuur = program.command("bestuur").description(m.bestuurDescription);
  bestuur
    .command("add")
    .description(m.bestuurAddDescription)
    .argument("<naam>", m.nameArgument)
    .addOption(helpers.dbOption())
    .action((name: string, opts: { db?: string }) =>
      done(async (e) => (await actions()).bestuurAdd(name, opts, e)),
    );
  bestuur
    .command("list")
    .description(m.listDescription("schoolbesturen"))
    .addOption(helpers.dbOption())
    .addOption(helpers.formatOption())
    .action((opts: { db?: string; format?: string }) =>
      done(async (e) => (await actions()).registryList("bestuur", opts, e)),
    );
  bestuur
    .command("rename")
    .description(m.renameDescription("schoolbestuur"))
    .argument("<bestuur>", m.whichArgument("schoolbestuur"))
    .argument("<nieuwe-naam>", m.newNameArgument)
    .addOption(helpers.dbOption())
    .action((which: string, name: string, opts: { db?: string }) =>
      done(async (e) => (await actions()).registryRename("bestuur", which, name, opts, e)),
    );
}
