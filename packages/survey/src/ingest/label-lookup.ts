import type { MissingKind, ResponseScale, ScaleTranslations } from "@zaz/model";
import { foldText } from "./normalise-text.js";
import { closest } from "./similarity.js";

export type LabelMatch = { code: number } | { missing: MissingKind } | undefined;

/** Resolves what a respondent answered to a scale code or a typed missing value. */
export interface LabelLookup {
  match(value: string): LabelMatch;
  /** the scale's labels as the questionnaire shows them, for messages */
  labels: readonly string[];
  /** the nearest known label, for "bedoelde u …?" */
  suggest(value: string): string | undefined;
}

/**
 * `translated`: the scale's labels in the instrument's other languages. Every language is read in
 * every export, so a wave answered partly on a translated form needs no flag per file; the
 * instrument check keeps a translated label from meaning another code.
 */
export function labelLookup(scale: ResponseScale, translated?: ScaleTranslations): LabelLookup {
  const byText = new Map<string, LabelMatch>();
  for (const l of scale.labels) {
    const other = translated?.labels.get(l.code) ?? [];
    for (const text of [l.label, ...l.aliases, ...other]) byText.set(foldText(text), { code: l.code });
  }
  for (const m of scale.missing) {
    const other = translated?.missing.get(m.kind as MissingKind) ?? [];
    for (const text of [m.label, ...m.aliases, ...other])
      byText.set(foldText(text), { missing: m.kind as MissingKind });
  }
  const codes = new Set(scale.labels.map((l) => l.code));
  const shown = [...scale.labels.map((l) => l.label), ...scale.missing.map((m) => m.label)];
  const folded = [...byText.keys()];
  return {
    labels: shown,
    match(value) {
      const key = foldText(value);
      const hit = byText.get(key);
      if (hit) return hit;
      // Exports may write the code instead of the label ("4", "4.0", or "4 - Mee eens").
      const numeric = /^(-?\d+)(?:[.,]0+)?(?:\s*[-–:=]\s*.+)?$/.exec(key);
      if (numeric?.[1] !== undefined) {
        const code = Number(numeric[1]);
        if (codes.has(code)) return { code };
      }
      return undefined;
    },
    suggest(value) {
      const near = closest(foldText(value), folded, 0.4);
      if (near === undefined) return undefined;
      const hit = byText.get(near);
      if (hit === undefined) return undefined;
      if ("code" in hit) return scale.labels.find((l) => l.code === hit.code)?.label;
      return scale.missing.find((m) => m.kind === hit.missing)?.label;
    },
  };
}

/**
 * Splits a multiple-choice cell. Google Forms joins choices with ", ", Microsoft Forms with ";",
 * and a label may itself contain a comma, so adjacent pieces are re-joined while that yields a label.
 */
export function splitChoices(value: string, lookup: LabelLookup): string[] {
  const pieces = value
    .split(/\s*[;,]\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const out: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let taken = 1;
    for (let j = pieces.length; j > i + 1; j--) {
      if (lookup.match(pieces.slice(i, j).join(", ")) !== undefined) {
        taken = j - i;
        break;
      }
    }
    out.push(pieces.slice(i, i + taken).join(", "));
    i += taken;
  }
  return out;
}
