import { describe, expect, it } from "vitest";
import { opleidingsoudersConversationKinds } from "../src/index.js";
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

describe("opleidingsouders.json against seed 003 §4", () => {
  const questionIds = ["oo_sfeer", "oo_positief", "oo_ontwikkeling", "oo_ruimte", "oo_tevreden"];
  const open = opleidingsouders.items.filter((i) => i.type === "text");

  it("asks the seed's five questions, in its words and order, as open questions", () => {
    const fromSeed = seedQuestions();
    expect(fromSeed).toHaveLength(5);
    expect(opleidingsouders.sections.map((s) => s.id)).toEqual(questionIds);
    expect(opleidingsouders.sections.map((s) => squash(s.title))).toEqual(fromSeed.map(squash));
    // §4.3: "zij worden uitgenodigd hun antwoorden inhoudelijk toe te lichten" — one open answer each
    expect(open.map((i) => i.section)).toEqual(questionIds);
    expect(open.map((i) => squash(i.text))).toEqual(fromSeed.map(squash));
  });

  it("has an optional closed answer only where the question can be answered yes or no", () => {
    const closed = opleidingsouders.items.filter((i) => i.type !== "text");
    // "Welke ruimte …?" (question 4) is not a yes/no question
    expect(closed.map((i) => i.section)).toEqual([
      "oo_sfeer",
      "oo_positief",
      "oo_ontwikkeling",
      "oo_tevreden",
    ]);
    for (const item of closed) {
      expect(item.type).toBe("single");
      expect(item.constructs).toEqual([]);
    }
    const scale = opleidingsouders.scales.find((s) => s.id === closed[0]?.scale);
    expect(scale?.ordered).toBe(false);
    expect(scale?.labels.map((l) => l.label)).toEqual(["Ja", "Nee"]);
  });

  it("makes no score of the answers: §4.2, no judgement is expected of the parents", () => {
    expect(opleidingsouders.constructs).toEqual([]);
    expect(opleidingsouders.items.some((i) => i.type === "scale")).toBe(false);
    // nothing the instrument says frames the feedback as a judgement ("oordeel", "beoordeling")
    expect(JSON.stringify(opleidingsouders)).not.toMatch(/oordeel/i);
  });

  it("allows only the regular conversations of §4.1 and refuses the others with a reason", () => {
    const frame = passage(seed, /volgende kaders:/, /4\.1\s+KADERS VOOR DEELNAME/);
    expect(squash(frame)).toContain(squash("Er wordt een regulier 10-minutengesprek gevoerd"));
    const kinds = opleidingsouders.dimensions.find((d) => d.id === "gesprekssoort");
    expect(kinds?.values?.map((v) => v.code)).toEqual([...opleidingsoudersConversationKinds]);
    expect(kinds?.refused?.map((r) => r.code)).toEqual(["probleemoplossend", "slechtnieuws", "advies"]);
    for (const r of kinds?.refused ?? []) expect(r.reason).toContain("10-minutengesprek");
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
