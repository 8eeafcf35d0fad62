import { EntityKind, newActionPointSchema } from "@zaz/model";
import { resolveEntity } from "@zaz/survey";
import { conceptName } from "@zaz/views";
import { ExitCode } from "../cli-error.js";
import type { Effects } from "../effects.js";
import { parseFormat, render } from "../output/render.js";
import { type ActieAddOptions, actieCliMessages as msg } from "./actie.js";
import { refuse, withStore } from "./store-action.js";

// The work of `zaz actie …`, loaded only when one of them runs.

/** The schema's field names as the options are called. */
const optionOf: Readonly<Record<string, string>> = {
  school: "--school",
  groep: "--groep",
  concept: "--onderwerp",
  description: "--actie",
  wie: "--wie",
  wave: "--meting",
  effectWave: "--effect",
};

/** Who acts, for the audit trail: --door, else the system's user name. */
function actor(effects: Effects, door: string | undefined): string {
  return door ?? effects.env.USER ?? effects.env.USERNAME ?? "zaz";
}

/** `zaz actie list [--school S]`, through the one renderer. */
export async function actieList(
  options: { school?: string; db?: string; format?: string },
  effects: Effects,
): Promise<number> {
  const format = parseFormat(options.format);
  return withStore(effects, options.db, async (store) => {
    const entities = await store.registry.list();
    let school: string | undefined;
    if (options.school !== undefined) {
      const found = resolveEntity(entities, options.school, { kind: EntityKind.school });
      if (!found.ok) return refuse(effects, found.errors);
      school = found.value.id;
    }
    const points = await store.actions.list(school === undefined ? {} : { school });
    if (points.length === 0 && format === "table") {
      effects.stderr.write(`${msg.none}\n`);
      return ExitCode.ok;
    }
    const schoolName = (id: string) => entities.find((e) => e.kind === "school" && e.id === id)?.name ?? id;
    render(
      effects,
      format,
      {
        columns: [
          { key: "nr", title: "nr", align: "right" },
          { key: "school", title: "school", wrap: true },
          { key: "groep", title: "groep" },
          { key: "onderwerp", title: "voorwaarde of vorm", wrap: true },
          { key: "actie", title: "actiepunt", wrap: true },
          { key: "wie", title: "wie", wrap: true },
          { key: "meting", title: "meting" },
          { key: "effect", title: "effect in" },
          { key: "gedaan", title: "gedaan" },
        ],
        rows: points.map((p) => ({
          nr: p.id,
          school: schoolName(p.school),
          groep: p.groep ?? msg.wholeSchool,
          onderwerp: conceptName(p.concept),
          actie: p.description,
          wie: p.wie,
          meting: p.wave,
          effect: p.effectWave,
          gedaan: p.done ? msg.yes : msg.no,
        })),
      },
      points,
    );
    return ExitCode.ok;
  });
}

/** `zaz actie add --school S --onderwerp bakker:… --actie … --wie … --meting W --effect W2 [--groep G]` */
export async function actieAdd(options: ActieAddOptions, effects: Effects): Promise<number> {
  return withStore(effects, options.db, async (store) => {
    const found = resolveEntity(await store.registry.list(), options.school, { kind: EntityKind.school });
    if (!found.ok) return refuse(effects, found.errors);
    const parsed = newActionPointSchema.safeParse({
      school: found.value.id,
      groep: options.groep ?? null,
      concept: options.onderwerp,
      description: options.actie,
      wie: options.wie,
      wave: options.meting,
      effectWave: options.effect,
    });
    if (!parsed.success)
      return refuse(
        effects,
        parsed.error.issues.map((i) => ({
          code: "actie-invalid",
          message: `${optionOf[String(i.path[0] ?? "")] ?? ""} ${i.message}`.trim(),
        })),
      );
    const added = await store.actions.add(parsed.data, actor(effects, options.door));
    effects.stderr.write(`${msg.added(added.id, found.value.name)}\n`);
    return ExitCode.ok;
  });
}

/** `zaz actie done NR [--niet]` */
export async function actieDone(
  nr: string,
  options: { niet?: boolean; door?: string; db?: string },
  effects: Effects,
): Promise<number> {
  const id = /^\d{1,9}$/.test(nr) ? Number(nr) : undefined;
  if (id === undefined) return refuse(effects, [{ code: "actie-unknown", message: msg.noSuchAction(nr) }]);
  return withStore(effects, options.db, async (store) => {
    const done = options.niet !== true;
    const marked = await store.actions.markDone(id, done, actor(effects, options.door));
    if (marked === undefined)
      return refuse(effects, [{ code: "actie-unknown", message: msg.noSuchAction(nr) }]);
    effects.stderr.write(`${msg.marked(id, done)}\n`);
    return ExitCode.ok;
  });
}
