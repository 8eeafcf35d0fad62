import type { Instrument } from "./instrument-schema.js";
import { findProfieleis, type Profieleis, type ProfieleisId } from "./profieleis.js";

/**
 * Links from the default instruments to the profieleisen startbekwaam (seed 003 §2.4), so that a
 * lecturer can review outcomes of observations and opleidingsouders feedback against the leerlijn
 * (DESIGN: "Outcomes of feedback and observations are reviewed against it"). The seed gives no such
 * table; the links are our reading of which profieleis a section or question gives evidence on.
 * Nearly all point to group b (applying knowledge and conversation skills) and c (reflection and
 * attitude): an observation of a conversation shows skills and attitude, not theoretical knowledge.
 */
export const LinkedInstrument = {
  observatie: "observatie",
  opleidingsouders: "opleidingsouders",
} as const;

export type LinkedInstrument = (typeof LinkedInstrument)[keyof typeof LinkedInstrument];

export function isLinkedInstrument(value: unknown): value is LinkedInstrument {
  return typeof value === "string" && (Object.values(LinkedInstrument) as string[]).includes(value);
}

export interface LeerlijnLink {
  instrument: LinkedInstrument;
  /**
   * a section id; for opleidingsouders the question's section (version 2), which is also the id of
   * the question's closed item in version 1, so both versions keep their links
   */
  target: string;
  profieleisen: readonly ProfieleisId[];
}

const obs = (target: string, profieleisen: ProfieleisId[]): LeerlijnLink => ({
  instrument: "observatie",
  target,
  profieleisen,
});
const oo = (target: string, profieleisen: ProfieleisId[]): LeerlijnLink => ({
  instrument: "opleidingsouders",
  target,
  profieleisen,
});

export const leerlijnLinks: readonly LeerlijnLink[] = [
  // Algemene gespreksvaardigheden: the techniques themselves (b4) in every conversation (b5).
  obs("alg_inleiding", ["b4", "b5"]),
  // Open, respectful attitude and non-verbal encouragement: open communication (b6), open stance (c2), respect (c4).
  obs("alg_niet_selectief", ["b4", "b6", "c2", "c4"]),
  // Questions, paraphrase, reflection, summary: responding adequately (b9); bringing in one's own
  // perspective and checking the other's is multiperspectiviteit (b10).
  obs("alg_selectief", ["b4", "b9", "b10"]),
  // Keeping to the goals and handling a disturbance of them: acting well when it gets difficult (b8).
  obs("alg_regulerend", ["b4", "b8", "b9"]),
  obs("alg_slot", ["b4", "b5"]),
  // Kennismaking: asking about the child and the home situation shows interest in the family (c6)
  // and opens pedagogical and didactic cooperation (b2); naming expectations involves parents in school (b11).
  obs("km_inleiding", ["b4", "b5"]),
  obs("km_kern", ["b2", "b6", "b11", "c6"]),
  // Agreeing how to keep in touch is acting proactively in the contact with parents (b3).
  obs("km_slot", ["b3", "b5"]),
  obs("vg_opening", ["b4", "b5"]),
  // Perspectives of pupil, parents and teacher per topic (b10) and steering towards cooperation (b2).
  obs("vg_kern", ["b2", "b5", "b10"]),
  obs("vg_slot", ["b2", "b5"]),
  obs("po_opening", ["b9", "b10"]),
  // Analysing and choosing solutions together with the parents is pedagogical/didactic cooperation (b2).
  obs("po_kern", ["b2", "b5", "b10"]),
  obs("po_slot", ["b5"]),
  // Bad news is the seed's difficult situation: conversations in difficult situations (b7, b8), with respect (c4).
  obs("sn_opening", ["b7", "b8", "c4"]),
  obs("sn_kern", ["b2", "b7", "b8"]),
  obs("sn_slot", ["b5", "b7"]),
  obs("adv_opening", ["b4", "b5"]),
  // Substantiating the advice and handling disagreement: responding adequately (b9) and taking the
  // parents' perspective into account (b10).
  obs("adv_kern", ["b5", "b9", "b10"]),
  obs("adv_slot", ["b5"]),
  // Opleidingsouders: the parents' experience speaks to attitude more than technique (seed 003 §4.3
  // leaves technique to the mentor). Welcome and a positive approach: open (b6, c2), low-threshold (c3), respect (c4).
  oo("oo_sfeer", ["b6", "c2", "c3", "c4"]),
  // Speaking positively about the child: respect (c4) and interest in the child and family (c6).
  oo("oo_positief", ["c4", "c6"]),
  // Knowing the child's development: factors in the child's development (a3), cooperation about it (b2), interest (c6).
  oo("oo_ontwikkeling", ["a3", "b2", "c6"]),
  // Room for the parents' own input: cooperation in the conversation (b5), their perspective (b10), open stance (c2).
  oo("oo_ruimte", ["b5", "b10", "c2"]),
  // Overall satisfaction: working together in the conversation (b5) and responding adequately (b9).
  oo("oo_tevreden", ["b5", "b9"]),
];

/** The profieleisen a section (observatie) or question (opleidingsouders) bears on; empty if none. */
export function profieleisenFor(instrumentId: string, targetId: string): readonly Profieleis[] {
  const link = leerlijnLinks.find((l) => l.instrument === instrumentId && l.target === targetId);
  if (link === undefined) return [];
  return link.profieleisen.flatMap((id) => {
    const p = findProfieleis(id);
    return p === undefined ? [] : [p];
  });
}

/** The sections and questions that give evidence on one profieleis. */
export function linksToProfieleis(id: ProfieleisId): readonly LeerlijnLink[] {
  return leerlijnLinks.filter((l) => l.profieleisen.includes(id));
}

/**
 * The profieleisen an item of a loaded instrument bears on: its own link if it has one
 * (opleidingsouders), else its section's (observatie). A remark or explanation item follows the
 * item it comments on.
 */
export function profieleisenForItem(instrument: Instrument, itemId: string): readonly Profieleis[] {
  const direct = profieleisenFor(instrument.id, itemId);
  if (direct.length > 0) return direct;
  const item = instrument.items.find((i) => i.id === itemId);
  if (item === undefined) return [];
  if (item.section !== undefined) {
    const bySection = profieleisenFor(instrument.id, item.section);
    if (bySection.length > 0) return bySection;
  }
  if (item.commentOn !== undefined && item.commentOn !== itemId)
    return profieleisenForItem(instrument, item.commentOn);
  return [];
}
