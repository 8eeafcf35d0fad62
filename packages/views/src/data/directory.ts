import { assignSlugs } from "@zaz/accounts";
import { InstrumentRole } from "@zaz/model";
import type { Store } from "@zaz/store";
import { defaultPrivacy } from "@zaz/survey";
import type { Labeled } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { perVersion } from "./cache-by-version.js";
import { selection, sourceFor } from "./source.js";

/** An entity of the store: its id (a slug), its display name, and the value stored. */
export interface Entry extends Labeled {
  /** the context value in the store, e.g. "De Regenboog" or "pabo_hva" */
  readonly code: string;
}

export interface SchoolEntry extends Entry {
  /** the board the school's responses name; null when none was given at ingest */
  readonly bestuur: Entry | null;
}

export interface BestuurEntry extends Entry {
  readonly schools: readonly SchoolEntry[];
}

/**
 * The schools, boards and opleidingen in the store, each with a stable slug id: the only place
 * where ids and stored names meet.
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
  const ouders = await sourceFor(context, InstrumentRole.ouderpopulatie);
  const pairs =
    ouders === null ? [] : await context.store.analysis.values(selection(ouders), ["bestuur", "school"]);
  const schoolNames = [...new Set(pairs.map((p) => p.values.school ?? "").filter((s) => s !== ""))];
  const bestuurNames = [...new Set(pairs.map((p) => p.values.bestuur ?? "").filter((b) => b !== ""))];
  const schoolIds = assignSlugs(schoolNames);
  const bestuurIds = assignSlugs(bestuurNames);
  // A school whose responses name two boards is listed under the first (alphabetically) only.
  const bestuurOf = new Map<string, Entry>();
  for (const name of [...bestuurNames].sort()) {
    const entry: Entry = { id: bestuurIds.get(name)!, name, code: name };
    for (const p of pairs)
      if (p.values.bestuur === name && !bestuurOf.has(p.values.school ?? ""))
        bestuurOf.set(p.values.school ?? "", entry);
  }
  const schools: SchoolEntry[] = schoolNames
    .map((name) => ({ id: schoolIds.get(name)!, name, code: name, bestuur: bestuurOf.get(name) ?? null }))
    .sort(byName);
  const besturen: BestuurEntry[] = bestuurNames
    .map((name) => ({
      id: bestuurIds.get(name)!,
      name,
      code: name,
      schools: schools.filter((s) => s.bestuur?.code === name),
    }))
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

/** A school by id, by name (as people type it) or by stored value. */
export function findSchool(directory: Directory, wanted: string): SchoolEntry | undefined {
  return find(directory.schools, wanted);
}

export function findBestuur(directory: Directory, wanted: string): BestuurEntry | undefined {
  return find(directory.besturen, wanted);
}

export function findOpleiding(directory: Directory, wanted: string): Entry | undefined {
  return find(directory.opleidingen, wanted);
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
