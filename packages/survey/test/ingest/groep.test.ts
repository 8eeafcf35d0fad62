import { type Dimension, groepMessages, type Instrument } from "@zaz/model";
import {
  convertRow,
  dimensionExpected,
  dimensionLookup,
  ProblemCollector,
  planIngest,
  proposeMapping,
  readRoster,
} from "@zaz/survey";
import { describe, expect, it } from "vitest";
import { emptyGroup, type GroupedData } from "../../src/analysis/group-data.js";
import { arrangeGroups, planGroups } from "../../src/analysis/group-plan.js";
import { testInstrument } from "./fixtures.js";

/** The test instrument with its groep dimension as the default instruments declare it now. */
function withGroepType(instrument: Instrument): Instrument {
  return {
    ...instrument,
    dimensions: instrument.dimensions.map((d): Dimension => {
      if (d.id !== "groep") return d;
      const { values: _values, ...rest } = d;
      return { ...rest, type: "groep" };
    }),
  };
}

const groepDimension = (instrument: Instrument) => instrument.dimensions.find((d) => d.id === "groep")!;

describe("a groep dimension in ingest", () => {
  const lookup = dimensionLookup(groepDimension(withGroepType(testInstrument())));

  it("stores every spelling of a combination as one canonical code, and the old codes as they were", () => {
    for (const [written, code] of [
      ["Groep 1/2", "1/2"],
      ["groep 1-2", "1/2"],
      ["gr. 1/2", "1/2"],
      ["1-2", "1/2"],
      ["groep 1 en 2", "1/2"],
      ["Groep 3/4B", "3/4B"],
      ["combinatiegroep 5/6", "5/6"],
      ["5A", "5A"],
      ["Groep 5", "5"],
      ["8", "8"],
    ])
      expect(lookup(written!)).toEqual({ value: code });
    expect(lookup("  ")).toEqual({ error: "empty" });
  });

  it("refuses a value that is no groep with a hint, never 'bedoelde u Groep 1'", () => {
    expect(lookup("groep 9")).toEqual({ error: "unknown", hint: groepMessages.hint("year-out-of-range") });
    expect(lookup("1/3")).toEqual({ error: "unknown", hint: groepMessages.hint("not-adjacent") });
    expect(lookup("kleuters")).toEqual({ error: "unknown", hint: groepMessages.hint("not-a-groep") });
  });

  it("an instrument from before the groep type explains how to accept a combination", () => {
    const old = dimensionLookup(groepDimension(testInstrument()));
    expect(old("Groep 1")).toEqual({ value: "1" });
    expect(old("Groep 1/2")).toEqual({ error: "unknown", hint: groepMessages.enumCombination("Groep") });
  });

  it("names row, column, value, what a groep looks like and a hint when a row holds no groep", () => {
    const instrument = withGroepType(testInstrument());
    const header = ["Tijdstempel", "Groep", "Ik voel me welkom op school."];
    const columns = proposeMapping(header, instrument, ["timestamp", undefined, undefined]);
    const planned = planIngest({
      file: "export.csv",
      instrument,
      columns,
      context: { school: "De Linde", wave: "2026-voorjaar" },
      pseudonymKey: new Uint8Array(32),
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const problems = new ProblemCollector();
    const ok = convertRow(
      planned.value,
      { row: 2, fields: ["1-3-2026 9:00", "Groep 3/4B", "Mee eens"] },
      problems,
    );
    expect(ok?.context.groep).toBe("3/4B");
    const refused = convertRow(
      planned.value,
      { row: 3, fields: ["1-3-2026 9:00", "Kleuters", "Mee eens"] },
      problems,
    );
    expect(refused).toBeUndefined();
    expect(problems.errors).toEqual([
      expect.objectContaining({
        code: "dimension-unknown",
        file: "export.csv",
        row: 3,
        column: "Groep",
        value: "Kleuters",
        expected: groepMessages.expected,
        hint: groepMessages.hint("not-a-groep"),
      }),
    ]);
    expect(dimensionExpected(groepDimension(instrument))).toBe(groepMessages.expected);
  });
});

async function* rows(lines: readonly string[][]) {
  for (const [i, fields] of lines.entries()) yield { row: i + 2, fields };
}

describe("a roster with combination groepen", () => {
  const groep = groepDimension(withGroepType(testInstrument()));

  it("reads the groepen as the responses store them", async () => {
    const read = await readRoster(
      ["Groep", "Gezinnen"],
      rows([
        ["Groep 1/2A", "24"],
        ["groep 3", "18"],
        ["3-4 B", "20"],
        ["combinatiegroep 5/6", "26"],
      ]),
      { file: "rooster.csv", school: "de-linde", wave: "2026-voorjaar", groep },
    );
    expect(read.ok && read.value.map((r) => [r.groep, r.families])).toEqual([
      ["1/2A", 24],
      ["3", 18],
      ["3/4B", 20],
      ["5/6", 26],
    ]);
  });

  it("refuses a row that holds no groep, naming row and column, and one that repeats a groep", async () => {
    const read = await readRoster(
      ["Groep", "Gezinnen"],
      rows([
        ["1/2", "24"],
        ["Groep 1-2", "3"],
        ["groep 2/4", "18"],
      ]),
      { file: "rooster.csv", school: "de-linde", wave: "2026-voorjaar", groep },
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual([
      expect.objectContaining({ code: "roster-duplicate", row: 3 }),
      expect.objectContaining({
        code: "roster-groep",
        row: 4,
        column: "Groep",
        value: "groep 2/4",
        expected: groepMessages.expected,
        hint: groepMessages.hint("not-adjacent"),
      }),
    ]);
    expect(JSON.stringify(read.errors)).not.toContain("bedoelde u");
  });
});

describe("groepen in a table", () => {
  it("are listed in school order, with the roster's groepen that nobody answered in", () => {
    const instrument = withGroepType(testInstrument());
    const plan = planGroups(instrument, {
      scope: { school: "de-linde", wave: "2026-voorjaar" },
      by: ["groep"],
      include: { groep: ["7/8", "3"] },
    });
    if (!plan.ok) throw new Error("plan");
    const group = (groep: string) => ({ ...emptyGroup({ groep }, false), responses: 6 });
    const data: GroupedData = {
      total: undefined,
      groups: ["8", "3/4B", "", "1/2", "5A", "5/6"].map(group),
    };
    const arranged = arrangeGroups(plan.value, data);
    expect(arranged.map((g) => g.key[0]?.code)).toEqual(["1/2", "3", "3/4B", "5A", "5/6", "7/8", "8", ""]);
    expect(arranged.map((g) => g.key[0]?.label)).toEqual([
      "Groep 1/2",
      "Groep 3",
      "Groep 3/4B",
      "Groep 5A",
      "Groep 5/6",
      "Groep 7/8",
      "Groep 8",
      "onbekend",
    ]);
    expect(arranged.map((g) => g.data.responses)).toEqual([6, 0, 6, 6, 6, 0, 6, 6]);
  });
});
