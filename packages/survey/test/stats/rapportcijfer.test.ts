import { rapportcijferFormula, rescaleToRapportcijfer, statsMessages } from "@zaz/survey";
import { describe, expect, it } from "vitest";

const formulaText = (min: number, max: number) =>
  statsMessages.rapportcijferFormula(rapportcijferFormula(min, max), min, max);

describe("rapportcijfer", () => {
  it("maps the scale ends to 1 and 10", () => {
    expect(rescaleToRapportcijfer(1, 1, 4)).toBe(1);
    expect(rescaleToRapportcijfer(4, 1, 4)).toBe(10);
    expect(rescaleToRapportcijfer(0, 0, 10)).toBe(1);
  });

  it("on a 4-point scale equals Vensters' 3 × gemiddelde − 2", () => {
    // 1 + 9(m − 1)/3 = 1 + 3m − 3 = 3m − 2; e.g. m = 3.2 → 7.6.
    for (const m of [1, 1.75, 2.5, 3.2, 4])
      expect(rescaleToRapportcijfer(m, 1, 4)).toBeCloseTo(3 * m - 2, 12);
    expect(rapportcijferFormula(1, 4)).toEqual({ multiplier: 3, constant: -2, divisor: 1 });
    expect(formulaText(1, 4)).toBe("3 × gemiddelde − 2");
  });

  it("on a 5-point scale equals (9 × gemiddelde − 5) / 4", () => {
    // 1 + 9(m − 1)/4 = (4 + 9m − 9)/4 = (9m − 5)/4; e.g. m = 4 → 31/4 = 7.75.
    expect(rescaleToRapportcijfer(4, 1, 5)).toBe(7.75);
    expect(formulaText(1, 5)).toBe("(9 × gemiddelde − 5) / 4");
  });

  it("renders other ranges exactly", () => {
    expect(formulaText(1, 10)).toBe("gemiddelde");
    // 0..10: (9m + 10)/10.
    expect(formulaText(0, 10)).toBe("(9 × gemiddelde + 10) / 10");
    // 1..7: 1 + 9(m − 1)/6 = (3m − 1)/2.
    expect(formulaText(1, 7)).toBe("(3 × gemiddelde − 1) / 2");
    expect(rescaleToRapportcijfer(5, 1, 7)).toBe(7);
    // 0..9: 1 + m.
    expect(formulaText(0, 9)).toBe("gemiddelde + 1");
    // Non-integer ends keep the unreduced form, with a decimal comma.
    expect(formulaText(0.5, 4)).toBe("1 + 9 × (gemiddelde − 0,5) / 3,5");
  });

  it("the reduced formula gives the same numbers as the map", () => {
    for (const [min, max] of [
      [1, 4],
      [1, 5],
      [0, 10],
      [1, 7],
      [-2, 2],
      [0, 3],
    ] as const) {
      const f = rapportcijferFormula(min, max)!;
      for (let m = min; m <= max; m += 0.25) {
        expect((f.multiplier * m + f.constant) / f.divisor).toBeCloseTo(
          rescaleToRapportcijfer(m, min, max),
          12,
        );
      }
    }
  });

  it("rejects means outside the scale and empty ranges", () => {
    expect(() => rescaleToRapportcijfer(5, 1, 4)).toThrow(RangeError);
    expect(() => rescaleToRapportcijfer(2, 4, 4)).toThrow(RangeError);
  });
});
