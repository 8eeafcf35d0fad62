import { type Framework, type Instrument, type Item, parseConceptRef } from "@zaz/model";
import { statsMessages } from "../stats/messages.js";
import { rapportcijferFormula } from "../stats/rapportcijfer.js";
import { type InstrumentIndex, scaleOf, scaleRange } from "./instrument-index.js";

// What a report needs to render a result without re-reading the instrument.

export interface InstrumentLabel {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly purpose: Instrument["purpose"];
}

export interface ScaleInfo {
  readonly id: string;
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

export interface ItemInfo {
  readonly id: string;
  readonly text: string;
  readonly type: Item["type"];
  readonly reverse: boolean;
  readonly scale: ScaleInfo | null;
  readonly section: { readonly id: string; readonly title: string; readonly form: string | null } | null;
}

export interface ConstructInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** "bakker:heldere_communicatie" etc., or null */
  readonly concept: string | null;
  readonly framework: Framework | null;
  readonly minValid: number;
  readonly scale: ScaleInfo | null;
  readonly items: readonly ItemInfo[];
  /** e.g. "3 × gemiddelde − 2" for a 1–4 scale; null without a scale */
  readonly rapportcijferFormula: string | null;
}

export function instrumentLabel(instrument: Instrument): InstrumentLabel {
  const { id, title, version, purpose } = instrument;
  return { id, title, version, purpose };
}

export function itemInfo(index: InstrumentIndex, item: Item): ItemInfo {
  const scale = scaleOf(index, item);
  const section = item.section === undefined ? undefined : index.sections.get(item.section);
  return {
    id: item.id,
    text: item.text,
    type: item.type,
    reverse: item.reverse,
    scale: scale === undefined ? null : { id: scale.id, name: scale.name, ...scaleRange(scale) },
    section:
      section === undefined ? null : { id: section.id, title: section.title, form: section.form ?? null },
  };
}

export function formulaText(min: number, max: number): string {
  return `rapportcijfer = ${statsMessages.rapportcijferFormula(rapportcijferFormula(min, max), min, max)}`;
}

export function constructInfo(index: InstrumentIndex, constructId: string): ConstructInfo {
  const c = index.instrument.constructs.find((x) => x.id === constructId);
  if (c === undefined) throw new RangeError(`unknown construct ${constructId}`);
  const items = (index.constructItems.get(c.id) ?? []).map((i) => itemInfo(index, i));
  const scale = items.find((i) => i.scale !== null)?.scale ?? null;
  const ref = c.concept === undefined ? undefined : parseConceptRef(c.concept);
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    concept: c.concept ?? null,
    framework: ref?.framework ?? null,
    minValid: c.minValid,
    scale,
    items,
    rapportcijferFormula: scale === null ? null : formulaText(scale.min, scale.max),
  };
}
