import { dimensionValueLabel, dimensionValueOrder, InstrumentRole, sortWaves } from "@zaz/model";
import type { Labeled } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { directoryOf, findBestuur, findOpleiding, findSchool, labeled } from "./directory.js";
import { cohortLabel, waveLabel } from "./names.js";
import { selection, sourceFor } from "./source.js";

/** Whose filter options: one school, one board, or one opleiding (by id). */
export type FilterScope = { school: string } | { bestuur: string } | { opleiding: string };

/** Choices for the filter controls of a view; empty lists where a dimension does not apply. */
export interface FilterOptions {
  scope: Labeled;
  waves: Labeled[];
  groepen: Labeled[];
  schools: Labeled[];
  cohorts: Labeled[];
  fasen: Labeled[];
  gesprekssoorten: Labeled[];
}

const none = { waves: [], groepen: [], schools: [], cohorts: [], fasen: [], gesprekssoorten: [] };
const collator = new Intl.Collator("nl", { numeric: true });

const kept = new WeakMap<
  object,
  { version: number; options: Map<string, Promise<FilterOptions | undefined>> }
>();

/**
 * The choices of the filter controls: only values that occur, waves in time order. A value's id is
 * the value as stored, whatever its shape ("2025 najaar" too): the dashboard accepts a filter value
 * because it is one of these, not because it looks like an id.
 * Read once per scope and data version, like a view: a page that asks for them before its view
 * does no database work. Only scopes that exist are kept, so unknown ids cannot fill memory.
 */
export async function filterOptions(
  context: ViewContext,
  scope: FilterScope,
): Promise<FilterOptions | undefined> {
  const version = await context.store.dataVersion();
  let byScope = kept.get(context.store);
  if (byScope?.version !== version) {
    byScope = { version, options: new Map() };
    kept.set(context.store, byScope);
  }
  const key = JSON.stringify(Object.entries(scope));
  const hit = byScope.options.get(key);
  if (hit !== undefined) return hit;
  const read = readFilterOptions(context, scope);
  const options = byScope.options;
  options.set(key, read);
  read.then(
    (value) => {
      if (value === undefined) options.delete(key);
    },
    () => options.delete(key),
  );
  return read;
}

async function readFilterOptions(
  context: ViewContext,
  scope: FilterScope,
): Promise<FilterOptions | undefined> {
  const directory = await directoryOf(context.store);
  if ("school" in scope) {
    const school = findSchool(directory, scope.school);
    const source = await sourceFor(
      context,
      InstrumentRole.ouderpopulatie,
      school === undefined ? undefined : { school: school.code },
    );
    if (school === undefined || source === null) return undefined;
    const pairs = await context.store.analysis.values(selection(source, { school: school.code }), [
      "wave",
      "groep",
    ]);
    const groepDim = source.instrument.dimensions.find((d) => d.id === "groep");
    const groepen = [...new Set(pairs.map((p) => p.values.groep ?? ""))].filter((g) => g !== "");
    // in school order: 1/2 before 3, 3 before 3/4B (not "1-2" after groep 8)
    if (groepDim !== undefined) groepen.sort(dimensionValueOrder(groepDim));
    return {
      ...none,
      scope: labeled(school),
      waves: sortWaves(new Set(pairs.map((p) => p.values.wave ?? "").filter((w) => w !== ""))).map(waveLabel),
      groepen: groepen.map((code) => ({
        id: code,
        name: groepDim === undefined ? code : dimensionValueLabel(groepDim, code),
      })),
    };
  }
  if ("bestuur" in scope) {
    const bestuur = findBestuur(directory, scope.bestuur);
    const source = await sourceFor(context, InstrumentRole.ouderpopulatie);
    if (bestuur === undefined || source === null) return undefined;
    const waves = await context.store.analysis.values(selection(source, { bestuur: bestuur.code }), ["wave"]);
    return {
      ...none,
      scope: labeled(bestuur),
      waves: sortWaves(waves.map((w) => w.values.wave ?? "").filter((w) => w !== "")).map(waveLabel),
      schools: bestuur.schools.map(labeled),
    };
  }
  const opleiding = findOpleiding(directory, scope.opleiding);
  if (opleiding === undefined) return undefined;
  // Only values that occur: a choice without data would only lead to an empty page.
  const cohorts = new Set<string>();
  const present = { fase: new Set<string>(), gesprekssoort: new Set<string>() };
  const labels = new Map<string, string>();
  for (const role of [InstrumentRole.observatie, InstrumentRole.opleidingsouders]) {
    const source = await sourceFor(context, role, { opleiding: opleiding.code });
    if (source === null) continue;
    for (const v of await context.store.analysis.values(selection(source, { opleiding: opleiding.code }), [
      "cohort",
      "fase",
      "gesprekssoort",
    ])) {
      if (v.values.cohort) cohorts.add(v.values.cohort);
      if (v.values.fase) present.fase.add(v.values.fase);
      if (v.values.gesprekssoort) present.gesprekssoort.add(v.values.gesprekssoort);
    }
    for (const d of ["fase", "gesprekssoort"] as const)
      for (const v of source.instrument.dimensions.find((x) => x.id === d)?.values ?? [])
        if (!labels.has(`${d}:${v.code}`)) labels.set(`${d}:${v.code}`, v.label);
  }
  const ordered = (d: "fase" | "gesprekssoort") => {
    const declared = [...labels.keys()]
      .filter((k) => k.startsWith(`${d}:`))
      .map((k) => k.slice(d.length + 1));
    const codes = [...present[d]].sort((a, b) => {
      const ia = declared.indexOf(a);
      const ib = declared.indexOf(b);
      return (
        (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib) ||
        collator.compare(a, b)
      );
    });
    return codes.map((code) => ({ id: code, name: labels.get(`${d}:${code}`) ?? code }));
  };
  const fasen = ordered("fase");
  const soorten = ordered("gesprekssoort");
  return {
    ...none,
    scope: labeled(opleiding),
    cohorts: [...cohorts].sort(collator.compare).map(cohortLabel),
    fasen,
    gesprekssoorten: soorten,
  };
}
