import { assignSlugs } from "@zaz/accounts";
import type { Catalog, Labeled } from "../results-service.js";
import { InstrumentId } from "./instrument-ids.js";
import { codeLabel, type ResultsDeps, valuesOf } from "./results-deps.js";

/** An entity of the store: its dashboard id (a slug), its display name, and the value stored. */
export interface Entry extends Labeled {
  /** the context value in the store, e.g. "De Regenboog" or "pabo_hva" */
  code: string;
}

export interface SchoolEntry extends Entry {
  /** the board the school's responses name; null when none was given at ingest */
  bestuur: Entry | null;
}

export interface BestuurEntry extends Entry {
  schools: SchoolEntry[];
}

/**
 * The schools, boards and opleidingen in the store, each with a stable slug id: the only place
 * where dashboard ids and stored names meet.
 */
export interface Directory {
  besturen: BestuurEntry[];
  schools: SchoolEntry[];
  opleidingen: Entry[];
}

const collator = new Intl.Collator("nl", { numeric: true });
const byName = (a: Labeled, b: Labeled) => collator.compare(a.name, b.name);

export async function loadDirectory(deps: ResultsDeps): Promise<Directory> {
  const ouders = InstrumentId.ouderpopulatie;
  const [schoolNames, bestuurNames, feedback, observations] = await Promise.all([
    valuesOf(deps, ouders, "school"),
    valuesOf(deps, ouders, "bestuur"),
    valuesOf(deps, InstrumentId.opleidingsouders, "opleiding"),
    valuesOf(deps, InstrumentId.observatie, "opleiding"),
  ]);
  const schoolIds = assignSlugs(schoolNames);
  const bestuurIds = assignSlugs(bestuurNames);
  const schoolsOfBestuur = await Promise.all(
    bestuurNames.map((bestuur) => valuesOf(deps, ouders, "school", { bestuur })),
  );
  const bestuurOf = new Map<string, Entry>();
  const besturen: BestuurEntry[] = bestuurNames.map((name, i) => {
    const entry: Entry = { id: bestuurIds.get(name)!, name, code: name };
    for (const school of schoolsOfBestuur[i] ?? []) if (!bestuurOf.has(school)) bestuurOf.set(school, entry);
    return { ...entry, schools: [] };
  });
  const schools: SchoolEntry[] = schoolNames.map((name) => ({
    id: schoolIds.get(name)!,
    name,
    code: name,
    bestuur: bestuurOf.get(name) ?? null,
  }));
  // A school whose responses name two boards is listed under the first (alphabetically) only.
  for (const bestuur of besturen)
    bestuur.schools = schools.filter((s) => s.bestuur?.code === bestuur.code).sort(byName);

  const opleidingCodes = [...new Set([...feedback, ...observations])];
  const opleidingIds = assignSlugs(opleidingCodes);
  const opleidingen = opleidingCodes
    .map((code) => ({
      id: opleidingIds.get(code)!,
      name: codeLabel(
        deps,
        feedback.includes(code) ? InstrumentId.opleidingsouders : InstrumentId.observatie,
        "opleiding",
        code,
      ),
      code,
    }))
    .sort(byName);
  return { besturen: besturen.sort(byName), schools: schools.sort(byName), opleidingen };
}

export function findSchool(directory: Directory, id: string): SchoolEntry | undefined {
  return directory.schools.find((s) => s.id === id);
}

export function findBestuur(directory: Directory, id: string): BestuurEntry | undefined {
  return directory.besturen.find((b) => b.id === id);
}

export function findOpleiding(directory: Directory, id: string): Entry | undefined {
  return directory.opleidingen.find((o) => o.id === id);
}

export function labeled(entry: Labeled): Labeled {
  return { id: entry.id, name: entry.name };
}

/** The catalog as the dashboard wants it: ids and names only. */
export function catalogOf(directory: Directory): Catalog {
  return {
    besturen: directory.besturen.map((b) => ({ ...labeled(b), schools: b.schools.map(labeled) })),
    opleidingen: directory.opleidingen.map(labeled),
  };
}
