import { describe, expect, it } from "vitest";
import { contrastRatio, relativeLuminance } from "../src/contrast.js";
import { likertColors, minLikertNeutralContrast, neutralColor, prefersDarkText } from "../src/palette.js";

describe("WCAG contrast", () => {
  it("follows the relative-luminance formula: black on white is 21:1, a colour on itself 1:1", () => {
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 12);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 12);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#ffffff", "#767676")).toBe(contrastRatio("#767676", "#ffffff"));
  });
});

describe("Likert palette", () => {
  // Every scale shape a questionnaire uses: 2–9 answers, with and without a neutral middle.
  const shapes = [2, 3, 4, 5, 6, 7, 8, 9].map((size) => {
    const hasNeutral = size % 2 === 1;
    const side = Math.floor(size / 2);
    return { size, hasNeutral, colors: likertColors(side, hasNeutral, side) };
  });

  it(`sets the mildest answers at least ${minLikertNeutralContrast}:1 apart from neutral`, () => {
    for (const { size, hasNeutral, colors } of shapes) {
      if (!hasNeutral) continue;
      const middle = (size - 1) / 2;
      expect(colors[middle], `${size} punten`).toBe(neutralColor);
      for (const mild of [colors[middle - 1]!, colors[middle + 1]!])
        expect(contrastRatio(mild, neutralColor), `${size} punten: ${mild}`).toBeGreaterThanOrEqual(
          minLikertNeutralContrast,
        );
    }
  });

  it("keeps neighbouring answers visibly apart and the two sides apart across the middle", () => {
    for (const { size, colors } of shapes) {
      expect(new Set(colors).size, `${size} punten`).toBe(colors.length);
      for (let i = 1; i < colors.length; i++) {
        if (colors[i] === neutralColor || colors[i - 1] === neutralColor) continue;
        const a = colors[i - 1]!;
        const b = colors[i]!;
        // Across the middle the hue changes (orange → blue); on one side the lightness must.
        const sameSide = i !== size / 2;
        if (sameSide) expect(contrastRatio(a, b), `${size} punten: ${a} ${b}`).toBeGreaterThanOrEqual(1.25);
      }
    }
  });

  it("gets darker towards the ends on both sides", () => {
    const five = likertColors(2, true, 2).map(relativeLuminance);
    expect(five[0]!).toBeLessThan(five[1]!);
    expect(five[4]!).toBeLessThan(five[3]!);
    // Labels on the strongest shades are white, on the mild ones dark.
    expect(prefersDarkText(likertColors(2, true, 2)[1]!)).toBe(true);
  });
});
