import { assignSlugs } from "@zaz/accounts";
import { EntityKind, InstrumentRole, normaliseEntityName } from "@zaz/model";
import type { Store } from "@zaz/store";
import { defaultPrivacy } from "@zaz/survey";
import type { Labeled } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { perVersion } from "./cache-by-version.js";
import { selection, sourceFor } from "./source.js";

/** An entity of the store: its id, its display name, and the value stored. */
export interface Entry extends Labeled {
  /** the context value in the store: a school's or board's registry id, an opleiding's code ("pabo_hva") */
  readonly code: string;
}

export interface SchoolEntry extends Entry {
  /** the school's board in the registry; null for a school registered without one */
  readonly bestuur: Entry | null;
}

export interface BestuurEntry extends Entry {
  readonly schools: readonly SchoolEntry[];
}

/**
 * The schools and boards with data, as registered (stable ids, display names), and the opleidingen
 * in the store (ids are slugs of their codes).
 */
export interface Directory {
  readonly besturen: readonly BestuurEntry[];
  readonly schools: readonly SchoolEntry[];
  readonly opleidingen: readonly Entry[];
}

const collator = new Intl.Collator("nl", { numeric: true });
const byName = (a: Labeled, b: Labeled) => collator.compare(a.name, b.name);

/** The directory of the store's data as they are now (read once per data version). */
export const directoryOf: (store: Store) => Promise<Directory> = perVersion((store) =>
  loadDirectory({ store, privacy: defaultPrivacy, now: () => new Date() }),
);

export function loadDirectory(context: ViewContext): Promise<Directory> {
  return readDirectory(context);
}

async function readDirectory(context: ViewContext): Promise<Directory> {
  // Ids and names come from the registry; the data only say which schools and boards have responses.
  const registry = await context.store.registry.list();
  const ouders = await sourceFor(context, InstrumentRole.ouderpopulatie);
  const pairs =
    ouders === null ? [] : await context.store.analysis.values(selection(ouders), ["bestuur", "school"]);
  const schoolsWithData = new Set(pairs.map((p) => p.values.school ?? "").filter((s) => s !== ""));
  const besturenWithData = new Set(pairs.map((p) => p.values.bestuur ?? "").filter((b) => b !== ""));
  const boards = new Map<string, Entry>(
    registry
      .filter((e) => e.kind === EntityKind.bestuur)
      .map((e) => [e.id, { id: e.id, name: e.name, code: e.id }]),
  );
  const schools: SchoolEntry[] = registry
    .filter((e) => e.kind === EntityKind.school && schoolsWithData.has(e.id))
    .map((e) => ({
      id: e.id,
      name: e.name,
      code: e.id,
      bestuur: e.bestuur === null ? null : (boards.get(e.bestuur) ?? null),
    }))
    .sort(byName);
  const besturen: BestuurEntry[] = [...boards.values()]
    .map((board) => ({ ...board, schools: schools.filter((s) => s.bestuur?.id === board.id) }))
    .filter((board) => board.schools.length > 0 || besturenWithData.has(board.id))
    .sort(byName);

  const codes = new Map<string, string>();
  for (const role of [InstrumentRole.opleidingsouders, InstrumentRole.observatie]) {
    const source = await sourceFor(context, role);
    if (source === null) continue;
    const labels = source.instrument.dimensions.find((d) => d.id === "opleiding")?.values ?? [];
    for (const v of await context.store.analysis.values(selection(source), ["opleiding"])) {
      const code = v.values.opleiding ?? "";
      if (code !== "" && !codes.has(code))
        codes.set(code, labels.find((l) => l.code === code)?.label ?? code);
    }
  }
  const opleidingIds = assignSlugs([...codes.keys()]);
  const opleidingen = [...codes]
    .map(([code, name]) => ({ id: opleidingIds.get(code)!, name, code }))
    .sort(byName);
  return { besturen, schools, opleidingen };
}

export function labeled(entry: Labeled): Labeled {
  return { id: entry.id, name: entry.name };
}

/** A school by id, or by its exact name when only one school has it. */
export function findSchool(directory: Directory, wanted: string): SchoolEntry | undefined {
  return findRegistered(directory.schools, wanted);
}

export function findBestuur(directory: Directory, wanted: string): BestuurEntry | undefined {
  return findRegistered(directory.besturen, wanted);
}

export function findOpleiding(directory: Directory, wanted: string): Entry | undefined {
  return find(directory.opleidingen, wanted);
}

/**
 * Registered entities are found as the registry finds them: by id, or by a name that is exactly
 * theirs and no other's. A case variant or a name two schools share finds nothing, so it can never
 * show one school's data for another.
 */
function findRegistered<E extends Entry>(entries: readonly E[], wanted: string): E | undefined {
  const w = normaliseEntityName(wanted);
  const byId = entries.find((e) => e.id === w);
  if (byId !== undefined) return byId;
  const byName = entries.filter((e) => normaliseEntityName(e.name) === w);
  return byName.length === 1 ? byName[0] : undefined;
}

function find<E extends Entry>(entries: readonly E[], wanted: string): E | undefined {
  const w = wanted.trim();
  const fold = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  return (
    entries.find((e) => e.id === w) ??
    entries.find((e) => e.code === w || e.name === w) ??
    entries.find((e) => fold(e.code) === fold(w) || fold(e.name) === fold(w))
  );
}
