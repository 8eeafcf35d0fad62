import type { Instrument } from "./instrument-schema.js";
import type { MissingKind } from "./missing-kind.js";
import { baseLanguage } from "./translation.js";

/** The languages an instrument's form exists in: Dutch first, then its translations. */
export function instrumentLanguages(instrument: Instrument): string[] {
  return [baseLanguage, ...Object.keys(instrument.translations)];
}

/** A language's name in Dutch ("Engels"), as the translation gives it; the code when unknown. */
export function languageName(instrument: Instrument, language: string): string {
  if (language === baseLanguage) return "Nederlands";
  return instrument.translations[language]?.name ?? language;
}

/**
 * The instrument as a form in another language: the same ids, codes and structure, with the
 * translated item texts, labels and dimension labels in place of the Dutch ones. `untranslated`
 * lists what kept its Dutch text, so whoever hands out the form can see the gaps.
 */
export function translateInstrument(
  instrument: Instrument,
  language: string,
): { instrument: Instrument; untranslated: string[] } {
  if (language === baseLanguage) return { instrument, untranslated: [] };
  const t = instrument.translations[language];
  if (t === undefined) throw new RangeError(`instrument ${instrument.id} has no translation "${language}"`);
  const untranslated: string[] = [];
  const items = instrument.items.map((item) => {
    const text = t.items[item.id];
    if (text === undefined) untranslated.push(item.id);
    // Dutch aliases are headers of Dutch exports; they say nothing about the translated form.
    return { ...item, text: text ?? item.text, aliases: [] };
  });
  const scales = instrument.scales.map((scale) => {
    const st = t.scales[scale.id];
    return {
      ...scale,
      labels: scale.labels.map((l) => {
        const label = st?.labels[String(l.code)];
        if (label === undefined) untranslated.push(`${scale.id}:${l.code}`);
        return { ...l, label: label ?? l.label, aliases: [] };
      }),
      missing: scale.missing.map((m) => {
        const label = st?.missing[m.kind];
        if (label === undefined) untranslated.push(`${scale.id}:${m.kind}`);
        return { ...m, label: label ?? m.label, aliases: [] };
      }),
    };
  });
  const dimensions = instrument.dimensions.map((d) => {
    const dt = t.dimensions[d.id];
    return {
      ...d,
      label: dt?.label ?? d.label,
      aliases: [],
      ...(d.values === undefined
        ? {}
        : { values: d.values.map((v) => ({ ...v, label: dt?.values[v.code] ?? v.label, aliases: [] })) }),
    };
  });
  return {
    instrument: { ...instrument, title: t.title ?? instrument.title, items, scales, dimensions },
    untranslated,
  };
}

/** A text of a translated form, with the language it is in. */
export interface TranslatedText {
  language: string;
  text: string;
}

/**
 * The translated item texts and dimension labels, by item or dimension id: the column headers an
 * export of a translated form has, and the language each one gives away.
 */
export function translatedHeaders(instrument: Instrument): {
  items: ReadonlyMap<string, readonly TranslatedText[]>;
  dimensions: ReadonlyMap<string, readonly TranslatedText[]>;
} {
  const items = new Map<string, TranslatedText[]>();
  const dimensions = new Map<string, TranslatedText[]>();
  const add = (map: Map<string, TranslatedText[]>, id: string, entry: TranslatedText) => {
    const list = map.get(id);
    if (list === undefined) map.set(id, [entry]);
    else list.push(entry);
  };
  for (const [language, t] of Object.entries(instrument.translations)) {
    for (const [id, text] of Object.entries(t.items)) add(items, id, { language, text });
    for (const [id, dt] of Object.entries(t.dimensions))
      if (dt.label !== undefined) add(dimensions, id, { language, text: dt.label });
  }
  return { items, dimensions };
}

/** Every translated label of one scale: extra spellings of its codes and missing kinds. */
export interface ScaleTranslations {
  labels: ReadonlyMap<number, readonly string[]>;
  missing: ReadonlyMap<MissingKind, readonly string[]>;
}

export function scaleTranslations(instrument: Instrument, scaleId: string): ScaleTranslations {
  const labels = new Map<number, string[]>();
  const missing = new Map<MissingKind, string[]>();
  for (const t of Object.values(instrument.translations)) {
    const st = t.scales[scaleId];
    if (st === undefined) continue;
    for (const [code, label] of Object.entries(st.labels))
      labels.set(Number(code), [...(labels.get(Number(code)) ?? []), label]);
    for (const [kind, label] of Object.entries(st.missing))
      if (label !== undefined)
        missing.set(kind as MissingKind, [...(missing.get(kind as MissingKind) ?? []), label]);
  }
  return { labels, missing };
}

/** Every translated label of one dimension's values, by value code. */
export function dimensionValueTranslations(
  instrument: Instrument,
  dimensionId: string,
): ReadonlyMap<string, readonly string[]> {
  const values = new Map<string, string[]>();
  for (const t of Object.values(instrument.translations)) {
    for (const [code, label] of Object.entries(t.dimensions[dimensionId]?.values ?? {}))
      values.set(code, [...(values.get(code) ?? []), label]);
  }
  return values;
}
