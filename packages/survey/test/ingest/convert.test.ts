import {
  convertRow,
  ProblemCollector,
  planIngest,
  proposeMapping,
  pseudonym,
  respondentKey,
} from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { testInstrument } from "./fixtures.js";

const key = new Uint8Array(32).fill(7);
const header = [
  "Tijdstempel",
  "E-mailadres",
  "Groep",
  "Ik voel me welkom op school.",
  "Welke talen spreekt u thuis?",
  "Hoeveel kinderen heeft u op school?",
  "Heeft u een tip voor de school?",
];
const roles = ["timestamp", "email", undefined, undefined, undefined, undefined, undefined] as const;

function plan(context: Record<string, string> = { school: "De Regenboog", wave: "2026-najaar" }) {
  const instrument = testInstrument();
  const columns = proposeMapping(header, instrument, roles);
  const planned = planIngest({ file: "export.csv", instrument, columns, context, pseudonymKey: key });
  if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
  return planned;
}

describe("convertRow", () => {
  it("turns a row into a response with context, codes and typed missing values, and drops the e-mail", () => {
    const { value } = plan();
    const problems = new ProblemCollector();
    const r = convertRow(
      value,
      {
        row: 2,
        fields: [
          "23-11-2026 14:03:22",
          "ouder@example.nl",
          "Groep 5",
          "mee eens",
          "Nederlands, Arabisch",
          "2",
          "",
        ],
      },
      problems,
    );
    expect(problems.errors).toEqual([]);
    expect(r?.context).toEqual({
      school: "De Regenboog",
      wave: "2026-najaar",
      groep: "5",
      [respondentKey]: pseudonym(key, "ouder@example.nl"),
    });
    expect(JSON.stringify(r)).not.toContain("ouder@example.nl");
    expect(r?.submittedAt).toBe("2026-11-23T14:03:22");
    expect(r?.answers).toEqual([
      { item: "welkom", code: 4, text: null, missing: null },
      { item: "talen", code: 1, text: null, missing: null },
      { item: "talen", code: 2, text: null, missing: null },
      { item: "kinderen", code: 2, text: null, missing: null },
      { item: "tip", code: null, text: null, missing: "leeg" },
    ]);
  });

  it("reports an unknown label with its row, column, value, the labels expected and a suggestion", () => {
    const { value } = plan();
    const problems = new ProblemCollector();
    const r = convertRow(value, { row: 14, fields: ["", "", "5", "Mee eenss", "", "", ""] }, problems);
    expect(r).toBeUndefined();
    expect(problems.errors).toHaveLength(1);
    expect(problems.errors[0]).toMatchObject({
      code: "unknown-label",
      file: "export.csv",
      row: 14,
      column: "Ik voel me welkom op school.",
      value: "Mee eenss",
      hint: 'bedoelde u "Mee eens"?',
    });
    expect(problems.errors[0]?.expected).toContain("Helemaal mee eens");
  });

  it("warns about a formula-like text cell and keeps it as text", () => {
    const { value } = plan();
    const problems = new ProblemCollector();
    const r = convertRow(value, { row: 3, fields: ["", "", "5", "", "", "", '=HYPERLINK("x")'] }, problems);
    expect(r?.answers.find((a) => a.item === "tip")?.text).toBe('=HYPERLINK("x")');
    expect(problems.warnings[0]).toMatchObject({
      code: "formula-cell",
      row: 3,
      column: "Heeft u een tip voor de school?",
    });
  });

  it("gives the same key to the same row wherever it stands, and different keys in different schools", () => {
    const a = plan().value;
    const b = plan({ school: "De Horizon", wave: "2026-najaar" }).value;
    const fields = ["23-11-2026 14:03:22", "", "5", "Neutraal", "", "", ""];
    const k1 = convertRow(a, { row: 2, fields }, new ProblemCollector())?.key;
    const k2 = convertRow(a, { row: 9, fields }, new ProblemCollector())?.key;
    const k3 = convertRow(b, { row: 2, fields }, new ProblemCollector())?.key;
    expect(k1).toBe(k2);
    expect(k1).not.toBe(k3);
  });

  it("refuses a plan without the required context and says which flag supplies it", () => {
    const instrument = testInstrument();
    const columns = proposeMapping(header, instrument, roles);
    const planned = planIngest({
      file: "export.csv",
      instrument,
      columns,
      context: { wave: "x" },
      pseudonymKey: key,
    });
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.errors).toMatchObject([
      { code: "dimension-missing", hint: "geef het mee met --school of voeg een kolom toe" },
    ]);
  });
});
