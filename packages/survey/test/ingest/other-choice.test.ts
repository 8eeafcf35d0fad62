import { convertRow, otherChoiceCounter, ProblemCollector, planIngest, proposeMapping } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { testInstrument } from "./fixtures.js";

const header = ["Groep", "Welke talen spreekt u thuis?"];

function setup() {
  const instrument = testInstrument();
  const columns = proposeMapping(header, instrument);
  const planned = planIngest({
    file: "export.csv",
    instrument,
    columns,
    context: { school: "De Regenboog", wave: "2026-najaar" },
    pseudonymKey: new Uint8Array(32).fill(7),
  });
  if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
  return { instrument, columns, plan: planned.value };
}

describe('own answers beside "Anders"', () => {
  it("keeps the text next to the Anders code, and warns that it does", () => {
    const { plan } = setup();
    const problems = new ProblemCollector();
    const r = convertRow(plan, { row: 2, fields: ["Groep 5", "Nederlands, Tigrinya, Somalisch"] }, problems);
    expect(problems.errors).toEqual([]);
    expect(r?.answers.filter((a) => a.item === "talen")).toEqual([
      { item: "talen", code: 1, text: null, missing: null },
      { item: "talen", code: 9, text: "Tigrinya; Somalisch", missing: null },
    ]);
    expect(problems.warnings[0]?.message).toContain("met de tekst ernaast");
  });

  it("proposes the answers at least k respondents gave as new choices, most frequent first", () => {
    const { instrument, columns } = setup();
    const counter = otherChoiceCounter(instrument, columns, 5);
    expect(counter.watching).toBe(true);
    const rows = [
      ...Array.from({ length: 7 }, () => ["1", "Nederlands, Tigrinya"]),
      ["1", "tigrinya"],
      ...Array.from({ length: 5 }, () => ["2", "Somalisch"]),
      ...Array.from({ length: 4 }, () => ["3", "Farsi"]),
      ["4", "Nederlands, Arabisch"],
    ];
    for (const row of rows) counter.add(row);
    expect(counter.proposals()).toEqual([
      { item: "talen", column: "Welke talen spreekt u thuis?", label: "Tigrinya", count: 8 },
      { item: "talen", column: "Welke talen spreekt u thuis?", label: "Somalisch", count: 5 },
    ]);
  });
});
