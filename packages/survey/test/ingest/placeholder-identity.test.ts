import {
  convertRow,
  isPlaceholderIdentity,
  ProblemCollector,
  planIngest,
  proposeMapping,
  pseudonym,
  respondentKey,
} from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { testInstrument } from "./fixtures.js";
import { fixtureInstrument, ingestFixture, testKey } from "./read-fixture.js";

describe("placeholder identities", () => {
  it("knows the placeholders tools and people write for nobody", () => {
    for (const v of [
      "anonymous",
      "ANONYMOUS ",
      "Anoniem",
      "",
      "  ",
      "-",
      "--",
      "n.v.t.",
      "N/A",
      "onbekend",
      "?",
    ])
      expect(isPlaceholderIdentity(v), v).toBe(true);
    for (const v of [
      "j.devries@example.nl",
      "Jan de Vries",
      "anonymous.parent@example.nl",
      "Ann",
      "An Nguyen",
    ])
      expect(isPlaceholderIdentity(v), v).toBe(false);
  });

  it("gives Microsoft Forms' anonymous rows no respondent, and a named row its pseudonym", async () => {
    const result = await ingestFixture("msforms-nl-excel-decimale-komma.csv", fixtureInstrument("waarden"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.responses.map((r) => r.context[respondentKey])).toEqual([
      undefined,
      undefined,
      pseudonym(testKey, "j.devries@example.nl"),
      undefined,
      undefined,
    ]);
  });

  it("treats a placeholder in a pseudonymised dimension column as empty", () => {
    const instrument = testInstrument();
    const header = ["Student", "Groep", "Ik voel me welkom op school."];
    const planned = planIngest({
      file: "export.csv",
      instrument,
      columns: proposeMapping(header, instrument),
      context: { school: "De Regenboog", wave: "2026-najaar" },
      pseudonymKey: testKey,
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const problems = new ProblemCollector();
    const row = (n: number, student: string) =>
      convertRow(planned.value, { row: n, fields: [student, "Groep 5", "Mee eens"] }, problems);
    expect(row(2, "anoniem")?.context.student).toBeUndefined();
    expect(row(3, "-")?.context.student).toBeUndefined();
    expect(row(4, "Aylin Mulder")?.context.student).toBe(pseudonym(testKey, "Aylin Mulder"));
    expect(problems.errors).toEqual([]);
  });

  it("ignores a placeholder given as the flag of a pseudonymised dimension", () => {
    const instrument = testInstrument();
    const plan = (student: string) =>
      planIngest({
        file: "export.csv",
        instrument,
        columns: proposeMapping(["Groep", "Ik voel me welkom op school."], instrument),
        context: { school: "De Regenboog", wave: "2026-najaar", student },
        pseudonymKey: testKey,
      });
    const anonymous = plan("anonymous");
    const named = plan("Aylin Mulder");
    expect(anonymous.ok && anonymous.value.fixedContext.student).toBeUndefined();
    expect(named.ok && named.value.fixedContext.student).toBe(pseudonym(testKey, "Aylin Mulder"));
  });
});
