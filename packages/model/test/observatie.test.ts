import { conversationKindIds } from "@zaz/model";
import { describe, expect, it } from "vitest";
import { loadInstrument, occursIn, passage, readSeed, squash } from "./seeds.js";

const seed = readSeed("leerlijn");
const observatie = loadInstrument("observatie");

/** Where each observation form starts in seed 003 (its paragraph number) and its sections in order. */
const forms = [
  { form: "algemeen", paragraph: "3.2" },
  { form: "kennismaking", paragraph: "3.3" },
  { form: "voortgang", paragraph: "3.4" },
  { form: "probleemoplossend", paragraph: "3.5" },
  { form: "slechtnieuws", paragraph: "3.6" },
  { form: "advies", paragraph: "3.7" },
] as const;

/** Counted by hand from seed 003 §3.2–3.7: the observation items (rows with JA/NEE) per section. */
const expectedCounts: Record<string, number> = {
  alg_inleiding: 4, // "Opent het gesprek" with four bullets
  alg_niet_selectief: 4,
  alg_selectief: 7, // a–g
  alg_regulerend: 5, // two, then three "in geval van een verstoring van de gespreksdoelen"
  alg_slot: 2,
  km_inleiding: 4,
  km_kern: 5,
  km_slot: 5,
  vg_opening: 4,
  vg_kern: 11, // four under "Wat gaat goed?", five "per gespreksonderwerp", two more
  vg_slot: 4,
  po_opening: 4, // two bullets of "Maakt ruimte om het probleem helder te beschrijven", two more
  po_kern: 6,
  po_slot: 3,
  sn_opening: 7,
  sn_kern: 7,
  sn_slot: 4,
  adv_opening: 4,
  adv_kern: 6,
  adv_slot: 2,
};

/** Stems the form prints once above bulleted endings; an item is the stem joined with its bullet. */
const stems = ["Opent het gesprek "];

function formBlock(paragraph: string): string {
  const [chapter, number] = paragraph.split(".");
  return passage(
    seed,
    new RegExp(`^${chapter}\\.${number}\\s+[A-Z]`, "m"),
    /OBSERVATIEFORMULIER|OBSERVATIELIJST|VOORBEREIDING OUDERGESPREKKEN|Bij het werken met Opleidingsouders/,
  );
}

/** The part headings a form prints in its "Structuur gesprek" column. */
const partHeading = /^(INLEIDING|OPENING|KERN|SLOT|NIET-SELECTIEVE|SELECTIEVE|REGULERENDE)\s*$/gm;

function sectionsOf(form: string) {
  return observatie.sections.filter((s) => s.form === form);
}

function scoredItemsOf(section: string) {
  return observatie.items.filter((i) => i.section === section && i.type === "scale");
}

describe("observatie.json against seed 003 §3.2–3.7", () => {
  it("has the hand-counted number of observation items in every section, and no other sections", () => {
    const counts = Object.fromEntries(observatie.sections.map((s) => [s.id, scoredItemsOf(s.id).length]));
    expect(counts).toEqual(expectedCounts);
    expect(observatie.items.filter((i) => i.type === "scale")).toHaveLength(98);
  });

  for (const { form, paragraph } of forms) {
    describe(`${form} (§${paragraph})`, () => {
      const block = formBlock(paragraph);
      const sections = sectionsOf(form);

      it("has one section per part heading of the seed's form, in the seed's order", () => {
        const headings = [...block.matchAll(partHeading)].map((m) => m[1]);
        expect(sections.length).toBe(headings.length);
        // A section's title ends with its part's name: "Kennismakingsgesprek: Kern".
        const parts = sections.map((s) => s.title.split(": ").at(-1)?.toUpperCase().split(" ")[0]);
        expect(parts).toEqual(headings);
      });

      it("has every item, with the seed's text, under the seed's part heading and in the seed's order", () => {
        const squashed = squash(block);
        sections.forEach((section, index) => {
          const heading = squash(section.title.split(": ").at(-1)?.toUpperCase() ?? "");
          const start = squashed.indexOf(heading, index === 0 ? squashed.indexOf("JANEEOPMERKINGEN") : 0);
          expect(start, `kop van ${section.id}`).toBeGreaterThanOrEqual(0);
          const next = sections[index + 1];
          const end =
            next === undefined
              ? squashed.length
              : squashed.indexOf(
                  squash(next.title.split(": ").at(-1)?.toUpperCase() ?? ""),
                  start + heading.length,
                );
          const part = squashed.slice(start, end);
          let position = 0;
          for (const item of scoredItemsOf(section.id)) {
            const stem = stems.find((s) => item.text.startsWith(s));
            const wanted = squash(stem === undefined ? item.text : item.text.slice(stem.length));
            if (stem !== undefined) expect(part).toContain(squash(stem));
            const found = part.indexOf(wanted, position);
            expect(found, `${item.id}: "${item.text}" in ${section.id}`).toBeGreaterThanOrEqual(0);
            position = found + wanted.length;
            for (const example of item.examples)
              expect(part, `${item.id}: voorbeeld "${example}"`).toContain(squash(example));
            if (item.leadIn !== undefined) expect(part).toContain(squash(item.leadIn));
          }
        });
      });

      it("prints the form's gebruikstips (and preparation) as guidance on its first section", () => {
        const guidance = sections[0]?.guidance ?? [];
        expect(guidance.filter((g) => g.startsWith("Gebruikstips: "))).toHaveLength(6);
        for (const line of guidance) {
          expect(occursIn(block, line.replace(/^(Gebruikstips|Voorbereiding): /, "")), line).toBe(true);
        }
      });
    });
  }

  it("asks the slechtnieuws preparation of the seed", () => {
    const guidance = sectionsOf("slechtnieuws")[0]?.guidance ?? [];
    expect(guidance.filter((g) => g.startsWith("Voorbereiding: "))).toHaveLength(4);
  });

  it("limits the five conversation forms to their gesprekssoort and applies the general form always", () => {
    for (const section of observatie.sections) {
      if (section.form === "algemeen") expect(section.appliesWhen).toBeUndefined();
      else {
        expect(conversationKindIds).toContain(section.form);
        expect(section.appliesWhen).toEqual({ dimension: "gesprekssoort", values: [section.form] });
      }
    }
    const soort = observatie.dimensions.find((d) => d.id === "gesprekssoort");
    expect(soort?.values?.map((v) => v.code)).toEqual([...conversationKindIds]);
  });

  it("scores every observation item JA/NEE and gives it a remark field in the same section", () => {
    const janee = observatie.scales.find((s) => s.id === "janee");
    expect(janee?.labels.map((l) => [l.code, l.label])).toEqual([
      [1, "JA"],
      [0, "NEE"],
    ]);
    expect(janee?.missing.map((m) => m.kind).sort()).toEqual(["leeg", "nvt"]);
    for (const item of observatie.items.filter((i) => i.type === "scale")) {
      expect(item.scale).toBe("janee");
      const remark = observatie.items.find((i) => i.commentOn === item.id);
      expect(remark, item.id).toMatchObject({ id: `${item.id}_opm`, type: "text", section: item.section });
    }
    expect(observatie.items.filter((i) => i.type === "text")).toHaveLength(98);
  });

  it("has one construct per form over exactly that form's items", () => {
    for (const { form } of forms) {
      const construct = observatie.constructs.find((c) => c.id === form);
      expect(construct?.minValid).toBe(2);
      const measured = observatie.items.filter((i) => i.constructs.includes(form)).map((i) => i.id);
      const ofForm = sectionsOf(form).flatMap((s) => scoredItemsOf(s.id).map((i) => i.id));
      expect(measured).toEqual(ofForm);
    }
  });

  it("is for development: the observer's role is a dimension and the purpose says so", () => {
    expect(observatie.purpose).toBe("ontwikkeling");
    expect(observatie.dimensions.find((d) => d.id === "rol")?.values?.map((v) => v.code)).toEqual([
      "mentor",
      "schoolopleider",
    ]);
    expect(observatie.dimensions.find((d) => d.id === "student")?.pseudonymise).toBe(true);
  });
});
