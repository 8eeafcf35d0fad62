import { labelLookup, parseDate, splitChoices } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { testInstrument } from "./fixtures.js";

const scale = (id: string) => {
  const s = testInstrument().scales.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};

describe("labelLookup", () => {
  const eens = labelLookup(scale("eens5"));
  it.each([
    ["Mee eens", { code: 4 }],
    ["  mee   EENS. ", { code: 4 }],
    ["Agree", { code: 4 }],
    ["4", { code: 4 }],
    ["4.0", { code: 4 }],
    ["4 - Mee eens", { code: 4 }],
    ["Weet ik niet", { missing: "weet_niet" }],
    ["N.V.T.", { missing: "nvt" }],
    ["nvt", { missing: "nvt" }],
    ["héél erg eens", undefined],
    ["7", undefined],
  ])("matches %j", (value, expected) => {
    expect(eens.match(value)).toEqual(expected);
  });

  it("suggests the nearest label for a typo", () => {
    expect(eens.suggest("Mee eenss")).toBe("Mee eens");
    expect(eens.suggest("helemaal mee onees")).toBe("Helemaal mee oneens");
  });
});

describe("splitChoices", () => {
  const talen = labelLookup(scale("taal"));
  it("splits Google Forms and Microsoft Forms joins but keeps a label that contains a comma", () => {
    expect(splitChoices("Nederlands, Berbers, Tamazight", talen)).toEqual([
      "Nederlands",
      "Berbers, Tamazight",
    ]);
    expect(splitChoices("Nederlands;Arabisch;", talen)).toEqual(["Nederlands", "Arabisch"]);
  });
});

describe("parseDate", () => {
  it.each([
    ["23-11-2026 14:03:22", "2026-11-23T14:03:22"],
    ["23-11-2026 14:03", "2026-11-23T14:03:00"],
    ["2026/11/23 2:03:22 p.m. CET", "2026-11-23T14:03:22"],
    ["2026-11-23 14:03:22", "2026-11-23T14:03:22"],
    ["11/23/2026 2:03:22 PM", "2026-11-23T14:03:22"],
    ["11/23/2026 12:10:00 AM", "2026-11-23T00:10:00"],
    ["2026-11-23", "2026-11-23"],
    ["23-11-2026", "2026-11-23"],
    ["31-02-2026", undefined],
    ["gisteren", undefined],
  ])("%s", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});
