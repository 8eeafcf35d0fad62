import type { Instrument, Item, ResponseScale } from "@zaz/model";
import type { Random } from "./random.js";

/** One simulated answer, before an export profile decides how to write it. */
export type SimAnswer =
  | { kind: "codes"; codes: number[] }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "missing"; label: string };

export interface SimResponse {
  /** dimension id → value as a respondent or tool would write it (labels, not codes) */
  context: Record<string, string>;
  /** the same context as codes, for exports that write codes (LimeSurvey) */
  contextCodes?: Record<string, string>;
  answers: Map<string, SimAnswer>;
  submitted: Date;
  email: string;
  name: string;
}

export interface Tendency {
  /** centre of each construct's answers, as a fraction 0–1 of the scale's range */
  construct: (constructId: string) => number;
  /** probability that an item is answered at all (sections that do not apply stay empty) */
  applies?: (item: Item) => boolean;
  spread?: number;
  /** answers to the open questions of a section, by section id */
  texts?: Readonly<Record<string, readonly string[]>>;
}

const tips = [
  "Meer informatie over wat de kinderen leren zou fijn zijn.",
  "De juf is altijd goed bereikbaar, dank daarvoor!",
  "Graag vaker een kort berichtje als het goed gaat.",
  "Het is soms lastig om op de ouderavond te komen door mijn werk.",
  "Ik zou graag helpen met lezen in de klas.",
  "Informatie in meer talen zou helpen.",
  "Goed dat er een startgesprek was aan het begin van het jaar.",
  "Meer contact over het huiswerk, a.u.b.",
];
const remarks = [
  "Duidelijk gedaan.",
  "Kwam pas laat in het gesprek aan bod.",
  "Mooi voorbeeld genoemd uit de klas.",
  "Hier kan nog meer ruimte voor de ouder.",
  "Oogcontact en een rustige toon.",
];

function scaleRange(scale: ResponseScale): { min: number; max: number } {
  const codes = scale.labels.map((l) => l.code);
  return { min: Math.min(...codes), max: Math.max(...codes) };
}

export function simulateAnswers(
  instrument: Instrument,
  rng: Random,
  tendency: Tendency,
): Map<string, SimAnswer> {
  const scales = new Map(instrument.scales.map((s) => [s.id, s]));
  const answers = new Map<string, SimAnswer>();
  const personal = rng.normal() * 0.12;
  for (const item of instrument.items) {
    if (tendency.applies && !tendency.applies(item)) continue;
    const scale = item.scale === undefined ? undefined : scales.get(item.scale);
    if (item.type === "text") {
      // An open question of its own (opleidingsouders): most parents answer it, in their own words.
      const own = item.section === undefined ? undefined : tendency.texts?.[item.section];
      if (own !== undefined) {
        if (rng.chance(0.85)) answers.set(item.id, { kind: "text", text: rng.pick(own) });
        continue;
      }
      const pool = item.commentOn === undefined ? tips : remarks;
      if (rng.chance(item.commentOn === undefined ? 0.35 : 0.25))
        answers.set(item.id, { kind: "text", text: rng.pick(pool) });
      continue;
    }
    if (item.type === "number") {
      answers.set(item.id, { kind: "number", value: rng.chance(0.6) ? 1 : rng.chance(0.8) ? 2 : 3 });
      continue;
    }
    if (!scale) continue;
    const missingRoll = rng.next();
    const weetNiet = scale.missing.find((m) => m.kind === "weet_niet");
    const nvt = scale.missing.find((m) => m.kind === "nvt");
    if (weetNiet && missingRoll < 0.04) {
      answers.set(item.id, { kind: "missing", label: weetNiet.label });
      continue;
    }
    if (nvt && missingRoll > 0.98) {
      answers.set(item.id, { kind: "missing", label: nvt.label });
      continue;
    }
    if (missingRoll > 0.04 && missingRoll < 0.055) continue; // left empty
    if (item.type === "multiple") {
      const first = scale.labels[0];
      const codes = new Set<number>(first && rng.chance(0.85) ? [first.code] : []);
      for (const l of scale.labels) if (rng.chance(0.12)) codes.add(l.code);
      if (codes.size === 0 && first) codes.add(first.code);
      answers.set(item.id, { kind: "codes", codes: [...codes].sort((a, b) => a - b) });
      continue;
    }
    if (item.type === "single" || item.constructs.length === 0) {
      // Unordered or unscored: weight the first labels a little more, as real lists tend to be.
      const weights = scale.labels.map((_, i) => 1 / (i + 1.5));
      let roll = rng.next() * weights.reduce((a, b) => a + b, 0);
      let chosen = scale.labels[0];
      for (const [i, l] of scale.labels.entries()) {
        roll -= weights[i] ?? 0;
        if (roll <= 0) {
          chosen = l;
          break;
        }
      }
      if (chosen) answers.set(item.id, { kind: "codes", codes: [chosen.code] });
      continue;
    }
    const { min, max } = scaleRange(scale);
    const centre = tendency.construct(item.constructs[0] ?? "") + personal;
    const latent = min + (max - min) * centre + rng.normal() * (tendency.spread ?? 0.8);
    let code = Math.round(Math.min(max, Math.max(min, latent)));
    if (item.reverse) code = min + max - code;
    answers.set(item.id, { kind: "codes", codes: [code] });
  }
  return answers;
}
