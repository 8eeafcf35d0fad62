import { bakkerConditions, type Instrument } from "@zaz/model";
import { describe, expect, it } from "vitest";
import { loadInstrument } from "./seeds.js";

const ouderpopulatie = loadInstrument("ouderpopulatie");

function itemsOf(instrument: Instrument, construct: string) {
  return instrument.items.filter((i) => i.constructs.includes(construct));
}

const negation = /\b(niet|geen|nooit|onduidelijk)\b/i;

describe("ouderpopulatie.json", () => {
  it("measures every Bakker condition and the welcoming climate with at least two eens5 items", () => {
    // seed 003 §2.1 names four conditions, the welcoming climate and regular positive feedback.
    expect(bakkerConditions).toHaveLength(6);
    for (const condition of bakkerConditions) {
      const construct = ouderpopulatie.constructs.find((c) => c.id === condition.id);
      expect(construct, condition.id).toMatchObject({ concept: `bakker:${condition.id}`, minValid: 2 });
      const items = itemsOf(ouderpopulatie, condition.id);
      expect(items.length, condition.id).toBeGreaterThanOrEqual(2);
      for (const item of items) expect(item.scale).toBe("eens5");
    }
  });

  it("asks the parent's own involvement per partnership form on frequentie4", () => {
    for (const form of ["pedagogisch", "didactisch", "formeel", "maatschappelijk"]) {
      const construct = ouderpopulatie.constructs.find((c) => c.id === form);
      expect(construct, form).toMatchObject({ concept: `partnerschap:${form}`, minValid: 2 });
      const items = itemsOf(ouderpopulatie, form);
      expect(items.length, form).toBeGreaterThanOrEqual(2);
      for (const item of items) {
        expect(item.scale).toBe("frequentie4");
        expect(item.id.startsWith("btr_")).toBe(true);
      }
    }
  });

  it("declares its reverse-coded items, which are worded negatively among positively worded items", () => {
    const reversed = ouderpopulatie.items.filter((i) => i.reverse);
    expect(reversed.length).toBeGreaterThanOrEqual(1);
    for (const item of reversed) {
      expect(item.type).toBe("scale");
      expect(item.text, item.id).toMatch(negation);
      for (const construct of item.constructs) {
        const forward = itemsOf(ouderpopulatie, construct).filter((i) => !i.reverse);
        expect(forward.length, construct).toBeGreaterThanOrEqual(1);
        for (const other of forward) expect(other.text, other.id).not.toMatch(negation);
      }
    }
  });

  it("has the background block the ouderpopulatie analysis needs, without special-category data", () => {
    const byId = new Map(ouderpopulatie.items.map((i) => [i.id, i]));
    expect(byId.get("ach_taal")).toMatchObject({ type: "multiple", scale: "thuistaal" });
    expect(byId.get("ach_nl")).toMatchObject({ type: "single", scale: "taalvaardigheid5" });
    expect(byId.get("ach_contact")).toMatchObject({ type: "single", scale: "contactkanaal" });
    expect(byId.get("ach_kinderen")).toMatchObject({ type: "number", min: 1, max: 10 });
    const scale = (id: string) => ouderpopulatie.scales.find((s) => s.id === id);
    expect(scale("thuistaal")?.ordered).toBe(false);
    expect(scale("contactkanaal")?.ordered).toBe(false);
    expect(scale("taalvaardigheid5")?.ordered).toBe(true);
    expect(scale("thuistaal")?.labels.map((l) => l.label)).toEqual([
      "Nederlands",
      "Arabisch",
      "Turks",
      "Berbers/Tamazight",
      "Engels",
      "Pools",
      "Papiaments",
      "Sranantongo",
      "Anders",
    ]);
    // AVG art. 9: no religion, ethnicity, health or the like.
    const asked = ouderpopulatie.items.map((i) => i.text).join(" ");
    expect(asked).not.toMatch(/relig|geloof|etni|afkomst|nationaliteit|herkomst|gezondheid|ziekte/i);
  });

  it("uses the agreed scales", () => {
    const eens5 = ouderpopulatie.scales.find((s) => s.id === "eens5");
    expect(eens5?.labels.map((l) => [l.code, l.label])).toEqual([
      [1, "Helemaal mee oneens"],
      [2, "Mee oneens"],
      [3, "Neutraal"],
      [4, "Mee eens"],
      [5, "Helemaal mee eens"],
    ]);
    expect(eens5?.neutral).toBe(3);
    expect(eens5?.labels[0]?.aliases).toContain("Strongly disagree");
    expect(eens5?.missing.map((m) => m.kind)).toEqual(["weet_niet", "nvt"]);
    const frequentie4 = ouderpopulatie.scales.find((s) => s.id === "frequentie4");
    expect(frequentie4?.labels.map((l) => l.label)).toEqual([
      "Nooit",
      "Een enkele keer",
      "Regelmatig",
      "Vaak",
    ]);
  });

  it("groups responses by bestuur, school, groep (1–8 and combinations) and wave", () => {
    // taal: the language of the form a parent answered (nl, en, tr), set by ingest
    expect(ouderpopulatie.dimensions.map((d) => d.id)).toEqual([
      "bestuur",
      "school",
      "groep",
      "wave",
      "taal",
    ]);
    expect(ouderpopulatie.dimensions[0]).toMatchObject({ label: "Schoolbestuur", required: false });
    const groep = ouderpopulatie.dimensions.find((d) => d.id === "groep");
    // groepen as the school has them: read by spelling, not listed
    expect(groep).toMatchObject({ type: "groep", label: "Groep" });
    expect(groep?.values).toBeUndefined();
  });

  it("prefixes item ids per block", () => {
    for (const item of ouderpopulatie.items) expect(item.id).toMatch(/^(ach|erv|btr|open)_[a-z0-9_]+$/);
    expect(ouderpopulatie.items.filter((i) => i.type === "text").length).toBeGreaterThanOrEqual(1);
  });
});
