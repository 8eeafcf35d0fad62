import { baseLanguage, type Instrument, translatedHeaders } from "@zaz/model";
import { foldHeader, foldText } from "./normalise-text.js";

/** The language of the form an export came from, and how many column headers gave it away. */
export interface FormLanguage {
  language: string;
  /** headers that are item texts or dimension labels in that language */
  headers: number;
}

/**
 * Which language's form an export is from, by its column headers: the language whose item texts
 * (and dimension labels) the most headers are. A form tool writes the questions as the
 * respondents saw them, so an English copy of a Google Form has English headers. Headers that are
 * question codes (LimeSurvey, Qualtrics) say nothing: such an export is Dutch unless a language
 * column or `--taal` says otherwise.
 */
export function detectFormLanguage(headers: readonly string[], instrument: Instrument): FormLanguage {
  const byText = new Map<string, Set<string>>();
  const see = (text: string, language: string) => {
    const key = foldText(text);
    const set = byText.get(key) ?? new Set<string>();
    set.add(language);
    byText.set(key, set);
  };
  for (const item of instrument.items) see(item.text, baseLanguage);
  for (const d of instrument.dimensions) see(d.label, baseLanguage);
  const translated = translatedHeaders(instrument);
  for (const list of [...translated.items.values(), ...translated.dimensions.values()])
    for (const t of list) see(t.text, t.language);

  const counts = new Map<string, number>();
  for (const header of headers) {
    // Grid questions: "Blok [Vraagtekst]"; the text inside the brackets is the item's.
    const bracket = /\[([^\]]+)\]\s*$/.exec(header)?.[1];
    const languages =
      byText.get(foldHeader(header)) ??
      byText.get(foldText(header)) ??
      (bracket === undefined ? undefined : byText.get(foldText(bracket)));
    // A text two languages share (a name, "School") tells nothing about the form's language.
    if (languages === undefined || languages.size !== 1) continue;
    for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best: FormLanguage = { language: baseLanguage, headers: counts.get(baseLanguage) ?? 0 };
  for (const [language, n] of counts) if (n > best.headers) best = { language, headers: n };
  return best;
}
