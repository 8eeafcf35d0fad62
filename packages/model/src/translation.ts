import { z } from "zod";
import { missingKinds } from "./missing-kind.js";

/**
 * Translations of an instrument: a form in the parents' own language, answered in the same items
 * and codes. The instrument's own texts are Dutch; a translation only gives other words for them.
 */

/** The language of an instrument's own texts (`text`, `label`): the toolkit's forms are Dutch. */
export const baseLanguage = "nl";

/**
 * The context dimension that keeps the language of the form a response was given in. Ingest
 * fills it from the form's detected language (or `--taal`), so views can break down by it.
 */
export const formLanguageDimension = "taal";

const id = z.string().regex(/^[a-z][a-z0-9_]*$/);
const nonEmpty = z.string().trim().min(1);

/** ISO 639-1 (or -3) code, lower case: en, tr, ar, pl … */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, "een taalcode van twee of drie kleine letters, zoals en, tr, ar of pl");

export const scaleTranslationSchema = z
  .object({
    labels: z
      .record(z.string().regex(/^-?\d+$/, "een code van de schaal, zoals 1"), nonEmpty)
      .default({})
      .describe("code → the label in this language"),
    missing: z
      .partialRecord(z.enum(missingKinds as [string, ...string[]]), nonEmpty)
      .default({})
      .describe("kind of missing value → its label in this language"),
  })
  .strict();

export const dimensionTranslationSchema = z
  .object({
    label: nonEmpty.optional().describe("the question or column header in this language"),
    values: z.record(nonEmpty, nonEmpty).default({}).describe("value code → its label in this language"),
  })
  .strict();

export const translationSchema = z
  .object({
    name: nonEmpty.describe("the language's name in Dutch, e.g. 'Engels'"),
    reviewed: z
      .boolean()
      .default(false)
      .describe(
        "true once a native speaker has checked the translation; false: translated from the Dutch, still to be reviewed",
      ),
    note: z.string().default("").describe("who translated it, what is still to be checked"),
    title: nonEmpty.optional(),
    items: z.record(id, nonEmpty).default({}).describe("item id → the item text in this language"),
    scales: z.record(id, scaleTranslationSchema).default({}),
    dimensions: z.record(id, dimensionTranslationSchema).default({}),
  })
  .strict();

export type Translation = z.output<typeof translationSchema>;
export type Translations = Readonly<Record<string, Translation>>;

/** What the instrument checks need of an instrument to check its translations. */
interface Translatable {
  translations: Translations;
  items: readonly { id: string; scale?: string | undefined }[];
  scales: readonly {
    id: string;
    labels: readonly { code: number; label: string; aliases: readonly string[] }[];
    missing: readonly { kind: string; label: string; aliases: readonly string[] }[];
  }[];
  dimensions: readonly {
    id: string;
    type: string;
    values?: readonly { code: string; label: string; aliases: readonly string[] }[] | undefined;
  }[];
}

type Issue = (path: PropertyKey[], message: string, input?: unknown, expected?: string) => void;

/**
 * The translations' own checks: they name existing items, scales, codes and dimensions; a
 * translated label never means another code than in Dutch or another language (ingest accepts
 * every language's labels); and the language a form was given in has a dimension to be kept in.
 */
export function checkTranslations(inst: Translatable, issue: Issue): void {
  const languages = Object.keys(inst.translations);
  if (languages.length === 0) return;
  const itemIds = new Set(inst.items.map((i) => i.id));
  const scales = new Map(inst.scales.map((s) => [s.id, s]));
  const dimensions = new Map(inst.dimensions.map((d) => [d.id, d]));
  const word = (text: string) => text.trim().toLowerCase();

  // Every label of a scale, in every language, with the meaning it has: code or kind of missing value.
  const meanings = new Map<string, Map<string, string>>();
  for (const s of inst.scales) {
    const m = new Map<string, string>();
    for (const l of s.labels) for (const t of [l.label, ...l.aliases]) m.set(word(t), `code ${l.code}`);
    for (const x of s.missing) for (const t of [x.label, ...x.aliases]) m.set(word(t), x.kind);
    meanings.set(s.id, m);
  }

  for (const language of languages) {
    const t = inst.translations[language];
    if (t === undefined) continue;
    const at = (...path: PropertyKey[]) => ["translations", language, ...path];
    if (!languageCodeSchema.safeParse(language).success || language === baseLanguage)
      issue(at(), `"${language}" is geen taalcode van een vertaling`, language, "en, tr, ar, pl …");
    for (const itemId of Object.keys(t.items))
      if (!itemIds.has(itemId)) issue(at("items", itemId), `item "${itemId}" bestaat niet`, itemId);
    for (const [scaleId, st] of Object.entries(t.scales)) {
      const scale = scales.get(scaleId);
      if (scale === undefined) {
        issue(at("scales", scaleId), `antwoordschaal "${scaleId}" bestaat niet`, scaleId);
        continue;
      }
      const seen = meanings.get(scaleId) ?? new Map<string, string>();
      const see = (text: string, meaning: string, path: PropertyKey[]) => {
        const before = seen.get(word(text));
        if (before !== undefined && before !== meaning)
          issue(path, `label "${text}" betekent al ${before} in deze schaal`, text);
        else seen.set(word(text), meaning);
      };
      for (const [code, label] of Object.entries(st.labels)) {
        if (!scale.labels.some((l) => String(l.code) === code))
          issue(at("scales", scaleId, "labels", code), `code ${code} staat niet in de schaal`, code);
        else see(label, `code ${code}`, at("scales", scaleId, "labels", code));
      }
      for (const [kind, label] of Object.entries(st.missing)) {
        if (label === undefined) continue;
        if (!scale.missing.some((m) => m.kind === kind))
          issue(at("scales", scaleId, "missing", kind), `de schaal kent "${kind}" niet`, kind);
        else see(label, kind, at("scales", scaleId, "missing", kind));
      }
    }
    for (const [dimensionId, dt] of Object.entries(t.dimensions)) {
      const dimension = dimensions.get(dimensionId);
      if (dimension === undefined) {
        issue(at("dimensions", dimensionId), `dimensie "${dimensionId}" bestaat niet`, dimensionId);
        continue;
      }
      for (const code of Object.keys(dt.values))
        if (!(dimension.values ?? []).some((v) => v.code === code))
          issue(at("dimensions", dimensionId, "values", code), `waarde "${code}" bestaat niet`, code);
    }
  }

  const taal = dimensions.get(formLanguageDimension);
  const needed = [baseLanguage, ...languages];
  if (taal === undefined || taal.type !== "enum")
    issue(
      ["translations"],
      `een instrument met vertalingen heeft een dimensie "${formLanguageDimension}" van type enum nodig, voor de taal van het formulier`,
      undefined,
      needed.join(", "),
    );
  else
    for (const code of needed)
      if (!(taal.values ?? []).some((v) => v.code === code))
        issue(
          ["dimensions", inst.dimensions.indexOf(taal), "values"],
          `de dimensie "${formLanguageDimension}" mist de taal "${code}"`,
          code,
          needed.join(", "),
        );
}
