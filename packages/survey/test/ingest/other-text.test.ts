import { formatTarget, otherChoiceCounter, parseTarget, proposeMapping } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { answersOf, fixtureInstrument, ingestFixture } from "./read-fixture.js";

const limeHeader = [
  "id",
  "DUUR",
  "CONTACT",
  "CONTACT[other]",
  "HULP[SQ001]",
  "HULP[SQ002]",
  "HULP[SQ003]",
  "HULP[other]",
  "OPMERK",
];

describe('the text typed beside "Anders"', () => {
  it("maps LimeSurvey's Q[other] as the other text of Q, and its SQ columns as choices", () => {
    const targets = proposeMapping(limeHeader, fixtureInstrument("waarden")).map((c) =>
      formatTarget(c.target),
    );
    expect(targets.slice(1)).toEqual([
      "item:duur",
      "item:contact",
      "item:contact[anders]",
      "item:hulp[1]",
      "item:hulp[2]",
      "item:hulp[3]",
      "item:hulp[anders]",
      "item:opmerking",
    ]);
    expect(parseTarget("item:hulp[anders]")).toEqual({ kind: "item", item: "hulp", other: true });
    expect(parseTarget("item:hulp[other]")).toEqual({ kind: "item", item: "hulp", other: true });
  });

  it("counts the texts of Q[other] and single-choice own answers for new choices, not '-oth-'", () => {
    const instrument = fixtureInstrument("waarden");
    const counter = otherChoiceCounter(instrument, proposeMapping(limeHeader, instrument), 2);
    const row = (contact: string, contactOther: string, hulpOther: string) =>
      ["1", "10", contact, contactOther, "", "", "", hulpOther, ""] as const;
    counter.add(row("-oth-", "", "Bijles Engels, groep 8"));
    counter.add(row("Via de app", "", "bijles engels, groep 8"));
    counter.add(row("Anders: via de app", "", ""));
    counter.add(row("-oth-", "", "Zwemles"));
    expect(counter.proposals()).toEqual([
      { item: "contact", column: "CONTACT", label: "Via de app", count: 2 },
      { item: "hulp", column: "HULP[other]", label: "Bijles Engels, groep 8", count: 2 },
    ]);
  });

  it("lets an exact alias on another item win over the bracket heuristic", () => {
    const instrument = fixtureInstrument("waarden", (data) => {
      data.items.push({ id: "hulp_anders", text: "Andere hulp", type: "text", aliases: ["HULP[other]"] });
    });
    const columns = proposeMapping(limeHeader, instrument);
    expect(formatTarget(columns[7]?.target ?? { kind: "ignore", reason: "unmapped" })).toBe(
      "item:hulp_anders",
    );
    expect(columns[7]?.via).toBe("alias");
  });

  it("stores LimeSurvey's other texts beside the Anders code, for checkbox and radio items", async () => {
    const result = await ingestFixture("limesurvey-anders-tekst.csv", fixtureInstrument("waarden"));
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (!result.ok) return;
    const [r1, r2, r3, r4] = result.responses;
    expect(answersOf(r1, "hulp")).toEqual([
      { code: 1, text: null, missing: null },
      { code: 9, text: "Bijles Engels", missing: null },
    ]);
    expect(answersOf(r1, "contact")).toEqual([{ code: 1, text: null, missing: null }]);
    // "-oth-" says Anders was chosen; CONTACT[other] holds what was typed.
    expect(answersOf(r2, "contact")).toEqual([{ code: 9, text: "Via de app van school", missing: null }]);
    expect(answersOf(r2, "hulp")).toEqual([{ code: 2, text: null, missing: null }]);
    expect(answersOf(r2, "duur")).toEqual([{ code: 12.5, text: null, missing: null }]);
    // Only the other text: Anders with its text, and no "empty" beside it.
    expect(answersOf(r3, "hulp")).toEqual([{ code: 9, text: "Taalles voor mezelf", missing: null }]);
    expect(answersOf(r4, "hulp")).toEqual([{ code: null, text: null, missing: "leeg" }]);
  });

  it("keeps Google Forms' own answers as text with the Anders code, for checkbox and radio items", async () => {
    const result = await ingestFixture("google-forms-anders-tekst.csv", fixtureInstrument("waarden"));
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (!result.ok) return;
    const [r1, r2, r3] = result.responses;
    expect(answersOf(r1, "hulp")).toEqual([
      { code: 1, text: null, missing: null },
      { code: 9, text: "Bijles Engels", missing: null },
    ]);
    expect(answersOf(r2, "contact")).toEqual([{ code: 9, text: "Via de app van school", missing: null }]);
    expect(answersOf(r3, "contact")).toEqual([{ code: 3, text: null, missing: null }]);
    expect(result.warnings.filter((w) => w.code === "other-choice").map((w) => [w.row, w.value])).toEqual([
      [2, "Bijles Engels"],
      [3, "Via de app van school"],
    ]);
  });

  it("still refuses an unknown label of a list without Anders, and of a scale", async () => {
    const instrument = fixtureInstrument("waarden", (data) => {
      const contact = data.items.find((i) => (i as { id: string }).id === "contact") as { scale: string };
      contact.scale = "zonder_anders";
      (data as unknown as { scales: unknown[] }).scales.push({
        id: "zonder_anders",
        name: "Zonder anders",
        ordered: false,
        labels: [
          { code: 1, label: "Telefoon" },
          { code: 2, label: "E-mail" },
          { code: 3, label: "Gesprek op school" },
        ],
      });
    });
    const result = await ingestFixture("google-forms-anders-tekst.csv", instrument);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.row, e.value])).toEqual([
      ["unknown-label", 3, "Via de app van school"],
    ]);
  });
});
