import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, uniqueLabels, wrapLabel } from "../src/index.js";
import { divergingHex, prefersDarkText } from "../src/palette.js";
import { roundTo } from "../src/round-to.js";

describe("wrapLabel", () => {
  it("wraps at spaces and cuts with an ellipsis after the last line", () => {
    expect(wrapLabel("Ik krijg concrete, praktische tips om mijn kind thuis te ondersteunen.", 20, 2)).toBe(
      "Ik krijg concrete,\npraktische tips om…",
    );
  });
  it("keeps a word a little longer than a line whole, breaks a much longer one", () => {
    expect(wrapLabel("Maatschappelijk partnerschap", 12, 3)).toBe("Maatschappelijk\npartnerschap");
    expect(wrapLabel("Ouderbetrokkenheidsonderzoek", 10, 3)).toBe("Ouderbetr-\nokkenheid-\nsonderzoek");
  });
  it("collapses user-typed newlines", () => {
    expect(wrapLabel("a\n\nb", 10, 2)).toBe("a b");
  });
});

describe("uniqueLabels", () => {
  it("numbers repeats so no two rows share a scale position", () => {
    expect(uniqueLabels(["Groep 5", "Groep 6", "Groep 5"])).toEqual(["Groep 5", "Groep 6", "Groep 5 (2)"]);
  });
});

describe("Dutch numbers", () => {
  it("uses a decimal comma, a real minus and no negative zero", () => {
    expect(formatNumber(3.456, 1)).toBe("3,5");
    expect(formatNumber(-0.04, 1)).toBe("0,0");
    expect(formatNumber(-1.25, 2)).toBe("−1,25");
    expect(formatPercent(34 / 52)).toBe("65%");
  });
});

describe("roundTo", () => {
  it("rounds to the given decimals and keeps null", () => {
    expect(roundTo(3.456, 2)).toBe(3.46);
    expect(roundTo(0.6544, 3)).toBe(0.654);
    expect(roundTo(-0.125, 2)).toBe(-0.12);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(null, 2)).toBeNull();
  });
});

describe("divergingHex", () => {
  it("runs from the orange end through the middle to the blue end, clamped", () => {
    expect(divergingHex(-1)).toBe("#b35806");
    expect(divergingHex(-2)).toBe("#b35806");
    expect(divergingHex(0)).toBe("#f7f7f7");
    expect(divergingHex(0.75)).toBe("#578abf");
    expect(divergingHex(1)).toBe("#2166ac");
    expect(divergingHex(2)).toBe("#2166ac");
  });
});

describe("prefersDarkText", () => {
  it("picks dark text on light colours and white on dark ones", () => {
    expect(prefersDarkText("#deebf7")).toBe(true);
    expect(prefersDarkText("#08306b")).toBe(false);
  });
});
