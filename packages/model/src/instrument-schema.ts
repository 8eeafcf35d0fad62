import { z } from "zod";
import { knownConceptRefs, parseConceptRef } from "./concept.js";
import { DimensionType, dimensionTypes } from "./dimension-type.js";
import { instrumentRoles, roleDimensions } from "./instrument-role.js";
import { itemTypes } from "./item-type.js";
import { missingKinds } from "./missing-kind.js";
import { checkTranslations, translationSchema } from "./translation.js";

/**
 * The one schema of instrument files. The TypeScript types below and the published JSON Schema
 * (`instrumentJsonSchema`) both derive from it, so they cannot drift apart.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "een id bestaat uit kleine letters, cijfers en _, en begint met een letter");

const nonEmpty = z.string().trim().min(1);

/** The most labels a multiple-choice item's scale may have (one bit each, exact in a double). */
export const maxChoiceLabels = 52;

export const scaleLabelSchema = z
  .object({
    code: z.number().int().describe("the numeric code of this label; codes order the scale"),
    label: nonEmpty.describe("the label as the questionnaire shows it"),
    aliases: z.array(nonEmpty).default([]).describe("other spellings in exports, e.g. English labels"),
  })
  .strict();

export const missingLabelSchema = z
  .object({
    kind: z
      .enum(missingKinds as [string, ...string[]])
      .describe("which kind of missing value this label means"),
    label: nonEmpty,
    aliases: z.array(nonEmpty).default([]),
  })
  .strict();

export const responseScaleSchema = z
  .object({
    id,
    name: nonEmpty,
    ordered: z.boolean().default(true).describe("false for unordered choice lists"),
    labels: z.array(scaleLabelSchema).min(2),
    missing: z.array(missingLabelSchema).default([]),
    neutral: z.number().int().optional().describe("the code of the middle label, centred in diverging bars"),
    agree: z
      .array(z.number().int())
      .optional()
      .describe(
        "codes counted as agreement (top-2-box); by default the two highest codes of an ordered scale",
      ),
  })
  .strict();

export const itemSchema = z
  .object({
    id,
    text: nonEmpty.describe("the Dutch question or observation item"),
    type: z.enum(itemTypes as [string, ...string[]]),
    scale: id.optional().describe("id of the response scale; required for scale, single and multiple items"),
    reverse: z.boolean().default(false).describe("scored in reverse: the code c becomes min + max - c"),
    constructs: z.array(id).default([]).describe("ids of the constructs this item measures"),
    section: id.optional().describe("id of the section (observation forms) the item belongs to"),
    commentOn: id.optional().describe("for text items: the item this text explains or remarks on"),
    examples: z.array(nonEmpty).default([]).describe("the form's 'bijvoorbeeld' lines"),
    leadIn: nonEmpty
      .optional()
      .describe("the line on the form that introduces this item, e.g. 'Per gespreksonderwerp:'"),
    aliases: z.array(nonEmpty).default([]).describe("other column headers that mean this item"),
    min: z.number().int().optional().describe("number items: smallest value"),
    max: z.number().int().optional().describe("number items: largest value"),
    // Optional without a default, so the content hash of existing definitions does not change.
    integer: z
      .boolean()
      .optional()
      .describe(
        "number items: only whole numbers (a count); without it a number may have decimals, written with a comma or a point (12,5)",
      ),
  })
  .strict();

export const constructSchema = z
  .object({
    id,
    name: nonEmpty,
    description: z.string().default(""),
    concept: z
      .string()
      .optional()
      .describe(`the domain concept measured, as framework:id; one of ${knownConceptRefs.join(", ")}`),
    minValid: z.number().int().min(1).describe("fewest valid item answers for a scale score"),
  })
  .strict();

export const dimensionValueSchema = z
  .object({
    code: nonEmpty,
    label: nonEmpty,
    aliases: z.array(nonEmpty).default([]),
  })
  .strict();

export const refusedValueSchema = z
  .object({
    code: nonEmpty,
    label: nonEmpty,
    aliases: z.array(nonEmpty).default([]),
    reason: nonEmpty.describe("why a row with this value is refused, in Dutch, as the ingest reports it"),
  })
  .strict();

export const dimensionSchema = z
  .object({
    id,
    label: nonEmpty,
    type: z
      .enum(dimensionTypes as [DimensionType, ...DimensionType[]])
      .default(DimensionType.text)
      .describe(
        "text; enum (the values listed); date; groep (groep 1–8, with a letter or as a combination of adjacent years such as 1/2 or 3/4B, read from the usual spellings)",
      ),
    values: z.array(dimensionValueSchema).optional().describe("the allowed values of an enum dimension"),
    // Optional without a default: a default would change every stored definition's content hash,
    // and an old database would then store its unchanged instruments again as new versions.
    refused: z
      .array(refusedValueSchema)
      .optional()
      .describe(
        "values an export may hold that the instrument does not accept (e.g. a kind of conversation outside its frame): such a row is refused with the reason",
      ),
    required: z.boolean().default(true),
    pseudonymise: z
      .boolean()
      .default(false)
      .describe("store a keyed-hash pseudonym instead of the value (student teachers)"),
    aliases: z.array(nonEmpty).default([]).describe("other column headers that mean this dimension"),
  })
  .strict();

export const sectionSchema = z
  .object({
    id,
    title: nonEmpty,
    form: nonEmpty.optional().describe("the form the section belongs to, e.g. 'kennismaking'"),
    appliesWhen: z
      .object({ dimension: id, values: z.array(nonEmpty).min(1) })
      .strict()
      .optional()
      .describe("the section is answered only when this context dimension has one of these values"),
    guidance: z.array(nonEmpty).default([]).describe("preparation and usage tips printed on the form"),
  })
  .strict();

export const instrumentSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, "een versie zoals 1.0 of 1.2.0"),
    title: nonEmpty,
    description: z.string().default(""),
    role: z
      .enum(instrumentRoles)
      .optional()
      .describe(
        "which views use the instrument; an adapted copy keeps the role of the original and appears in the same reports",
      ),
    purpose: z
      .enum(["onderzoek", "ontwikkeling"])
      .default("onderzoek")
      .describe("'ontwikkeling': formative feedback on student teachers, never shown per student to others"),
    dimensions: z.array(dimensionSchema).min(1),
    scales: z.array(responseScaleSchema).default([]),
    constructs: z.array(constructSchema).default([]),
    sections: z.array(sectionSchema).default([]),
    items: z.array(itemSchema).min(1),
    translations: z
      .record(z.string(), translationSchema)
      .default({})
      .describe(
        "the form in other languages, by language code (en, tr, ar, pl …): item texts, scale labels, dimension labels; exports of a translated form map to the same items and codes",
      ),
  })
  .strict()
  .superRefine((inst, ctx) => {
    const issue = (path: PropertyKey[], message: string, input?: unknown, expected?: string) =>
      ctx.addIssue({
        code: "custom",
        path,
        message,
        input,
        params: expected === undefined ? {} : { expected },
      });

    const duplicates = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((v, i) => {
        if (seen.has(v)) issue([path, i, "id"], `id "${v}" komt twee keer voor`, v);
        seen.add(v);
      });
    };
    duplicates(
      inst.items.map((i) => i.id),
      "items",
    );
    duplicates(
      inst.scales.map((s) => s.id),
      "scales",
    );
    duplicates(
      inst.constructs.map((c) => c.id),
      "constructs",
    );
    duplicates(
      inst.dimensions.map((d) => d.id),
      "dimensions",
    );
    duplicates(
      inst.sections.map((s) => s.id),
      "sections",
    );
    const itemIds = new Set(inst.items.map((i) => i.id));
    for (const d of inst.dimensions) {
      if (itemIds.has(d.id)) {
        issue(["dimensions", inst.dimensions.indexOf(d), "id"], `id "${d.id}" is ook een item`, d.id);
      }
    }

    const scales = new Map(inst.scales.map((s) => [s.id, s]));
    const constructIds = inst.constructs.map((c) => c.id);
    const sectionIds = inst.sections.map((s) => s.id);
    const dimensionIds = inst.dimensions.map((d) => d.id);

    inst.scales.forEach((s, si) => {
      const codes = s.labels.map((l) => l.code);
      if (new Set(codes).size !== codes.length) issue(["scales", si, "labels"], "codes moeten uniek zijn");
      const words = new Map<string, string>();
      const seeWord = (w: string, path: PropertyKey[]) => {
        const key = w.trim().toLowerCase();
        if (words.has(key)) issue(path, `label "${w}" betekent al "${words.get(key)}"`, w);
        else words.set(key, w);
      };
      s.labels.forEach((l, li) => {
        seeWord(l.label, ["scales", si, "labels", li, "label"]);
        l.aliases.forEach((a, ai) => {
          seeWord(a, ["scales", si, "labels", li, "aliases", ai]);
        });
      });
      s.missing.forEach((m, mi) => {
        seeWord(m.label, ["scales", si, "missing", mi, "label"]);
        m.aliases.forEach((a, ai) => {
          seeWord(a, ["scales", si, "missing", mi, "aliases", ai]);
        });
      });
      if (s.neutral !== undefined && !codes.includes(s.neutral))
        issue(["scales", si, "neutral"], `code ${s.neutral} staat niet in de labels`, s.neutral);
      s.agree?.forEach((c, ci) => {
        if (!codes.includes(c)) issue(["scales", si, "agree", ci], `code ${c} staat niet in de labels`, c);
      });
    });

    inst.items.forEach((item, i) => {
      const needsScale = item.type === "scale" || item.type === "single" || item.type === "multiple";
      if (needsScale && item.scale === undefined) {
        issue(["items", i, "scale"], `een item van type "${item.type}" heeft een antwoordschaal nodig`);
      }
      if (item.scale !== undefined) {
        const scale = scales.get(item.scale);
        if (!scale) {
          issue(
            ["items", i, "scale"],
            `antwoordschaal "${item.scale}" bestaat niet; kies uit: ${[...scales.keys()].join(", ") || "(geen schalen)"}`,
            item.scale,
            [...scales.keys()].join(", ") || "een antwoordschaal in scales",
          );
        } else if (item.type === "scale" && !scale.ordered) {
          issue(["items", i, "scale"], `"${item.scale}" is ongeordend en kan geen score geven`, item.scale);
        }
        if (!needsScale) issue(["items", i, "scale"], `een item van type "${item.type}" heeft geen schaal`);
      }
      if (item.reverse && item.type !== "scale") {
        issue(["items", i, "reverse"], "alleen items van type scale kunnen omgescoord worden", item.reverse);
      }
      item.constructs.forEach((c, ci) => {
        if (!constructIds.includes(c))
          issue(
            ["items", i, "constructs", ci],
            `construct "${c}" bestaat niet; kies uit: ${constructIds.join(", ")}`,
            c,
            constructIds.join(", "),
          );
        else if (item.type !== "scale")
          issue(["items", i, "constructs", ci], "alleen items van type scale meten een construct", c);
      });
      if (item.section !== undefined && !sectionIds.includes(item.section)) {
        issue(
          ["items", i, "section"],
          `sectie "${item.section}" bestaat niet`,
          item.section,
          sectionIds.join(", "),
        );
      }
      if (item.commentOn !== undefined) {
        if (item.type !== "text") issue(["items", i, "commentOn"], "alleen tekst-items kunnen toelichten");
        else if (!itemIds.has(item.commentOn))
          issue(["items", i, "commentOn"], `item "${item.commentOn}" bestaat niet`, item.commentOn);
      }
    });

    inst.constructs.forEach((c, ci) => {
      const count = inst.items.filter((i) => i.constructs.includes(c.id)).length;
      if (count === 0) issue(["constructs", ci], `construct "${c.id}" heeft geen items`, c.id);
      else if (c.minValid > count)
        issue(
          ["constructs", ci, "minValid"],
          `minValid ${c.minValid} is meer dan de ${count} items van "${c.id}"`,
          c.minValid,
        );
      if (c.concept !== undefined && parseConceptRef(c.concept) === undefined)
        issue(
          ["constructs", ci, "concept"],
          `onbekend begrip "${c.concept}"; kies uit: ${knownConceptRefs.join(", ")}`,
          c.concept,
          knownConceptRefs.join(", "),
        );
      // Unknown scales are reported on the item already; counting them here would repeat that error.
      const scaleIds = new Set(
        inst.items
          .filter((i) => i.constructs.includes(c.id) && i.scale !== undefined && scales.has(i.scale))
          .map((i) => i.scale),
      );
      if (scaleIds.size > 1)
        issue(
          ["constructs", ci],
          `de items van "${c.id}" gebruiken verschillende schalen`,
          [...scaleIds].join(", "),
        );
    });

    inst.sections.forEach((s, si) => {
      if (s.appliesWhen && !dimensionIds.includes(s.appliesWhen.dimension))
        issue(
          ["sections", si, "appliesWhen", "dimension"],
          `dimensie "${s.appliesWhen.dimension}" bestaat niet`,
          s.appliesWhen.dimension,
        );
    });

    if (inst.role !== undefined) {
      for (const needed of roleDimensions[inst.role]) {
        if (!dimensionIds.includes(needed))
          issue(
            ["role"],
            `een instrument met rol "${inst.role}" heeft de dimensie "${needed}" nodig`,
            inst.role,
            roleDimensions[inst.role].join(", "),
          );
      }
    }

    inst.items.forEach((item, i) => {
      const scale = item.scale === undefined ? undefined : scales.get(item.scale);
      // The analysis stores a multiple-choice answer as one bit per label in one number.
      if (item.type === "multiple" && scale !== undefined && scale.labels.length > maxChoiceLabels)
        issue(
          ["items", i, "scale"],
          `een meerkeuzevraag kan hoogstens ${maxChoiceLabels} antwoorden hebben; "${item.scale}" heeft er ${scale.labels.length}`,
          item.scale,
        );
    });

    inst.dimensions.forEach((d, di) => {
      if (d.type === DimensionType.enum && (d.values === undefined || d.values.length === 0))
        issue(["dimensions", di, "values"], "een dimensie van type enum heeft waarden nodig");
      // Every groep is recognised by its spelling; a list beside that would be a second truth.
      if (d.type === DimensionType.groep && d.values !== undefined)
        issue(
          ["dimensions", di, "values"],
          "een dimensie van type groep heeft geen waarden: elke groep 1–8, met letter of als combinatiegroep, wordt herkend",
        );
      const refused = d.refused ?? [];
      if (refused.length > 0 && d.type !== "enum")
        issue(["dimensions", di, "refused"], "alleen een dimensie van type enum kan waarden weigeren");
      const allowed = new Set((d.values ?? []).map((v) => v.code));
      refused.forEach((r, ri) => {
        if (allowed.has(r.code))
          issue(
            ["dimensions", di, "refused", ri, "code"],
            `"${r.code}" is ook een toegestane waarde`,
            r.code,
          );
      });
    });

    checkTranslations(inst, issue);
  });

export type Instrument = z.output<typeof instrumentSchema>;
export type InstrumentInput = z.input<typeof instrumentSchema>;
export type Item = Instrument["items"][number];
export type ResponseScale = Instrument["scales"][number];
export type ScaleLabel = ResponseScale["labels"][number];
export type MissingLabel = ResponseScale["missing"][number];
export type Construct = Instrument["constructs"][number];
export type Dimension = Instrument["dimensions"][number];
export type RefusedValue = NonNullable<Dimension["refused"]>[number];
export type Section = Instrument["sections"][number];

/** The JSON Schema of instrument files, published as schema/instrument.schema.json. */
export function instrumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(instrumentSchema, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
}
