import type { RosterRow } from "../ingest/roster.js";
import { wilsonInterval } from "../stats/wilson-interval.js";
import { type Cell, mapShown } from "./cell.js";
import type { Interval } from "./construct-stats.js";
import type { GroupKey } from "./group-plan.js";
import { analysisMessages as msg } from "./messages.js";

/** Respondents as a share of the families on the roster. */
export interface ResponseRate {
  readonly families: number;
  /** responses / families (may exceed 1 when the roster is incomplete) */
  readonly rate: number;
  /** Wilson 95% interval; null when there are more responses than families */
  readonly ci: Interval | null;
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

/** The rate follows the response count's cell: hidden where the count is hidden. */
export function rateCell(responses: Cell<number>, families: number | null): Cell<ResponseRate> {
  if (responses.status === "shown" && families === null) return { status: "empty", label: msg.empty };
  return mapShown(responses, (n) => {
    const f = families ?? 0;
    const w = n <= f ? wilsonInterval(n, f) : null;
    return {
      families: f,
      rate: n / (f === 0 ? 1 : f),
      ci: w === null ? null : { low: w.low, high: w.high, level: w.level },
    };
  });
}
