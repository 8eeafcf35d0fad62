import {
  bakkerConditions,
  conversationKinds,
  epsteinDomainSource,
  epsteinDomains,
  hgwAandachtspunten,
  homeInvolvementAspects,
  involvementForms,
  isConversationKind,
  isEpsteinDomain,
  isHgwAandachtspunt,
  isHomeInvolvement,
  isInvolvementForm,
  isOnderwijsondersteunendAspect,
  isOnderwijsondersteunendGedraging,
  isParentRole,
  isStudyPhase,
  mentaalModel,
  onderwijsondersteunendAspecten,
  onderwijsondersteunendGedragingen,
  parentRoles,
  studyPhases,
} from "@zaz/model";
import { describe, expect, it } from "vitest";
import { occursIn, passage, readSeed, sentences, squash } from "./seeds.js";

const hgw = readSeed("hgw");
const kwaliteitskaart = readSeed("kwaliteitskaart");
const samenZijnWijSchool = readSeed("samenZijnWijSchool");
const leerlijn = readSeed("leerlijn");
const handboek = readSeed("handboek");

function expectQuoted(seed: string, text: string) {
  for (const sentence of sentences(text)) expect(occursIn(seed, sentence), sentence).toBe(true);
}

describe("domain lists against the seeds", () => {
  it("Epstein: the three domains school, thuis, omgeving of seed 003 §2.3 a", () => {
    expect(occursIn(leerlijn, epsteinDomainSource)).toBe(true);
    expect(epsteinDomains.map((d) => d.id)).toEqual(["school", "thuis", "omgeving"]);
    expect(epsteinDomainSource).toContain("school, thuis en omgeving");
    expect(epsteinDomains.every((d) => isEpsteinDomain(d.id))).toBe(true);
    expect(isEpsteinDomain("buurt")).toBe(false);
  });

  it("Bakker: four numbered conditions plus the welcoming climate and positive feedback", () => {
    expect(bakkerConditions.filter((c) => c.number !== undefined).map((c) => c.number)).toEqual([1, 2, 3, 4]);
    expect(bakkerConditions.map((c) => c.id)).toContain("uitnodigend_klimaat");
    // The seed's own words for the welcoming climate.
    expect(occursIn(leerlijn, "uitnodigend klimaat wordt")).toBe(true);
  });

  it("onderwijsondersteunend gedrag: four aspects in seed 000, seven behaviours in seed 001", () => {
    expect(occursIn(hgw, "Dit gedrag bevat vier aspecten:")).toBe(true);
    expect(onderwijsondersteunendAspecten.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    for (const aspect of onderwijsondersteunendAspecten) {
      expect(isOnderwijsondersteunendAspect(aspect.id)).toBe(true);
      expect(occursIn(hgw, aspect.description), aspect.id).toBe(true);
      expect(aspect.description.startsWith(aspect.name.replace(/\.$/, ""))).toBe(true);
    }
    const list = passage(kwaliteitskaart, /Denk aan:/, /Leerkrachten en ouders\s*\n/);
    expect(list.match(/•/g)).toHaveLength(7);
    expect(onderwijsondersteunendGedragingen).toHaveLength(7);
    let position = 0;
    for (const behaviour of onderwijsondersteunendGedragingen) {
      expect(isOnderwijsondersteunendGedraging(behaviour.id)).toBe(true);
      const found = squash(list).indexOf(squash(behaviour.text), position);
      expect(found, behaviour.id).toBeGreaterThanOrEqual(0);
      position = found;
    }
  });

  it("HGW: the ten aandachtspunten of seed 000, numbered and worded as there", () => {
    const list = passage(hgw, /10 aandachtspunten/, /HJK oktober 2013/);
    expect(hgwAandachtspunten.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const point of hgwAandachtspunten) {
      expect(isHgwAandachtspunt(point.id)).toBe(true);
      expect(occursIn(list, `${point.number}.${point.text}`), point.text).toBe(true);
    }
  });

  it("De Vries: three parent roles and four forms of effective involvement (seed 002)", () => {
    expect(parentRoles.map((r) => r.id)).toEqual(["coach", "supporter", "pleitbezorger"]);
    for (const role of parentRoles) {
      expect(isParentRole(role.id)).toBe(true);
      expect(occursIn(samenZijnWijSchool, `${role.number}. ${role.name}`), role.name).toBe(true);
      expectQuoted(samenZijnWijSchool, role.description);
    }
    const list = passage(samenZijnWijSchool, /Ouderbetrokkenheid is vooral:/, /Drie rollen van de ouder/);
    expect(list.match(/^\s*\d\./gm)).toHaveLength(4);
    expect(involvementForms.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    for (const form of involvementForms) {
      expect(isInvolvementForm(form.id)).toBe(true);
      expect(occursIn(list, `${form.number}. ${form.summary}`), form.summary).toBe(true);
      expectQuoted(samenZijnWijSchool, form.description);
    }
  });

  it("Brandwijk e.a.: the four aspects of involvement at home (seed 004)", () => {
    expect(occursIn(handboek, "Er zijn vier aspecten die hierbij belangrijk zijn.")).toBe(true);
    expect(homeInvolvementAspects.map((a) => a.id)).toEqual([
      "aanmoediging",
      "voorwaardenscheppend",
      "ontwikkelingsondersteuning",
      "directe_onderwijsondersteuning",
    ]);
    for (const aspect of homeInvolvementAspects) {
      expect(isHomeInvolvement(aspect.id)).toBe(true);
      expect(handboek).toMatch(new RegExp(`^\\s*${aspect.name}\\s*$`, "m"));
      expectQuoted(handboek, aspect.description);
    }
  });

  it("gesprekssoorten: the five forms of seed 003 §3.3–3.7; advies for groep 7 en 8", () => {
    expect(conversationKinds.map((k) => k.section)).toEqual(["3.3", "3.4", "3.5", "3.6", "3.7"]);
    for (const kind of conversationKinds) {
      expect(isConversationKind(kind.id)).toBe(true);
      expect(occursIn(leerlijn, kind.description), kind.description).toBe(true);
      expect(squash(leerlijn)).toContain(squash(`${kind.section}${kind.formTitle.toUpperCase()}`));
    }
    expect(conversationKinds.find((k) => k.id === "advies")?.groepen).toEqual([7, 8]);
    expect(conversationKinds.filter((k) => k.groepen !== undefined)).toHaveLength(1);
  });

  it("study phases: propedeuse, hoofdfase, afstudeerfase (LIO) of seed 003 §2.2", () => {
    expect(studyPhases.map((p) => [p.id, p.years])).toEqual([
      ["propedeuse", [1]],
      ["hoofdfase", [2, 3]],
      ["afstudeerfase", [4]],
    ]);
    for (const phase of studyPhases) {
      expect(isStudyPhase(phase.id)).toBe(true);
      expect(occursIn(leerlijn, phase.description), phase.id).toBe(true);
    }
  });

  it("mentaal model oudergesprekken (seed 003 §3.1): preparation, reception, structure, afterwards", () => {
    const model = passage(leerlijn, /^3\.1\s+MENTAAL MODEL/m, /OBSERVATIEFORMULIER/);
    expect(mentaalModel.voorbereiding.questions).toHaveLength(8);
    expect(mentaalModel.ontvangst.tips).toHaveLength(4);
    const lines = [
      mentaalModel.voorbereiding.title.toUpperCase(),
      ...mentaalModel.voorbereiding.questions,
      mentaalModel.ontvangst.title.toUpperCase(),
      ...mentaalModel.ontvangst.tips,
      mentaalModel.naHetGesprek.title.toUpperCase(),
      ...mentaalModel.naHetGesprek.tips,
    ];
    for (const line of lines) expect(occursIn(model, line), line).toBe(true);
    expect(mentaalModel.structuur.map((p) => p.part)).toEqual(["inleiding", "kern", "slot"]);
    let position = 0;
    for (const part of mentaalModel.structuur) {
      position = squash(model).indexOf(part.title.toUpperCase(), position);
      expect(position, part.title).toBeGreaterThanOrEqual(0);
      for (const step of part.steps) {
        const text = step.question === undefined ? step.element : `${step.element}: ${step.question}`;
        expect(occursIn(model, text), text).toBe(true);
      }
      for (const line of part.motivatie) expect(occursIn(model, line), line).toBe(true);
    }
  });
});
