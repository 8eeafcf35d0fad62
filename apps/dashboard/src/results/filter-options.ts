import { isScopeId } from "@zaz/accounts";
import type { FilterOptions, FilterScope, Labeled } from "../results-service.js";
import { type Directory, findBestuur, findOpleiding, findSchool, labeled } from "./directory.js";
import { InstrumentId } from "./instrument-ids.js";
import { byWave, cohortLabel, waveLabel } from "./names.js";
import { codeLabel, type ResultsDeps, valuesOf } from "./results-deps.js";

const none = { waves: [], groepen: [], schools: [], cohorts: [], fasen: [], gesprekssoorten: [] };
const collator = new Intl.Collator("nl", { numeric: true });

/** The choices of the filter controls, only values that occur and that are valid ids. */
export async function filterOptions(
  deps: ResultsDeps,
  directory: Directory,
  scope: FilterScope,
): Promise<FilterOptions | undefined> {
  const ouders = InstrumentId.ouderpopulatie;
  if ("school" in scope) {
    const school = findSchool(directory, scope.school);
    if (school === undefined) return undefined;
    const [waves, groepen] = await Promise.all([
      valuesOf(deps, ouders, "wave", { school: school.code }),
      valuesOf(deps, ouders, "groep", { school: school.code }),
    ]);
    return {
      ...none,
      scope: labeled(school),
      waves: waves.filter(isScopeId).sort(byWave).map(waveLabel),
      groepen: groepen
        .filter(isScopeId)
        .map((code) => ({ id: code, name: codeLabel(deps, ouders, "groep", code) })),
    };
  }
  if ("bestuur" in scope) {
    const bestuur = findBestuur(directory, scope.bestuur);
    if (bestuur === undefined) return undefined;
    const waves = await valuesOf(deps, ouders, "wave", { bestuur: bestuur.code });
    return {
      ...none,
      scope: labeled(bestuur),
      waves: waves.filter(isScopeId).sort(byWave).map(waveLabel),
      schools: bestuur.schools.map(labeled),
    };
  }
  const opleiding = findOpleiding(directory, scope.opleiding);
  if (opleiding === undefined) return undefined;
  const instruments = [InstrumentId.observatie, InstrumentId.opleidingsouders] as const;
  const cohorts = new Set<string>();
  for (const id of instruments)
    for (const c of await valuesOf(deps, id, "cohort", { opleiding: opleiding.code })) cohorts.add(c);
  return {
    ...none,
    scope: labeled(opleiding),
    cohorts: [...cohorts].filter(isScopeId).sort(collator.compare).map(cohortLabel),
    fasen: declared(deps, instruments, "fase"),
    gesprekssoorten: declared(deps, instruments, "gesprekssoort"),
  };
}

/** The values an instrument declares for a dimension (first instrument that has them). */
function declared(deps: ResultsDeps, ids: readonly InstrumentId[], dimension: string): Labeled[] {
  for (const id of ids) {
    const values = deps.instruments.get(id)?.dimensions.find((d) => d.id === dimension)?.values;
    if (values !== undefined)
      return values.filter((v) => isScopeId(v.code)).map((v) => ({ id: v.code, name: v.label }));
  }
  return [];
}
