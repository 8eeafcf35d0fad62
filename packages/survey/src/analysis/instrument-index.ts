import type { Answer, Construct, Instrument, Item, ResponseScale, Section, SurveyResponse } from "@zaz/model";

/** Lookups over one instrument, built once per analysis call. */
export interface InstrumentIndex {
  readonly instrument: Instrument;
  readonly items: ReadonlyMap<string, Item>;
  readonly scales: ReadonlyMap<string, ResponseScale>;
  readonly sections: ReadonlyMap<string, Section>;
  /** the items of each construct, in instrument order */
  readonly constructItems: ReadonlyMap<string, readonly Item[]>;
  /** scale id → its label codes */
  readonly codes: ReadonlyMap<string, ReadonlySet<number>>;
  /** construct id → response → score, filled as scores are computed (a total and its groups share them) */
  readonly scoreCache: Map<string, WeakMap<SurveyResponse, { score: number | null; valid: number }>>;
}

export function indexInstrument(instrument: Instrument): InstrumentIndex {
  const constructItems = new Map<string, Item[]>(instrument.constructs.map((c) => [c.id, []]));
  for (const item of instrument.items) for (const c of item.constructs) constructItems.get(c)?.push(item);
  return {
    instrument,
    items: new Map(instrument.items.map((i) => [i.id, i])),
    scales: new Map(instrument.scales.map((s) => [s.id, s])),
    sections: new Map(instrument.sections.map((s) => [s.id, s])),
    constructItems,
    codes: new Map(instrument.scales.map((sc) => [sc.id, new Set(sc.labels.map((l) => l.code))])),
    scoreCache: new Map(),
  };
}

export function scaleOf(index: InstrumentIndex, item: Item): ResponseScale | undefined {
  return item.scale === undefined ? undefined : index.scales.get(item.scale);
}

/** The lowest and highest code of a scale: the ends that reverse-coding and rapportcijfers use. */
export function scaleRange(scale: ResponseScale): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const l of scale.labels) {
    min = Math.min(min, l.code);
    max = Math.max(max, l.code);
  }
  return { min, max };
}

/** Codes counted as agreement (top-2-box): the scale's own list, else its two highest codes. */
export function agreeCodes(scale: ResponseScale): ReadonlySet<number> {
  if (scale.agree !== undefined) return new Set(scale.agree);
  const codes = scale.labels.map((l) => l.code).sort((a, b) => b - a);
  return new Set(codes.slice(0, 2));
}

/**
 * Whether a response was asked this item: an item in a section with `appliesWhen` (the parts of
 * the observation form for one kind of conversation) counts only where its context matches.
 */
export function itemApplies(index: InstrumentIndex, item: Item, response: SurveyResponse): boolean {
  if (item.section === undefined) return true;
  const when = index.sections.get(item.section)?.appliesWhen;
  return when === undefined || when.values.includes(response.context[when.dimension] ?? "");
}

// Responses are read many times per analysis (once per item and group); index their answers once.
const answerCache = new WeakMap<SurveyResponse, ReadonlyMap<string, readonly Answer[]>>();

/** A response's answers to one item (several for a multiple-choice item, none if the export lacked it). */
export function answersTo(response: SurveyResponse, itemId: string): readonly Answer[] {
  let byItem = answerCache.get(response);
  if (byItem === undefined) {
    const map = new Map<string, Answer[]>();
    for (const a of response.answers) {
      const list = map.get(a.item);
      if (list === undefined) map.set(a.item, [a]);
      else list.push(a);
    }
    byItem = map;
    answerCache.set(response, byItem);
  }
  return byItem.get(itemId) ?? [];
}

/** The first valid code a response gives an item: a code on the item's scale, not a missing value. */
export function validCode(scale: ResponseScale, response: SurveyResponse, itemId: string): number | null {
  for (const a of answersTo(response, itemId)) {
    if (
      a.item === itemId &&
      a.missing === null &&
      a.code !== null &&
      scale.labels.some((l) => l.code === a.code)
    )
      return a.code;
  }
  return null;
}

/** A code as it counts in a scale score: reverse-coded items give min + max − code. */
export function scoredCode(scale: ResponseScale, item: Item, code: number): number {
  if (!item.reverse) return code;
  const { min, max } = scaleRange(scale);
  return min + max - code;
}

export function constructOf(index: InstrumentIndex, id: string): Construct | undefined {
  return index.instrument.constructs.find((c) => c.id === id);
}
