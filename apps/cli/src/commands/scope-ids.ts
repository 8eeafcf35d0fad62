import { slugify, type UserScopes } from "@zaz/accounts";
import { EntityKind, type Problem } from "@zaz/model";
import { openStore } from "@zaz/store";
import { resolveEntity } from "@zaz/survey";
import { databasePath } from "../context.js";
import type { Effects } from "../effects.js";

/**
 * The scope ids of `zaz user add`: schools and a board are looked up in the registry of the
 * research database (by id or exact name; an ambiguous, similar or unknown name is a problem),
 * so an account points at one registered school, never at whatever later carries its name.
 * Opleidingen are not registered: their id is the slug of the code or name, as the dashboard has it.
 */
export async function resolveScopeIds(
  options: { school?: string[]; bestuur?: string; opleiding?: string; db?: string },
  effects: Effects,
): Promise<{ ok: true; value: UserScopes } | { ok: false; errors: Problem[] }> {
  const requested: UserScopes = {};
  if (options.opleiding !== undefined) requested.opleiding = slugify(options.opleiding);
  if (options.school === undefined && options.bestuur === undefined) return { ok: true, value: requested };
  const store = await openStore(databasePath(effects, options.db));
  let registry: Awaited<ReturnType<typeof store.registry.list>>;
  try {
    registry = await store.registry.list();
  } finally {
    await store.close();
  }
  const errors: Problem[] = [];
  if (options.school !== undefined) {
    requested.schools = [];
    for (const written of options.school) {
      const found = resolveEntity(registry, written, { kind: EntityKind.school });
      if (found.ok) requested.schools.push(found.value.id);
      else errors.push(...found.errors.map((e) => ({ ...e, path: "--school" })));
    }
  }
  if (options.bestuur !== undefined) {
    const found = resolveEntity(registry, options.bestuur, { kind: EntityKind.bestuur });
    if (found.ok) requested.bestuur = found.value.id;
    else errors.push(...found.errors.map((e) => ({ ...e, path: "--bestuur" })));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: requested };
}
