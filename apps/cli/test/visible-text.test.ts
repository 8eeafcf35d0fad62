import { describe, expect, it } from "vitest";
import { visibleText } from "../src/visible-text.js";

describe("visibleText", () => {
  it("writes control characters, C1 controls and bidi marks as escapes", () => {
    expect(visibleText("Mee\u0007 eens\u001b[2J")).toBe("Mee\\u0007 eens\\u001b[2J");
    expect(visibleText("a\tb\r\nc\u0085d\u202Ee")).toBe("a\\tb\\r\\nc\\u0085d\\u202ee");
  });

  it("leaves ordinary text as it is, line breaks too when asked", () => {
    expect(visibleText("Café ‘één’ € 5")).toBe("Café ‘één’ € 5");
    expect(visibleText("twee\nregels\u0000", true)).toBe("twee\nregels\\u0000");
  });
});
