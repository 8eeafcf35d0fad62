import { EntityKind, normaliseEntityName, type RegistryEntity } from "@zaz/model";
import { planRegistration, RegistrationMode, type RegistrationRequest, resolveEntity } from "@zaz/survey";
import { CliError, ExitCode } from "../cli-error.js";
import type { Effects } from "../effects.js";
import { cliMessages } from "../messages.js";
import { parseFormat, render } from "../output/render.js";
import { printProblems } from "../problems.js";
import { registryCliMessages as msg } from "./registry.js";
import { refuse, withStore } from "./store-action.js";

// The work of `zaz school …` and `zaz bestuur …`, loaded only when one of them runs.

/** `zaz school add NAAM [--bestuur B] [--brin 12AB00]` */
export function schoolAdd(
  name: string,
  options: { bestuur?: string; brin?: string; db?: string },
  effects: Effects,
): Promise<number> {
  return register(
    {
      school: name,
      ...(options.bestuur === undefined ? {} : { bestuur: options.bestuur }),
      ...(options.brin === undefined ? {} : { brin: options.brin }),
    },
    options.db,
    effects,
  );
}

/** `zaz bestuur add NAAM` */
export function bestuurAdd(name: string, options: { db?: string }, effects: Effects): Promise<number> {
  return register({ bestuur: name }, options.db, effects);
}

async function register(
  request: RegistrationRequest,
  db: string | undefined,
  effects: Effects,
): Promise<number> {
  return withStore(effects, db, async (store) => {
    const planned = planRegistration(await store.registry.list(), request, RegistrationMode.explicit);
    printProblems(effects, planned.warnings, "warning");
    if (!planned.ok) return refuse(effects, planned.errors);
    await store.registry.add(planned.value.entities);
    for (const e of planned.value.entities) effects.stderr.write(`${msg.registered(e.kind, e.name, e.id)}\n`);
    return ExitCode.ok;
  });
}

/**
 * Registers schools with their boards where they are not registered yet (for `zaz voorbeeld`):
 * an existing school of the same name under the same board is left as it is.
 */
export async function registerSchools(
  listed: { besturen: readonly { name: string }[]; schools: readonly { name: string; bestuur: string }[] },
  db: string | undefined,
  effects: Effects,
): Promise<void> {
  await withStore(effects, db, async (store) => {
    const requests: RegistrationRequest[] = [
      ...listed.besturen.map((b) => ({ bestuur: b.name })),
      ...listed.schools.map((s) => ({ school: s.name, bestuur: s.bestuur })),
    ];
    for (const request of requests) {
      const planned = planRegistration(await store.registry.list(), request, RegistrationMode.onIngest);
      if (!planned.ok) {
        printProblems(effects, planned.errors, "error");
        throw new CliError(cliMessages.nothingSaved);
      }
      await store.registry.add(planned.value.entities);
    }
  });
}

/** `zaz school list` / `zaz bestuur list`: id, name, board, BRIN, through the one renderer. */
export async function registryList(
  kind: EntityKind,
  options: { db?: string; format?: string },
  effects: Effects,
): Promise<number> {
  const format = parseFormat(options.format);
  const all = await withStore(effects, options.db, (store) => store.registry.list());
  const entities = all.filter((e) => e.kind === kind);
  if (entities.length === 0 && format === "table") {
    effects.stderr.write(`${msg.noneRegistered(kind)}\n`);
    return ExitCode.ok;
  }
  const boardName = (id: string | null) =>
    id === null ? "" : (all.find((e) => e.kind === EntityKind.bestuur && e.id === id)?.name ?? id);
  if (kind === EntityKind.bestuur) {
    render(
      effects,
      format,
      {
        columns: [
          { key: "id", title: "id" },
          { key: "naam", title: "naam", wrap: true },
          { key: "scholen", title: "scholen", align: "right" },
        ],
        rows: entities.map((e) => ({
          id: e.id,
          naam: e.name,
          scholen: all.filter((s) => s.kind === EntityKind.school && s.bestuur === e.id).length,
        })),
      },
      entities.map((e) => ({ id: e.id, name: e.name })),
    );
    return ExitCode.ok;
  }
  render(
    effects,
    format,
    {
      columns: [
        { key: "id", title: "id" },
        { key: "naam", title: "naam", wrap: true },
        { key: "bestuur", title: "bestuur", wrap: true },
        { key: "brin", title: "BRIN" },
      ],
      rows: entities.map((e) => ({
        id: e.id,
        naam: e.name,
        bestuur: boardName(e.bestuur),
        brin: e.brin ?? "",
      })),
    },
    entities.map((e) => ({ id: e.id, name: e.name, bestuur: e.bestuur, brin: e.brin })),
  );
  return ExitCode.ok;
}

/** `zaz school rename SCHOOL NIEUWE-NAAM`: the display name only; id, data and scopes stay. */
export async function registryRename(
  kind: EntityKind,
  which: string,
  newName: string,
  options: { bestuur?: string; db?: string },
  effects: Effects,
): Promise<number> {
  return withStore(effects, options.db, async (store) => {
    const entities = await store.registry.list();
    let bestuur: string | undefined;
    if (kind === EntityKind.school && options.bestuur !== undefined) {
      const b = resolveEntity(entities, options.bestuur, { kind: EntityKind.bestuur });
      if (!b.ok) return refuse(effects, b.errors);
      bestuur = b.value.id;
    }
    const found = resolveEntity(entities, which, { kind, ...(bestuur === undefined ? {} : { bestuur }) });
    if (!found.ok) return refuse(effects, found.errors);
    const entity = found.value;
    const name = normaliseEntityName(newName);
    if (name === "") return refuse(effects, [{ code: "registry-empty-name", message: "Geef een naam op." }]);
    if (name === entity.name) {
      effects.stderr.write(`${msg.unchanged(name)}\n`);
      return ExitCode.ok;
    }
    const twin = entities.find(
      (e: RegistryEntity) =>
        e.kind === kind && e.id !== entity.id && e.bestuur === entity.bestuur && e.name === name,
    );
    if (twin !== undefined)
      return refuse(effects, [{ code: "registry-exists", message: msg.nameTaken(name, twin.id) }]);
    await store.registry.rename(kind, entity.id, name);
    effects.stderr.write(`${msg.renamed(kind, entity.id, entity.name, name)}\n`);
    return ExitCode.ok;
  });
}
