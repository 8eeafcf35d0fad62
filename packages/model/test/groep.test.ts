import { describe, expect, it } from "vitest";
import {
  compareGroepen,
  dimensionValueLabel,
  dimensionValueOrder,
  GroepRefusal,
  groepLabel,
  groepMessages,
  groepYears,
  holdsGroepen,
  parseGroep,
  parseInstrument,
} from "../src/index.js";

const code = (text: string) => {
  const parsed = parseGroep(text);
  return "code" in parsed ? parsed.code : parsed.refusal;
};

describe("groepen as the school has them", () => {
  it.each([
    ["1", "1"],
    ["Groep 8", "8"],
    ["gr. 5", "5"],
    ["groep5", "5"],
    ["Groep 1/2", "1/2"],
    ["groep 1-2", "1/2"],
    ["groep 1–2", "1/2"],
    ["gr. 1/2", "1/2"],
    ["Group 3", "3"],
    ["Groups 7 and 8", "7/8"],
    ["gr 1/2", "1/2"],
    ["1/2", "1/2"],
    ["1-2", "1/2"],
    ["1 / 2", "1/2"],
    ["groep 1 en 2", "1/2"],
    ["Groepen 7 en 8", "7/8"],
    ["GROEP 7 EN 8", "7/8"],
    ["groep 1+2", "1/2"],
    ["Groep 3/4B", "3/4B"],
    ["groep 3/4 b", "3/4B"],
    ["5A", "5A"],
    ["groep 5a", "5A"],
    ["combinatiegroep 5/6", "5/6"],
    ["Combinatieklas groep 3-4", "3/4"],
    ["combi-groep 7/8", "7/8"],
    ["1/2/3", "1/2/3"],
    ["groep 1, 2 en 3", "1/2/3"],
    ["groep 1 t/m 3", "1/2/3"],
    ["klas 6", "6"],
    ["  Groep   1/2A ", "1/2A"],
  ])("reads %j as %j", (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it.each([
    ["kleuters", GroepRefusal.notAGroep],
    ["juf Anja", GroepRefusal.notAGroep],
    ["", GroepRefusal.notAGroep],
    ["groep 5 en", GroepRefusal.notAGroep],
    ["groep 9", GroepRefusal.yearOutOfRange],
    ["0", GroepRefusal.yearOutOfRange],
    ["7/8/9", GroepRefusal.yearOutOfRange],
    ["1/3", GroepRefusal.notAdjacent],
    ["2/1", GroepRefusal.notAdjacent],
    ["4/4", GroepRefusal.notAdjacent],
    ["groep 3 t/m 3", GroepRefusal.notAdjacent],
  ])("refuses %j (%s), with a hint that names no other groep", (text, refusal) => {
    const parsed = parseGroep(text);
    expect(parsed).toEqual({ refusal, hint: groepMessages.hint(refusal) });
    if ("hint" in parsed) expect(parsed.hint).not.toMatch(/bedoelde u/);
  });

  it("gives the years a groep spans and its label", () => {
    expect(groepYears("3/4B")).toEqual([3, 4]);
    expect(groepYears("1/2/3")).toEqual([1, 2, 3]);
    expect(groepYears("5A")).toEqual([5]);
    expect(groepYears("8")).toEqual([8]);
    expect(groepYears("negen")).toBeUndefined();
    expect(groepLabel("1/2")).toBe("Groep 1/2");
    expect(groepLabel("3/4B")).toBe("Groep 3/4B");
    expect(groepLabel("onbekend")).toBe("onbekend");
  });

  it("orders by first year, then span, then letter: 1/2 before 3 before 3/4B before 8", () => {
    const shuffled = ["8", "3/4B", "onbekend", "5/6", "3", "1/2B", "2", "5A", "1", "1/2/3", "1/2", "3/4A"];
    expect([...shuffled].sort(compareGroepen)).toEqual([
      "1",
      "1/2",
      "1/2B",
      "1/2/3",
      "2",
      "3",
      "3/4A",
      "3/4B",
      "5A",
      "5/6",
      "8",
      "onbekend",
    ]);
    // the old workaround's "1-2" is a groep too, not a text after groep 8
    expect(["8", "1-2", "3"].sort(compareGroepen)).toEqual(["1-2", "3", "8"]);
  });
});

describe("the groep dimension type", () => {
  const instrument = (groep: Record<string, unknown>) =>
    parseInstrument({
      id: "proef",
      version: "1.0",
      title: "Proef",
      dimensions: [{ id: "groep", label: "Groep", ...groep }],
      items: [{ id: "open", text: "Iets?", type: "text" }],
    });

  it("needs no values, and refuses a list beside the spellings", () => {
    expect(instrument({ type: "groep" }).ok).toBe(true);
    const listed = instrument({ type: "groep", values: [{ code: "1", label: "Groep 1" }] });
    expect(listed.ok).toBe(false);
    if (!listed.ok) expect(listed.errors[0]?.message).toMatch(/type groep heeft geen waarden/);
  });

  it("labels and orders groepen, also for an old enum groep dimension", () => {
    const typed = { id: "groep", type: "groep" as const };
    const legacy = {
      id: "groep",
      type: "enum" as const,
      values: ["1", "2", "3", "8"].map((c) => ({ code: c, label: `Groep ${c}`, aliases: [] })),
    };
    expect(holdsGroepen(typed) && holdsGroepen(legacy)).toBe(true);
    expect(holdsGroepen({ id: "fase", type: "enum" })).toBe(false);
    expect(dimensionValueLabel(typed, "3/4B")).toBe("Groep 3/4B");
    expect(dimensionValueLabel(legacy, "1-2")).toBe("Groep 1/2");
    expect(["8", "1-2", "3", "2"].sort(dimensionValueOrder(legacy))).toEqual(["1-2", "2", "3", "8"]);
    // a school's own list of other codes is no list of groepen: declared order and labels stay
    const own = {
      id: "groep",
      type: "enum" as const,
      values: ["groep-2", "groep-10"].map((c) => ({ code: c, label: c.toUpperCase(), aliases: [] })),
    };
    expect(holdsGroepen(own)).toBe(false);
    expect(["groep-10", "groep-2"].sort(dimensionValueOrder(own))).toEqual(["groep-2", "groep-10"]);
    const fase = { id: "fase", type: "enum" as const, values: [{ code: "b", label: "B", aliases: [] }] };
    expect(["a", "b"].sort(dimensionValueOrder(fase))).toEqual(["b", "a"]);
  });
});
