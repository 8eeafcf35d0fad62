import type { Framework, Instrument } from "@zaz/model";
import type { ConstructInfo } from "@zaz/survey";

/**
 * Constructs grouped the way the seeds group them: the Bakker conditions, the partnership forms,
 * and any other scale of an adapted instrument on its own. Each group reads on its own scale.
 */
export interface ConstructGroupSpec {
  readonly id: string;
  readonly framework: Framework | null;
  readonly constructs: readonly ConstructInfo[];
}

export function constructGroups(constructs: readonly ConstructInfo[]): ConstructGroupSpec[] {
  const groups: ConstructGroupSpec[] = [];
  for (const framework of ["bakker", "partnerschap"] as const) {
    const own = constructs.filter((c) => c.framework === framework);
    if (own.length > 0) groups.push({ id: framework, framework, constructs: own });
  }
  const other = constructs.filter(
    (c) => c.framework === null || (c.framework !== "bakker" && c.framework !== "partnerschap"),
  );
  if (other.length > 0) groups.push({ id: "overig", framework: null, constructs: other });
  return groups;
}

/** "1 (helemaal mee oneens) tot 5 (helemaal mee eens)": the ends of the scale the constructs share. */
export function scaleEnds(instrument: Instrument, constructs: readonly ConstructInfo[]): string {
  const scaleId = constructs.find((c) => c.scale !== null)?.scale?.id;
  const scale = instrument.scales.find((s) => s.id === scaleId);
  if (scale === undefined) return "";
  const sorted = [...scale.labels].sort((a, b) => a.code - b.code);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return "";
  return `${first.code} (${first.label.toLowerCase()}) tot ${last.code} (${last.label.toLowerCase()})`;
}
