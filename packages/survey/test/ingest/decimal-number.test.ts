import { parseNumber } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { answersOf, fixtureInstrument, ingestFixture } from "./read-fixture.js";

describe("number items", () => {
  it("reads decimal commas and points, and refuses to guess thousands separators", () => {
    expect(parseNumber("12,5")).toEqual({ value: 12.5 });
    expect(parseNumber(" 12.5 ")).toEqual({ value: 12.5 });
    expect(parseNumber("-3")).toEqual({ value: -3 });
    expect(parseNumber("0,250")).toEqual({ value: 0.25 });
    expect(parseNumber("7,25")).toEqual({ value: 7.25 });
    expect(parseNumber("1.250")).toEqual({ error: "ambiguous" });
    expect(parseNumber("12,500")).toEqual({ error: "ambiguous" });
    expect(parseNumber("1.250,5")).toEqual({ error: "not-a-number" });
    expect(parseNumber("twaalf")).toEqual({ error: "not-a-number" });
    expect(parseNumber("1e3")).toEqual({ error: "not-a-number" });
  });

  it("imports a whole Microsoft Forms export from Dutch Excel (';' and decimal commas)", async () => {
    const result = await ingestFixture("msforms-nl-excel-decimale-komma.csv", fixtureInstrument("waarden"));
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (!result.ok) return;
    expect(result.responses).toHaveLength(5);
    expect(result.responses.map((r) => answersOf(r, "duur")[0]?.code)).toEqual([12.5, 7.25, 30, 0.5, 45.5]);
    expect(answersOf(result.responses[0], "hulp")).toEqual([
      { code: 1, text: null, missing: null },
      { code: 2, text: null, missing: null },
    ]);
    expect(answersOf(result.responses[1], "opmerking")).toEqual([
      { code: null, text: "Fijn gesprek, dank u.", missing: null },
    ]);
  });

  it("says which number is ambiguous and which item wants a whole number, with row and column", async () => {
    const result = await ingestFixture("msforms-nl-excel-getalfouten.csv", fixtureInstrument("waarden"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
      ["ambiguous-number", 3, "Hoeveel minuten duurde het gesprek?", "1.250"],
      ["not-a-whole-number", 4, "Hoeveel kinderen heeft u op school?", "2,5"],
    ]);
    const [ambiguous, whole] = result.errors;
    expect(ambiguous?.message).toContain("niet eenduidig");
    expect(ambiguous?.hint).toContain("1250");
    expect(whole?.message).toContain("geen geheel getal");
    expect(whole?.expected).toBe("een geheel getal van 1 tot en met 10");
  });
});
