import { join } from "node:path";
import type { SurveyResponse } from "@zaz/model";
import { describe, expect, it } from "vitest";
import { defaultInstrumentDir, loadInstrumentFile, studentDevelopment } from "../../src/index.js";
import {
  observationInstrument,
  parentInstrument,
  response,
  rng,
  scaleAnswer,
  textAnswer,
} from "./fixtures.js";
import {
  aggregateConstructs,
  compareToParent,
  compareWaves,
  constructReliability,
  jaShares,
  summariseItems,
} from "./via-responses.js";

const klimaat = (groep: string, wave: string, values: number[]) =>
  values.map((v) =>
    response({ bestuur: "ASKO", school: "A", groep, wave }, [scaleAnswer("uk1", v), scaleAnswer("uk2", v)]),
  );

function shown<T>(cell: { status: string } | undefined): T & { n: number } {
  if (cell?.status !== "shown") throw new Error(`expected a shown cell, got ${JSON.stringify(cell)}`);
  return cell as unknown as T & { n: number };
}

describe("constructReliability", () => {
  it("computes alpha by hand: 2 · (1 − (2.5 + 1.7) / 7.7) = 10/11", () => {
    const uk1 = [1, 2, 3, 4, 5];
    const uk2 = [2, 2, 3, 5, 4];
    const rs = uk1.map((v, i) =>
      response({ school: "A", wave: "2026" }, [scaleAnswer("uk1", v), scaleAnswer("uk2", uk2[i]!)]),
    );
    // one respondent with a missing item is left out (listwise)
    rs.push(
      response({ school: "A", wave: "2026" }, [scaleAnswer("uk1", 3), scaleAnswer("uk2", "weet_niet")]),
    );
    const report = constructReliability(parentInstrument, rs, {
      scope: { school: "A" },
      constructs: ["klimaat"],
    });
    if (!report.ok) throw new Error("failed");
    const cell = shown<{ value: { alpha: number; excluded: number; ci: { low: number; high: number } } }>(
      report.value.constructs[0]?.reliability,
    );
    expect(cell.n).toBe(5);
    expect(cell.value.alpha).toBeCloseTo(10 / 11, 12);
    expect(cell.value.excluded).toBe(1);
    expect(cell.value.ci.low).toBeLessThan(10 / 11);
    expect(cell.value.ci.high).toBeGreaterThan(10 / 11);
  });

  it("flags an item whose item–rest correlation is negative (a missed reverse-coding)", () => {
    const hc1 = [2, 2, 3, 3, 4, 4, 3];
    const hc2 = [1, 2, 3, 3, 5, 5, 3];
    // hc3 is declared reverse-coded but answered like hc1, so after flipping it runs against the others
    const hc3 = [2, 2, 3, 4, 4, 4, 3];
    const rs = hc1.map((v, i) =>
      response({ school: "A" }, [
        scaleAnswer("hc1", v),
        scaleAnswer("hc2", hc2[i]!),
        scaleAnswer("hc3", hc3[i]!),
      ]),
    );
    const report = constructReliability(parentInstrument, rs, { constructs: ["communicatie"] });
    if (!report.ok) throw new Error("failed");
    const cell = shown<{ value: { flagged: string[]; items: { id: string; negative: boolean }[] } }>(
      report.value.constructs[0]?.reliability,
    );
    expect(cell.value.flagged).toEqual(["hc3"]);
  });

  it("hides reliability over fewer than k complete respondents", () => {
    const rs = klimaat("3", "2026", [1, 2, 3, 4]);
    const report = constructReliability(parentInstrument, rs, { constructs: ["klimaat"] });
    expect(report.ok && report.value.constructs[0]?.reliability.status).toBe("suppressed");
  });
});

describe("design effect of parents within a groep", () => {
  it("widens the interval of the school's total by √deff, and leaves each groep's own interval alone", () => {
    // Three groepen that differ a lot, alike within: the school mean rests on far fewer than 30 parents.
    const rs = [
      ...klimaat("3", "2026", [1, 1, 2, 1, 2, 1, 1, 2, 1, 2]),
      ...klimaat("5", "2026", [3, 3, 4, 3, 3, 4, 3, 4, 3, 3]),
      ...klimaat("7", "2026", [5, 5, 4, 5, 5, 4, 5, 5, 5, 4]),
    ];
    const options = { scope: { school: "A", wave: "2026" }, by: ["groep"], constructs: ["klimaat"] };
    const plain = aggregateConstructs(parentInstrument, rs, options);
    const clustered = aggregateConstructs(parentInstrument, rs, { ...options, clusters: ["groep"] });
    if (!plain.ok || !clustered.ok) throw new Error("failed");
    const total = shown<{
      value: { ci: { low: number; high: number }; designEffect: { deff: number; icc: number } };
    }>(clustered.value.total.constructs.klimaat);
    const naive = shown<{ value: { ci: { low: number; high: number }; designEffect: null } }>(
      plain.value.total.constructs.klimaat,
    );
    // ICC(1) by hand: groep means 1.4, 3.3, 4.7 (n = 10 each), grand mean 3.13333;
    // MSB = 10 · Σ(mean − 3.13333)² / 2 = 10 · (3.00444 + 0.02778 + 2.45444) / 2 = 27.43333,
    // MSW = (2.4 + 2.1 + 2.1) / 27 = 0.24444 (within sums of squares per groep), n0 = 10;
    // ICC = (27.43333 − 0.24444) / (27.43333 + 9 · 0.24444) = 0.917510;
    // m = Σ nⱼ² / N = 300 / 30 = 10, deff = 1 + 9 · ICC = 9.25759
    expect(total.value.designEffect.icc).toBeCloseTo(0.91751, 5);
    expect(total.value.designEffect.deff).toBeCloseTo(9.25759, 4);
    expect(naive.value.designEffect).toBeNull();
    const width = (ci: { low: number; high: number }) => ci.high - ci.low;
    // t quantiles differ with the effective n, so compare with the half-width formula directly
    expect(width(total.value.ci)).toBeGreaterThan(2.9 * width(naive.value.ci));
    const g3 = clustered.value.groups.find((g) => g.key[0]?.code === "3")!;
    expect(shown<{ value: { designEffect: unknown } }>(g3.constructs.klimaat).value.designEffect).toBeNull();
  });
});

describe("compareToParent", () => {
  it("gives the difference from the school mean and Hedges' g against the rest of the school", () => {
    const rs = [...klimaat("3", "2026", [4, 4, 5, 5, 5]), ...klimaat("5", "2026", [2, 3, 3, 2, 3])];
    const result = compareToParent(parentInstrument, rs, {
      scope: { school: "A" },
      by: ["groep"],
      constructs: ["klimaat"],
    });
    if (!result.ok) throw new Error("failed");
    const g3 = result.value.groups.find((g) => g.key[0]?.code === "3");
    const cell = shown<{
      value: { mean: number; parentMean: number; difference: number; hedgesG: { g: number } };
    }>(g3?.constructs.klimaat);
    // group 4.6, school 3.6: +1.0
    expect(cell.value.difference).toBeCloseTo(1, 12);
    // both SDs √0.3: d = 2 / √0.3 = 3.6515; J = 1 − 3 / (4 · 10 − 9) = 28/31; g = 3.2981
    expect(cell.value.hedgesG.g).toBeCloseTo((2 / Math.sqrt(0.3)) * (28 / 31), 10);
  });
});

describe("compareWaves", () => {
  const rs = [...klimaat("3", "2025", [2, 3, 3, 2, 3]), ...klimaat("3", "2026", [4, 4, 5, 5, 5])];

  it("gives the change with a Welch interval", () => {
    const result = compareWaves(parentInstrument, rs, {
      scope: { school: "A" },
      current: "2026",
      previous: "2025",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const cell = shown<{ value: { change: number; ci: { low: number; high: number } } }>(
      result.value.total.constructs.klimaat,
    );
    // 4.6 − 2.6 = 2; SE = √(0.3/5 + 0.3/5) = √0.12; df = 8; t(0.975, 8) = 2.306004
    expect(cell.value.change).toBeCloseTo(2, 12);
    expect(cell.value.ci.low).toBeCloseTo(2 - 2.306004 * Math.sqrt(0.12), 5);
    // hc1..hc3 were not answered in either wave: not comparable
    expect(result.value.notComparable).toEqual(expect.arrayContaining(["hc1", "hc2", "hc3"]));
    expect(result.value.items.map((i) => i.id)).toEqual(["uk1", "uk2"]);
  });

  it("compares only items that are the same in both waves", () => {
    const previousInstrument = {
      ...parentInstrument,
      items: parentInstrument.items.map((i) => (i.id === "uk2" ? { ...i, reverse: true } : i)),
    };
    const result = compareWaves(parentInstrument, rs, {
      current: "2026",
      previous: "2025",
      previousInstrument,
    });
    if (!result.ok) throw new Error("failed");
    expect(result.value.items.map((i) => i.id)).toEqual(["uk1"]);
    expect(result.value.constructs).toEqual([]);
  });

  it("shows a change only where both waves are shown", () => {
    const thin = [...klimaat("3", "2025", [2, 3, 3]), ...klimaat("3", "2026", [4, 4, 5, 5, 5])];
    const result = compareWaves(parentInstrument, thin, { current: "2026", previous: "2025" });
    if (!result.ok) throw new Error("failed");
    expect(result.value.total.constructs.klimaat).toMatchObject({ status: "suppressed", reason: "below-k" });
  });

  it("reports a wave that does not occur", () => {
    const result = compareWaves(parentInstrument, rs, { current: "2027", previous: "2025" });
    expect(result.ok).toBe(false);
  });
});

describe("jaShares", () => {
  it("gives the share of JA with a Wilson interval (R: prop.test(7, 10, correct = FALSE))", () => {
    const codes: (0 | 1 | "nvt")[] = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, "nvt"];
    const rs = codes.map((c, i) =>
      response({ student: `s${i}`, fase: "hoofdfase", gesprekssoort: "voortgang" }, [scaleAnswer("g1", c)]),
    );
    const table = jaShares(observationInstrument, rs, { items: ["g1"] });
    if (!table.ok) throw new Error("failed");
    const cell = shown<{
      value: { ja: number; nee: number; share: number; missing: number; ci: { low: number; high: number } };
    }>(table.value.total.items.g1);
    expect(cell.value).toMatchObject({ ja: 7, nee: 3, missing: 1 });
    expect(cell.value.share).toBeCloseTo(0.7, 12);
    expect(cell.value.ci.low).toBeCloseTo(0.3967781, 6);
    expect(cell.value.ci.high).toBeCloseTo(0.8922087, 6);
  });

  it("hides a group with enough observations but fewer than k students", () => {
    const rs = Array.from({ length: 8 }, (_, i) =>
      response({ student: `s${i % 3}`, fase: "hoofdfase", gesprekssoort: "voortgang" }, [
        scaleAnswer("g1", 1),
      ]),
    );
    const table = jaShares(observationInstrument, rs, { items: ["g1"] });
    expect(table.ok && table.value.total.items.g1).toMatchObject({
      status: "suppressed",
      reason: "student-feedback",
      label: "minder dan 5 studenten",
    });
  });
});

describe("studentDevelopment", () => {
  const obs = (student: string, datum: string, gesprekssoort: string) =>
    response({ student, fase: "hoofdfase", gesprekssoort, datum }, [
      scaleAnswer("g1", 1),
      scaleAnswer("g2", 0),
      scaleAnswer("g3", 1),
      scaleAnswer("k1", gesprekssoort === "kennismaking" ? 1 : "nvt"),
      textAnswer("k1_opm", `${student} op ${datum}`),
    ]);
  const rs = [
    obs("st1", "2026-03-01", "voortgang"),
    obs("st2", "2026-01-10", "kennismaking"),
    obs("st1", "2026-01-15", "kennismaking"),
  ];

  it("returns only that student's own responses, in date order", () => {
    const dev = studentDevelopment(observationInstrument, rs, "st1");
    if (!dev.ok) throw new Error("failed");
    expect(dev.value.entries.map((e) => e.date)).toEqual(["2026-01-15", "2026-03-01"]);
    expect(JSON.stringify(dev.value)).not.toContain("st2");
    const [first, second] = dev.value.entries;
    // algemeen = (1 + 0 + 1) / 3; the kennismaking items count only in the kennismakingsgesprek
    expect(first?.scores.algemeen).toBeCloseTo(2 / 3, 12);
    expect(first?.scores.kennismaking).toBe(1);
    expect(second?.scores.kennismaking).toBeUndefined();
    expect(first?.answers.find((a) => a.item === "k1_opm")?.values).toEqual(["st1 op 2026-01-15"]);
    expect(first?.context.map((l) => l.label)).toEqual(["Hoofdfase", "Kennismakingsgesprek"]);
  });

  it("exists only for feedback on student teachers", () => {
    expect(studentDevelopment(parentInstrument, rs, "st1").ok).toBe(false);
    const none = studentDevelopment(observationInstrument, rs, "");
    expect(none.ok && none.value.entries).toEqual([]);
  });
});

describe("the default instruments", () => {
  it("analyse generated ouderpopulatie responses end to end", async () => {
    const loaded = await loadInstrumentFile(join(defaultInstrumentDir(), "ouderpopulatie.json"));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const { instrument } = loaded.value;
    const random = rng(42);
    const rs: SurveyResponse[] = Array.from({ length: 120 }, (_, i) =>
      response(
        {
          bestuur: "ASKO",
          school: i % 2 === 0 ? "De Linde" : "Het Anker",
          groep: String(1 + (Math.floor(i / 2) % 8)),
          wave: "2026",
        },
        instrument.items.flatMap((item) => {
          const scale = instrument.scales.find((s) => s.id === item.scale);
          if (scale === undefined) return [];
          return [scaleAnswer(item.id, scale.labels[Math.floor(random() * scale.labels.length)]!.code)];
        }),
      ),
    );
    const table = aggregateConstructs(instrument, rs, {
      scope: { school: "De Linde", wave: "2026" },
      by: ["groep"],
      roster: ["1", "2", "3", "4", "5", "6", "7", "8"].map((groep) => ({
        school: "De Linde",
        groep,
        wave: "2026",
        families: 25,
      })),
    });
    if (!table.ok) throw new Error(JSON.stringify(table.errors));
    expect(table.value.constructs.map((c) => c.framework)).toContain("partnerschap");
    expect(table.value.constructs.find((c) => c.id === "formeel")?.rapportcijferFormula).toBe(
      "rapportcijfer = 3 × gemiddelde − 2",
    );
    // 60 responses of De Linde in 8 groepen of 7 or 8: all shown
    expect(table.value.groups.every((g) => g.responses.status === "shown")).toBe(true);
    // R: prop.test(60, 200, correct = FALSE)$conf.int = 0.2407474468 0.3667906837
    expect(table.value.total.responseRate).toMatchObject({
      status: "shown",
      n: 60,
      value: {
        families: 200,
        rate: 0.3,
        ci: { low: expect.closeTo(0.2407474468, 9), high: expect.closeTo(0.3667906837, 9) },
      },
    });
    const items = summariseItems(instrument, rs, { by: ["school"] });
    expect(items.ok).toBe(true);
    const reliability = constructReliability(instrument, rs);
    if (!reliability.ok) throw new Error(JSON.stringify(reliability.errors));
    expect(reliability.value.constructs.map((c) => c.reliability.status)).toEqual(
      instrument.constructs.map(() => "shown"),
    );
  });
});
