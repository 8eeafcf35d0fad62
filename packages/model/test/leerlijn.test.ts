import {
  afstudeerfaseIntro,
  findProfieleis,
  isProfieleisId,
  leerdoelen,
  leerdoelenFor,
  leerdoelHeading,
  leerlijnComponents,
  leerlijnLinks,
  leerstofOnderdelen,
  linksToProfieleis,
  profieleisen,
  profieleisenFor,
  profieleisenForItem,
  profieleisGroups,
  profieleisIds,
  toetsingen,
} from "@zaz/model";
import { describe, expect, it } from "vitest";
import { loadInstrument, occursIn, passage, readSeed, sentences, squash } from "./seeds.js";

const seed = readSeed("leerlijn");

describe("leerlijn against seed 003 §2", () => {
  it("has the three components of §2.2", () => {
    expect(leerlijnComponents).toHaveLength(3);
    for (const c of leerlijnComponents) expect(occursIn(seed, `${c.number}) ${c.text}`), c.id).toBe(true);
  });

  it("has leerstof a/b/c of §2.3, with the eight concepts of part a", () => {
    expect(leerstofOnderdelen.map((l) => l.id)).toEqual(["a", "b", "c"]);
    expect(
      occursIn(
        seed,
        leerstofOnderdelen
          .map((l) => `${l.id}) ${l.name}`)
          .join(", ")
          .replace(", c)", " en c)"),
      ),
    ).toBe(true);
    const a = leerstofOnderdelen[0];
    expect(a?.topics).toHaveLength(8);
    for (const l of leerstofOnderdelen) {
      expect(occursIn(seed, `Ad ${l.id}: ${l.heading}`), l.heading).toBe(true);
      for (const s of sentences(l.description)) expect(occursIn(seed, s), s).toBe(true);
      for (const t of l.topics) expect(occursIn(seed, t), t).toBe(true);
    }
  });

  it("has the 23 profieleisen startbekwaam of §2.4: 5 in a, 11 in b, 7 in c, in the seed's words", () => {
    expect(profieleisen.map((p) => p.id)).toEqual([...profieleisIds]);
    const count = (g: string) => profieleisen.filter((p) => p.group === g).length;
    expect([count("a"), count("b"), count("c")]).toEqual([5, 11, 7]);
    // In the extraction the group a bullets end before the §2.6 heading, the b bullets before the
    // c lead-in, and the c bullets before the §2.4 heading (the columns are out of order).
    const ends = { a: /2\.6\s+VERBINDING/, b: /Ten aanzien van reflectie/, c: /2\.4\s+PROFIELEISEN/ };
    for (const group of profieleisGroups) {
      const lead = new RegExp(group.lead.replace(/\s+/g, "\\s+"));
      const bullets = passage(seed, lead, ends[group.id]);
      expect(bullets.match(/►►/g)?.length, group.id).toBe(count(group.id));
      for (const p of profieleisen.filter((p) => p.group === group.id)) {
        expect(occursIn(bullets, p.text), p.id).toBe(true);
        expect(p.id.startsWith(group.id)).toBe(true);
      }
    }
    expect(isProfieleisId("b11")).toBe(true);
    expect(isProfieleisId("b12")).toBe(false);
  });

  it("has the leerdoelen per phase of §2.5, with the stagepraktijk goals", () => {
    const counts = {
      propedeuse: [
        leerdoelenFor("propedeuse", "opleiding").length,
        leerdoelenFor("propedeuse", "stagepraktijk").length,
      ],
      hoofdfase: [
        leerdoelenFor("hoofdfase", "opleiding").length,
        leerdoelenFor("hoofdfase", "stagepraktijk").length,
      ],
      afstudeerfase: [
        leerdoelenFor("afstudeerfase", "opleiding").length,
        leerdoelenFor("afstudeerfase", "stagepraktijk").length,
      ],
    };
    // Counted by hand from the seed; the hoofdfase list continues in another column (three goals).
    expect(counts).toEqual({ propedeuse: [5, 2], hoofdfase: [9, 7], afstudeerfase: [4, 0] });
    for (const l of leerdoelen) expect(occursIn(seed, l.text), l.id).toBe(true);
    expect(new Set(leerdoelen.map((l) => l.id)).size).toBe(leerdoelen.length);
    for (const [phase, kind] of [
      ["propedeuse", "opleiding"],
      ["propedeuse", "stagepraktijk"],
      ["hoofdfase", "stagepraktijk"],
      ["afstudeerfase", "opleiding"],
    ] as const) {
      expect(occursIn(seed, leerdoelHeading(phase, kind)), `${phase} ${kind}`).toBe(true);
    }
    expect(occursIn(seed, afstudeerfaseIntro.replace("leerkracht", "leerkacht"))).toBe(true);
  });

  it("says how the leerlijn is connected to the stage and tested (§2.6)", () => {
    expect(toetsingen.map((t) => t.id)).toEqual([
      "stageopdrachten",
      "stagebeoordeling",
      "theorietoets",
      "bekwaamheidsgesprek",
    ]);
    for (const t of toetsingen) expect(occursIn(seed, t.text), t.id).toBe(true);
    expect(toetsingen.find((t) => t.id === "bekwaamheidsgesprek")?.phases).toEqual(["afstudeerfase"]);
  });
});

describe("links from the instruments to the profieleisen", () => {
  const observatie = loadInstrument("observatie");
  const opleidingsouders = loadInstrument("opleidingsouders");

  it("point to existing profieleisen and existing sections or questions", () => {
    for (const link of leerlijnLinks) {
      expect(link.profieleisen.length).toBeGreaterThan(0);
      for (const id of link.profieleisen) expect(findProfieleis(id), `${link.target} → ${id}`).toBeDefined();
      if (link.instrument === "observatie")
        expect(observatie.sections.map((s) => s.id)).toContain(link.target);
      else expect(opleidingsouders.sections.map((s) => s.id)).toContain(link.target);
    }
  });

  it("cover every observation section and every opleidingsouders question exactly once", () => {
    const targets = (instrument: string) =>
      leerlijnLinks.filter((l) => l.instrument === instrument).map((l) => l.target);
    expect(targets("observatie")).toEqual(observatie.sections.map((s) => s.id));
    expect(targets("opleidingsouders")).toEqual(opleidingsouders.sections.map((s) => s.id));
  });

  it("are looked up per section, per item and per profieleis", () => {
    expect(profieleisenFor("observatie", "sn_kern").map((p) => p.id)).toEqual(["b2", "b7", "b8"]);
    expect(profieleisenFor("observatie", "bestaat_niet")).toEqual([]);
    expect(profieleisenFor("opleidingsouders", "oo_sfeer").map((p) => p.group)).toEqual(["b", "c", "c", "c"]);
    // An observation item and its remark follow their section; an explanation follows its question.
    expect(profieleisenForItem(observatie, "sn_kern3")).toEqual(profieleisenFor("observatie", "sn_kern"));
    expect(profieleisenForItem(observatie, "sn_kern3_opm")).toEqual(profieleisenFor("observatie", "sn_kern"));
    expect(profieleisenForItem(opleidingsouders, "oo_ruimte_toelichting")).toEqual(
      profieleisenFor("opleidingsouders", "oo_ruimte"),
    );
    expect(profieleisenForItem(opleidingsouders, "oo_sfeer_kort")).toEqual(
      profieleisenFor("opleidingsouders", "oo_sfeer"),
    );
    expect(linksToProfieleis("b7").map((l) => l.target)).toEqual(["sn_opening", "sn_kern", "sn_slot"]);
    expect(squash(findProfieleis("b7")?.text ?? "")).toContain("loyaliteit");
  });
});
