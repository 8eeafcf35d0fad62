import { describe, expect, it } from "vitest";
import { loadInstrument, passage, readSeed, squash } from "./seeds.js";

const seed = readSeed("leerlijn");
const opleidingsouders = loadInstrument("opleidingsouders");

/** The five questions of §4.3: the bullets after "De ouders wordt gevraagd antwoord te geven op de volgende vragen". */
function seedQuestions(): string[] {
  const werkwijze = passage(seed, /^4\.3\s+WERKWIJZE/m, /^\s*5\.\s+SLOTSOM/m);
  const questions = passage(werkwijze, /De ouders wordt gevraagd/, /Het is dus nadrukkelijk niet/);
  return questions
    .split("►►")
    .slice(1)
    .map((q) => q.replace(/\s+/g, " ").trim());
}

describe("opleidingsouders.json against seed 003 §4.3", () => {
  const questionIds = ["oo_sfeer", "oo_positief", "oo_ontwikkeling", "oo_ruimte", "oo_tevreden"];
  const scored = opleidingsouders.items.filter((i) => i.type === "scale");

  it("asks the seed's five questions, in its words and order", () => {
    const fromSeed = seedQuestions();
    expect(fromSeed).toHaveLength(5);
    expect(scored.map((i) => i.id)).toEqual(questionIds);
    expect(scored.map((i) => squash(i.text))).toEqual(fromSeed.map(squash));
  });

  it("follows each question with its explanation, as the seed invites parents to explain their answers", () => {
    for (const id of questionIds) {
      const index = opleidingsouders.items.findIndex((i) => i.id === id);
      expect(opleidingsouders.items[index + 1]).toMatchObject({
        id: `${id}_toelichting`,
        type: "text",
        commentOn: id,
      });
    }
    expect(opleidingsouders.items).toHaveLength(10);
  });

  it("scores all five on one four-point scale in one construct", () => {
    const scale = opleidingsouders.scales.find((s) => s.id === "beleving4");
    expect(scale?.labels.map((l) => l.code)).toEqual([1, 2, 3, 4]);
    expect(scale?.missing.map((m) => m.kind)).toEqual(["weet_niet"]);
    for (const item of scored) {
      expect(item.scale).toBe("beleving4");
      expect(item.constructs).toEqual(["beleving_ouders"]);
    }
    expect(opleidingsouders.constructs).toEqual([
      expect.objectContaining({ id: "beleving_ouders", minValid: 3 }),
    ]);
  });

  it("is for development and pseudonymises the student", () => {
    expect(opleidingsouders.purpose).toBe("ontwikkeling");
    const student = opleidingsouders.dimensions.find((d) => d.id === "student");
    expect(student).toMatchObject({ pseudonymise: true, label: "Student (pseudoniem)" });
    expect(student?.aliases).toEqual(expect.arrayContaining(["Naam student", "Student"]));
    expect(opleidingsouders.dimensions.map((d) => d.id)).toEqual([
      "student",
      "opleiding",
      "variant",
      "fase",
      "cohort",
      "opleidingsschool",
      "gesprekssoort",
      "datum",
    ]);
    // §4.1: "De werkwijze is bestemd voor studenten in de hoofd- en afstudeerfase."
    expect(opleidingsouders.dimensions.find((d) => d.id === "fase")?.values?.map((v) => v.code)).toEqual([
      "hoofdfase",
      "afstudeerfase",
    ]);
  });
});
