import type { Command, Option } from "commander";
import type { Effects } from "../effects.js";

/** Dutch texts of `zaz actie`: registering here, the work in ./actie-actions.ts. */
export const actieCliMessages = {
  description: "actiepunten per school: vastleggen, tonen en afvinken (met opvolging in zaz report klassen)",
  listDescription: "toon de actiepunten, met wie, metingen en of ze gedaan zijn",
  addDescription: "leg een actiepunt vast bij een Bakker-voorwaarde of vorm van partnerschap",
  doneDescription: "vink een actiepunt af als gedaan (of met --niet weer als niet gedaan)",
  schoolOption: "de school (id of naam)",
  groepOption: "de groep (standaard: de hele school)",
  onderwerpOption: "voorwaarde of vorm, bijvoorbeeld bakker:heldere_communicatie of partnerschap:formeel",
  actieOption: "wat de school gaat doen",
  wieOption: "wie het doet",
  metingOption: "de meting waarvan de uitkomsten tot het actiepunt leidden, bijvoorbeeld 2025-najaar",
  effectOption: "de meting waarin het effect zichtbaar moet zijn, bijvoorbeeld 2026-voorjaar",
  doorOption: "wie de wijziging maakt (voor het logboek; standaard de gebruikersnaam van het systeem)",
  nietOption: "markeer als niet gedaan",
  nrArgument: "het nummer van het actiepunt (zie zaz actie list)",
  added: (id: number, school: string) => `Actiepunt ${id} is vastgelegd voor ${school}.`,
  marked: (id: number, done: boolean) => `Actiepunt ${id} staat nu op ${done ? "gedaan" : "niet gedaan"}.`,
  noSuchAction: (nr: string) => `Er is geen actiepunt met nummer ${nr}. Zie zaz actie list.`,
  none: "Er zijn nog geen actiepunten. Leg er een vast met: zaz actie add --school SCHOOL …",
  wholeSchool: "hele school",
  yes: "ja",
  no: "nee",
} as const;

export interface ActieCommandHelpers {
  dbOption: () => Option;
  formatOption: () => Option;
}

type Action = (effects: Effects) => Promise<number>;

const actions = () => import("./actie-actions.js");

export interface ActieAddOptions {
  school: string;
  groep?: string;
  onderwerp: string;
  actie: string;
  wie: string;
  meting: string;
  effect: string;
  door?: string;
  db?: string;
}

/** Adds `zaz actie list|add|done` to the program. */
export function registerActieCommands(
  program: Command,
  done: (run: Action) => void,
  helpers: ActieCommandHelpers,
): void {
  const m = actieCliMessages;
  const actie = program.command("actie").description(m.description);
  actie
    .command("list")
    .description(m.listDescription)
    .option("--school <school>", m.schoolOption)
    .addOption(helpers.dbOption())
    .addOption(helpers.formatOption())
    .action((opts: { school?: string; db?: string; format?: string }) =>
      done(async (e) => (await actions()).actieList(opts, e)),
    );
  actie
    .command("add")
    .description(m.addDescription)
    .requiredOption("--school <school>", m.schoolOption)
    .option("--groep <groep>", m.groepOption)
    .requiredOption("--onderwerp <voorwaarde>", m.onderwerpOption)
    .requiredOption("--actie <tekst>", m.actieOption)
    .requiredOption("--wie <wie>", m.wieOption)
    .requiredOption("--meting <meting>", m.metingOption)
    .requiredOption("--effect <meting>", m.effectOption)
    .option("--door <naam>", m.doorOption)
    .addOption(helpers.dbOption())
    .action((opts: ActieAddOptions) => done(async (e) => (await actions()).actieAdd(opts, e)));
  actie
    .command("done")
    .description(m.doneDescription)
    .argument("<nr>", m.nrArgument)
    .option("--niet", m.nietOption)
    .option("--door <naam>", m.doorOption)
    .addOption(helpers.dbOption())
    .action((nr: string, opts: { niet?: boolean; door?: string; db?: string }) =>
      done(async (e) => (await actions()).actieDone(nr, opts, e)),
    );
}
