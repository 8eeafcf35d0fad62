import type { Construct, Instrument, Item, ResponseScale } from "@zaz/model";
import type { FactsItem, FactsLayout } from "./facts-layout.js";

/** A stored instrument with its analysis table: what the query builders read. */
export interface AnalysisTable {
  readonly key: number;
  readonly instrument: Instrument;
  readonly layout: FactsLayout;
}

export function itemOf(table: AnalysisTable, id: string): Item | undefined {
  return table.instrument.items.find((i) => i.id === id);
}

export function factsItemOf(table: AnalysisTable, id: string): FactsItem | undefined {
  return table.layout.items.find((i) => i.id === id);
}

export function scaleOf(table: AnalysisTable, item: Item): ResponseScale | undefined {
  return item.scale === undefined ? undefined : table.instrument.scales.find((s) => s.id === item.scale);
}

/** The scale items of a construct in one instrument, in questionnaire order. */
export function constructItems(table: AnalysisTable, construct: string): Item[] {
  return table.instrument.items.filter((i) => i.type === "scale" && i.constructs.includes(construct));
}

export function constructOf(table: AnalysisTable, id: string): Construct | undefined {
  return table.instrument.constructs.find((c) => c.id === id);
}

function range(scale: ResponseScale): readonly [number, number] {
  const codes = scale.labels.map((l) => l.code);
  return [Math.min(...codes), Math.max(...codes)];
}

/** The lowest and highest code of a construct's scale in one instrument. */
export function constructRange(table: AnalysisTable, construct: string): readonly [number, number] | null {
  const scale = constructItems(table, construct)
    .map((i) => scaleOf(table, i))
    .find((s) => s !== undefined);
  return scale === undefined ? null : range(scale);
}

/**
 * Which tables score a construct. Scores are pooled across instrument versions by construct id, but
 * only where the scale runs over the same codes: the first table that has the construct defines it,
 * and a version whose construct lies on another scale is left out of it.
 */
export function constructSources(tables: readonly AnalysisTable[], construct: string): Set<number> {
  const sources = new Set<number>();
  let reference: readonly [number, number] | null = null;
  for (const table of tables) {
    const r = constructRange(table, construct);
    if (r === null) continue;
    reference ??= r;
    if (r[0] === reference[0] && r[1] === reference[1]) sources.add(table.key);
  }
  return sources;
}

/** Reverse scoring: code c becomes min + max − c. */
export function scoredCodes(table: AnalysisTable, item: Item): number[] | null {
  const scale = scaleOf(table, item);
  if (scale === undefined) return null;
  const codes = scale.labels.map((l) => l.code);
  if (!item.reverse) return codes;
  const [min, max] = range(scale);
  return codes.map((c) => min + max - c);
}
