import { describe, expect, it } from "vitest";
import { privacySettings, scoreResponses } from "../../src/index.js";
import { observationInstrument, parentInstrument, response, scaleAnswer } from "./fixtures.js";
import { aggregateConstructs, summariseItems } from "./via-responses.js";

const ctx = { bestuur: "ASKO", school: "A", groep: "3", wave: "2026" };

describe("scoreResponses", () => {
  it("flips reverse-coded items and leaves out every kind of missing value", () => {
    const [r] = scoreResponses(parentInstrument, [
      // hc3 is reverse-coded on 1..5: 1 + 5 − 2 = 4; hc2 "weet niet" is left out.
      // communicatie = (hc1 4 + hc3 4) / 2 = 4, on 2 valid items (minValid 2)
      response(ctx, [
        scaleAnswer("hc1", 4),
        scaleAnswer("hc2", "weet_niet"),
        scaleAnswer("hc3", 2),
        scaleAnswer("uk1", 5),
        scaleAnswer("uk2", 2),
      ]),
    ]);
    expect(r?.scores.communicatie).toBe(4);
    expect(r?.validItems.communicatie).toBe(2);
    // klimaat = (5 + 2) / 2 = 3.5
    expect(r?.scores.klimaat).toBe(3.5);
  });

  it("gives no score below the construct's minimum of valid items", () => {
    const [r] = scoreResponses(parentInstrument, [
      // only hc1 is valid: 1 < minValid 2 → no score; klimaat has no answers at all
      response(ctx, [scaleAnswer("hc1", 5), scaleAnswer("hc2", "nvt"), scaleAnswer("hc3", "leeg")]),
    ]);
    expect(r?.scores.communicatie).toBeNull();
    expect(r?.validItems.communicatie).toBe(1);
    expect(r?.scores.klimaat).toBeNull();
  });

  it("averages all valid items: (1 + 2 + (6 − 5)) / 3 = 4/3", () => {
    const [r] = scoreResponses(parentInstrument, [
      response(ctx, [scaleAnswer("hc1", 1), scaleAnswer("hc2", 2), scaleAnswer("hc3", 5)]),
    ]);
    expect(r?.scores.communicatie).toBeCloseTo(4 / 3, 12);
  });

  it("ignores codes that are not on the item's scale", () => {
    const [r] = scoreResponses(parentInstrument, [
      response(ctx, [scaleAnswer("hc1", 9), scaleAnswer("hc2", 2), scaleAnswer("hc3", 4)]),
    ]);
    // hc1 = 9 is not a label: (2 + (6 − 4)) / 2 = 2
    expect(r?.scores.communicatie).toBe(2);
  });

  it("counts items of a section only where the section applies", () => {
    const obs = (gesprekssoort: string) =>
      response({ student: "s1", fase: "hoofdfase", gesprekssoort }, [
        scaleAnswer("g1", 1),
        scaleAnswer("g2", 0),
        scaleAnswer("g3", 1),
        scaleAnswer("k1", 1),
      ]);
    const [km, vg] = scoreResponses(observationInstrument, [obs("kennismaking"), obs("voortgang")]);
    // algemeen = (1 + 0 + 1) / 3; kennismaking = 1 for a kennismakingsgesprek, none for a voortgangsgesprek
    expect(km?.scores.algemeen).toBeCloseTo(2 / 3, 12);
    expect(km?.scores.kennismaking).toBe(1);
    expect(vg?.scores.kennismaking).toBeNull();
    // respondent-level rows never carry the student's pseudonym
    expect(km?.context).toEqual({ fase: "hoofdfase", gesprekssoort: "kennismaking" });
  });
});

describe("summariseItems", () => {
  it("gives n, the distribution over every label and missing kind, mean, median, SD and top-2-box", () => {
    const answers = [1, 2, 4, 5, 5].map((c) => response(ctx, [scaleAnswer("hc1", c)]));
    answers.push(response(ctx, [scaleAnswer("hc1", "weet_niet")]));
    const table = summariseItems(parentInstrument, answers, { scope: { school: "A" }, items: ["hc1"] });
    if (!table.ok) throw new Error(JSON.stringify(table.errors));
    const cell = table.value.total.items.hc1;
    if (cell?.status !== "shown") throw new Error(`not shown: ${JSON.stringify(cell)}`);
    // n = 5 valid answers; mean = 17/5 = 3.4; median = 4
    expect(cell.n).toBe(5);
    expect(cell.value.mean).toBeCloseTo(3.4, 12);
    expect(cell.value.median).toBe(4);
    // squared deviations 5.76 + 1.96 + 0.36 + 2.56 + 2.56 = 13.2; SD = √(13.2 / 4) = √3.3
    expect(cell.value.sd).toBeCloseTo(Math.sqrt(3.3), 12);
    // agree = codes 4 and 5: 3 of 5
    expect(cell.value.agreeShare).toBeCloseTo(0.6, 12);
    const counts = Object.fromEntries(cell.value.distribution.map((e) => [e.missing ?? e.code, e.count]));
    expect(counts).toEqual({ 1: 1, 2: 1, 3: 0, 4: 1, 5: 2, weet_niet: 1, nvt: 0, leeg: 0 });
    const weetNiet = cell.value.distribution.find((e) => e.missing === "weet_niet");
    expect(weetNiet?.label).toBe("Weet ik niet");
    expect(weetNiet?.share).toBeCloseTo(1 / 6, 12);
  });

  it("counts multiple-choice shares per respondent", () => {
    const rs = [[1, 2], [1], [1, 3], [2], [1]].map((codes) =>
      response(
        ctx,
        codes.map((c) => scaleAnswer("kanaal", c)),
      ),
    );
    const table = summariseItems(parentInstrument, rs, { items: ["kanaal"] });
    if (!table.ok) throw new Error("failed");
    const cell = table.value.total.items.kanaal;
    if (cell?.status !== "shown") throw new Error("not shown");
    // 4 of 5 respondents chose "Gesprek"; unordered, so no mean
    expect(cell.value.distribution.find((e) => e.code === 1)?.validShare).toBeCloseTo(0.8, 12);
    expect(cell.value.mean).toBeNull();
  });
});

describe("aggregateConstructs", () => {
  it("gives mean, median, SD, t-interval, rapportcijfer with its formula, and the response rate", () => {
    // communicatie scores 2, 3, 3, 4, 5 (hc1 = hc2, hc3 reverse of the same value)
    const rs = [2, 3, 3, 4, 5].map((v) =>
      response(ctx, [scaleAnswer("hc1", v), scaleAnswer("hc2", v), scaleAnswer("hc3", 6 - v)]),
    );
    const privacy = privacySettings();
    if (!privacy.ok) throw new Error("privacy");
    const table = aggregateConstructs(parentInstrument, rs, {
      scope: { school: "A", wave: "2026" },
      by: ["groep"],
      roster: [{ school: "A", groep: "3", wave: "2026", families: 20 }],
      privacy: privacy.value,
    });
    if (!table.ok) throw new Error(JSON.stringify(table.errors));
    const g3 = table.value.groups.find((g) => g.key[0]?.code === "3");
    const cell = g3?.constructs.communicatie;
    if (cell?.status !== "shown") throw new Error(`not shown: ${JSON.stringify(cell)}`);
    expect(cell.n).toBe(5);
    // mean 17/5 = 3.4, SD √3.3/… : deviations −1.4, −0.4, −0.4, 0.6, 1.6 → squares 1.96+0.16+0.16+0.36+2.56 = 5.2; SD = √1.3
    expect(cell.value.mean).toBeCloseTo(3.4, 12);
    expect(cell.value.median).toBe(3);
    expect(cell.value.sd).toBeCloseTo(Math.sqrt(1.3), 12);
    // t(0.975, 4) = 2.776445; half width = 2.776445 · √1.3 / √5 = 1.41571
    expect(cell.value.ci?.low).toBeCloseTo(3.4 - 1.41571, 4);
    expect(cell.value.ci?.high).toBeCloseTo(3.4 + 1.41571, 4);
    // rapportcijfer = 1 + 9 · (3.4 − 1) / 4 = 6.4
    expect(cell.value.rapportcijfer).toBeCloseTo(6.4, 12);
    expect(table.value.constructs[0]?.rapportcijferFormula).toBe("rapportcijfer = (9 × gemiddelde − 5) / 4");
    expect(table.value.constructs[0]?.framework).toBe("bakker");
    // 5 responses of 20 families; Wilson interval as R's prop.test(5, 20, correct = FALSE)
    expect(g3?.responseRate).toMatchObject({ status: "shown", n: 5, value: { families: 20, rate: 0.25 } });
    const rate = g3?.responseRate.status === "shown" ? g3.responseRate.value.ci : null;
    expect(rate?.low).toBeCloseTo(0.1118617014, 9);
    expect(rate?.high).toBeCloseTo(0.4687008776, 9);
    // groep 4 has no responses: "geen gegevens", not "minder dan 5"
    const g4 = table.value.groups.find((g) => g.key[0]?.code === "4");
    expect(g4?.responses).toEqual({ status: "empty", label: "geen gegevens" });
  });

  it("refuses to group or filter by student", () => {
    const byStudent = aggregateConstructs(observationInstrument, [], { by: ["student"] });
    expect(byStudent.ok).toBe(false);
    if (!byStudent.ok) expect(byStudent.errors[0]?.code).toBe("analysis-person-dimension");
    const scoped = aggregateConstructs(observationInstrument, [], { scope: { student: "st1" } });
    expect(scoped.ok).toBe(false);
    const unknown = aggregateConstructs(parentInstrument, [], { by: ["klas"] });
    expect(unknown.ok).toBe(false);
  });
});
