import type { RosterRow } from "../ingest/roster.js";
import type { GroupKey } from "./grouping.js";

/** Respondents as a share of the families on the roster. */
export interface ResponseRate {
  readonly families: number;
  /** responses / families (may exceed 1 when the roster is incomplete) */
  readonly rate: number;
}

const rosterDimensions = ["school", "groep", "wave"] as const;

/**
 * The families behind a population fixed by scope and group key. School and wave must be fixed
 * (families are counted per school per wave); an open groep sums the school's groepen. Null when
 * the roster has no matching row.
 */
export function familiesFor(roster: readonly RosterRow[], fixed: GroupKey): number | null {
  const value = (dim: (typeof rosterDimensions)[number]) => fixed.find((l) => l.dimension === dim)?.code;
  const school = value("school");
  const wave = value("wave");
  if (school === undefined || wave === undefined) return null;
  const groep = value("groep");
  let families = 0;
  let found = false;
  for (const row of roster) {
    if (row.school !== school || row.wave !== wave || (groep !== undefined && row.groep !== groep)) continue;
    families += row.families;
    found = true;
  }
  return found ? families : null;
}
