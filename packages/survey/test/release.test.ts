import { describe, expect, it } from "vitest";
import { chooseRelease, defaultPrivacy, type ReleaseAtom } from "../src/index.js";
import { Span } from "../src/release/span-mod-p.js";

const atom = (values: Record<string, string>, responses: number, item = responses): ReleaseAtom => ({
  values,
  responses,
  columns: { "i:v1": item },
  students: null,
});

describe("the release", () => {
  // board B: school A (3 respondents: small), school C (20) and school D (30), one wave
  const atoms = [
    atom({ bestuur: "B", school: "A", wave: "w" }, 3),
    atom({ bestuur: "B", school: "C", wave: "w" }, 20),
    atom({ bestuur: "B", school: "D", wave: "w" }, 30),
  ];
  const patterns = [
    ["bestuur", "wave"],
    ["school", "wave"],
  ];

  it("hides a small school, and one more cell so it cannot be subtracted from the board", () => {
    const release = chooseRelease({ atoms, patterns, columns: ["i:v1"], privacy: defaultPrivacy });
    const mark = (school: string) => release.markOf({ school, wave: "w" });
    expect(mark("A")?.all).toBe(true);
    const hidden = ["C", "D"].filter((s) => mark(s)?.all === true).length;
    const board = release.markOf({ bestuur: "B", wave: "w" })?.all === true;
    // the board total minus the shown schools must not give school A
    expect(hidden + (board ? 1 : 0)).toBeGreaterThanOrEqual(1);
    // the cheapest complement: school C (20), not the board (53) or school D (30)
    expect(mark("C")?.all).toBe(true);
    expect(mark("D")?.all).toBe(false);
  });

  it("gives a school the same mark whichever view it appears in", () => {
    const release = chooseRelease({ atoms, patterns, columns: ["i:v1"], privacy: defaultPrivacy });
    // the scholen view selects it by board and school, the klassen view by school only
    expect(release.markOf({ bestuur: "B", school: "C", wave: "w" })).toBe(
      release.markOf({ school: "C", wave: "w" }),
    );
  });

  it("hides a column where few answered although the group is large", () => {
    const withItem = [
      atom({ bestuur: "B", school: "A", wave: "w" }, 12, 2),
      atom({ bestuur: "B", school: "C", wave: "w" }, 20, 19),
      atom({ bestuur: "B", school: "D", wave: "w" }, 30, 30),
    ];
    const release = chooseRelease({ atoms: withItem, patterns, columns: ["i:v1"], privacy: defaultPrivacy });
    const a = release.markOf({ school: "A", wave: "w" });
    expect(a?.all).toBe(false);
    expect(a?.columns.has("i:v1")).toBe(true);
    expect(release.markOf({ school: "C", wave: "w" })?.columns.has("i:v1")).toBe(true);
  });

  it("hides nothing where every group is large", () => {
    const big = atoms.map((a) => ({
      ...a,
      responses: a.responses + 10,
      columns: { "i:v1": a.responses + 10 },
    }));
    const release = chooseRelease({ atoms: big, patterns, columns: ["i:v1"], privacy: defaultPrivacy });
    expect(release.cells.every((c) => !c.mark.all && c.mark.columns.size === 0)).toBe(true);
  });

  it("knows no cell a view was not declared to show (the caller hides it)", () => {
    const release = chooseRelease({ atoms, patterns, columns: [], privacy: defaultPrivacy });
    expect(release.markOf({ groep: "3" })).toBeNull();
    expect(release.markOf({ school: ["A", "C"], wave: "w" })).toBeNull();
  });

  it("protects a small set of respondents that only differences reveal", () => {
    // filters: all (13), cohort 2024 (10): cohort 2023 (3) is small and must not be recoverable
    const cohorts = [atom({ o: "x", cohort: "2023" }, 3), atom({ o: "x", cohort: "2024" }, 10)];
    const release = chooseRelease({
      atoms: cohorts,
      patterns: [["o"], ["o", "cohort"]],
      columns: [],
      privacy: defaultPrivacy,
    });
    const all = release.markOf({ o: "x" })?.all;
    const c2024 = release.markOf({ o: "x", cohort: "2024" })?.all;
    expect(release.markOf({ o: "x", cohort: "2023" })?.all).toBe(true);
    expect(all === true || c2024 === true).toBe(true);
  });
});

describe("span modulo a prime", () => {
  const v = (...positions: number[]) => new Map(positions.map((p) => [p, 1]));
  it("knows which vectors it spans and which added vectors make them", () => {
    const span = new Span();
    span.add(0, v(0, 1));
    span.add(1, v(1, 2));
    span.add(2, v(2, 3));
    expect(span.represent(v(0, 1, 2, 3))?.sort()).toEqual([0, 2]);
    expect(span.represent(v(0))).toBeNull();
    expect(span.add(3, v(0, 1, 2, 3))).toBe(false);
    expect(span.rank).toBe(3);
  });
});
