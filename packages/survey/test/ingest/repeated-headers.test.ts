import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyMappingFile, formatMappingFile, openCsv, parseMappingFile, proposeMapping } from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { answersOf, fixtureDir, fixtureInstrument, ingestFixture } from "./read-fixture.js";

const file = "observatie-herhaalde-koppen.csv";
const header = readFileSync(join(fixtureDir, file), "utf8").split("\r\n")[0]?.split(",") ?? [];

function mapping(columns: unknown[]) {
  const instrument = fixtureInstrument("observatie_herhaald");
  const parsed = parseMappingFile(
    JSON.stringify({ instrument: "observatie_herhaald", columns }),
    "koppeling.json",
    instrument,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { instrument, applied: applyMappingFile(header, parsed.value, "koppeling.json") };
}

describe("headers that repeat (observation forms sharing an item's wording)", () => {
  it("are refused without a mapping, naming the columns by number and letter and the fix", async () => {
    const result = await ingestFixture(file, fixtureInstrument("observatie_herhaald"), {
      allowRepeatedHeaders: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ["duplicate-header", 1, "Noemt het doel van het gesprek."],
      ["duplicate-header", 1, "Opmerkingen"],
    ]);
    expect(result.errors[0]?.message).toContain("kolom 2 (B) en 4 (D)");
    expect(result.errors[0]?.hint).toContain('"column": 4');
    expect(result.errors[0]?.hint).toContain("zaz map");
  });

  it("import with a mapping that names those columns by number", async () => {
    const { instrument, applied } = mapping([
      { column: "Tijdstempel", target: "meta:submittedAt" },
      { column: 2, header: "Noemt het doel van het gesprek.", target: "item:km_doel" },
      { column: 3, header: "Opmerkingen", target: "item:km_opm" },
      { column: 4, target: "item:vg_doel" },
      { column: 5, target: "item:vg_opm" },
    ]);
    expect(applied.errors).toEqual([]);
    const result = await ingestFixture(file, instrument, {
      columns: applied.columns,
      allowRepeatedHeaders: true,
    });
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (!result.ok) return;
    const [r1, r2] = result.responses;
    expect(answersOf(r1, "km_doel")).toEqual([{ code: 1, text: null, missing: null }]);
    expect(answersOf(r1, "vg_doel")).toEqual([{ code: 0, text: null, missing: null }]);
    expect(answersOf(r2, "vg_opm")).toEqual([{ code: null, text: "Doel later genoemd", missing: null }]);
    expect(answersOf(r2, "km_opm")).toEqual([{ code: null, text: null, missing: "leeg" }]);
  });

  it("refuse a mapping that names a repeated header by its text, or whose header differs at a number", () => {
    const byText = mapping([
      { column: "Noemt het doel van het gesprek.", target: "item:km_doel" },
      { column: 5, header: "Opmerkingen", target: "item:vg_opm" },
    ]);
    expect(byText.applied.errors.map((e) => e.code)).toEqual(["mapping-ambiguous-header"]);
    expect(byText.applied.errors[0]?.message).toContain("kolom 2 (B), 4 (D)");
    const moved = mapping([
      { column: 3, header: "Noemt het doel van het gesprek.", target: "item:km_doel" },
      { column: 9, target: "item:vg_doel" },
    ]);
    expect(moved.applied.errors.map((e) => [e.code, e.value])).toEqual([
      ["mapping-header-differs", "Opmerkingen"],
      ["mapping-column-outside", "9"],
    ]);
  });

  it("are written by number in a proposed mapping file, which then imports", async () => {
    const instrument = fixtureInstrument("observatie_herhaald");
    const opened = await openCsv(readFileSync(join(fixtureDir, file)), { file, allowRepeatedHeaders: true });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    const proposed = JSON.parse(
      formatMappingFile(instrument, proposeMapping(opened.value.header, instrument, opened.value.roles)),
    ) as {
      columns: {
        column: string | number;
        header?: string;
        target: string;
        confidence: number;
        note?: string;
      }[];
    };
    // Matched by order of the columns and the items: marked for review.
    expect(proposed.columns[3]?.confidence).toBeLessThan(1);
    expect(proposed.columns[3]?.note).toContain("CONTROLEER");
    expect(proposed.columns.map((c) => [c.column, c.header, c.target])).toEqual([
      ["Tijdstempel", undefined, "meta:submittedAt"],
      [2, "Noemt het doel van het gesprek.", "item:km_doel"],
      [3, "Opmerkingen", "item:km_opm"],
      [4, "Noemt het doel van het gesprek.", "item:vg_doel"],
      [5, "Opmerkingen", "item:vg_opm"],
    ]);
    const { applied } = mapping(proposed.columns);
    expect(applied.errors).toEqual([]);
    const result = await ingestFixture(file, instrument, {
      columns: applied.columns,
      allowRepeatedHeaders: true,
    });
    expect(result.ok).toBe(true);
  });

  it("are still refused by the reader unless the caller checks them against a mapping", async () => {
    const opened = await openCsv(readFileSync(join(fixtureDir, file)), { file });
    expect(opened.ok).toBe(false);
  });
});
