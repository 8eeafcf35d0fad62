import { convertRow, formatTarget, ProblemCollector, planIngest, proposeMapping } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { answersOf, fixtureInstrument, testKey } from "./read-fixture.js";

const targets = (header: string[]) =>
  proposeMapping(header, fixtureInstrument("waarden")).map((c) => formatTarget(c.target));

describe("a column per choice of a checkbox item", () => {
  it("is proposed for LimeSurvey question codes (an alias), Qualtrics Q_n and 'Vraag - Keuze'", () => {
    expect(targets(["HULP[SQ001]", "HULP[SQ003]", "HULP[Lezen]", "HULP[other]"])).toEqual([
      "item:hulp[1]",
      "item:hulp[3]",
      "item:hulp[2]",
      "item:hulp[anders]",
    ]);
    expect(targets(["HULP_1", "HULP_2", "HULP_9", "HULP_9_TEXT", "CONTACT"])).toEqual([
      "item:hulp[1]",
      "item:hulp[2]",
      "item:hulp[9]",
      "item:hulp[anders]",
      "item:contact",
    ]);
    expect(
      targets([
        "Waarbij wilt u hulp van de school? - Huiswerk",
        "Waarbij wilt u hulp van de school? - Rekenen",
        "Waarbij wilt u hulp van de school? - Anders",
      ]),
    ).toEqual(["item:hulp[1]", "item:hulp[3]", "item:hulp[9]"]);
  });

  it("does not take a choice that the list does not have, or a column of another item", () => {
    expect(targets(["HULP[SQ007]", "HULP_7", "Waarbij wilt u hulp van de school? - Zwemmen"])).toEqual([
      "ignore",
      "ignore",
      "ignore",
    ]);
  });

  it("turns Microsoft Forms' per-choice columns into the chosen codes", () => {
    const instrument = fixtureInstrument("waarden");
    const header = [
      "Waarbij wilt u hulp van de school? - Huiswerk",
      "Waarbij wilt u hulp van de school? - Lezen",
      "Waarbij wilt u hulp van de school? - Rekenen",
    ];
    const planned = planIngest({
      file: "export.csv",
      instrument,
      columns: proposeMapping(header, instrument),
      context: { school: "De Regenboog", wave: "2026-najaar" },
      pseudonymKey: testKey,
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const problems = new ProblemCollector();
    const r = convertRow(planned.value, { row: 2, fields: ["Huiswerk", "", "1"] }, problems);
    expect(problems.errors).toEqual([]);
    expect(answersOf(r, "hulp")).toEqual([
      { code: 1, text: null, missing: null },
      { code: 3, text: null, missing: null },
    ]);
  });
});
