import { describe, expect, it } from "vitest";
import { likertBars, renderSvg } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { likertInput } from "./fixtures.js";
import { schemaErrors, specRows } from "./support.js";

describe("likertBars", () => {
  const chart = likertBars(likertInput);
  const rows = specRows(chart.spec);

  it("renders, escapes the hostile item text and leaks nothing of the suppressed item", async () => {
    // 4 shown items with 5, 5, 5 and 4 non-zero answers → 19 segments, plus 1 status band.
    const svg = await checkChart(chart, {
      markType: "rect",
      element: "path",
      minMarks: 19 + 1,
      hiddenValues: ["n = 3"],
    });
    // Percentages are printed in segments of at least 8%: item 1 has 8%, 17%, 46%, 25% → "46%" among them.
    expect(svg).toContain(">46%</text>");
  });

  it("centres the neutral answer on zero: disagree left, agree right", () => {
    // Item 1: counts 1, 2, 4, 11, 6 of 24 valid answers; neutral 4/24 = 16.67% → −8.33 … +8.33.
    const segments = rows.filter((row) => row.part === "answer" && row.order === 0);
    const byLabel = new Map(segments.map((row) => [row.category, row]));
    const x0 = (label: string) => byLabel.get(label)!.x0 as number;
    const x1 = (label: string) => byLabel.get(label)!.x1 as number;
    expect(x0("Neutraal")).toBeCloseTo(-(4 / 24) * 50, 6);
    expect(x1("Neutraal")).toBeCloseTo((4 / 24) * 50, 6);
    expect(x1("Oneens")).toBeCloseTo(x0("Neutraal"), 6);
    expect(x0("Oneens")).toBeCloseTo(-(4 / 24) * 50 - (2 / 24) * 100, 6);
    expect(x0("Helemaal oneens")).toBeCloseTo(-(4 / 24) * 50 - (3 / 24) * 100, 6);
    expect(x0("Eens")).toBeCloseTo((4 / 24) * 50, 6);
    expect(x1("Helemaal eens")).toBeCloseTo((4 / 24) * 50 + (17 / 24) * 100, 6);
  });

  it("splits a scale without a neutral answer in halves", () => {
    const even = likertBars({
      title: "Vier punten",
      scale: { labels: [1, 2, 3, 4].map((code) => ({ code, label: `L${code}` })) },
      items: [{ id: "a", text: "Uitspraak", n: 10, counts: { 1: 1, 2: 3, 3: 4, 4: 2 }, missing: {} }],
    });
    const seg = new Map(specRows(even.spec).map((row) => [row.category, row]));
    expect(seg.get("L2")!.x1).toBeCloseTo(0, 9);
    expect(seg.get("L1")!.x0).toBeCloseTo(-40, 9);
    expect(seg.get("L3")!.x0).toBeCloseTo(0, 9);
    expect(seg.get("L4")!.x1).toBeCloseTo(60, 9);
  });

  it("keeps missing answers out of the diverging bar, as shares of everyone asked", () => {
    // Item 2: 24 valid + 1 leeg + 1 n.v.t. = 26 → each 1/26 = 3.8%.
    const missing = rows.filter((row) => row.part === "missing" && row.order === 1);
    expect(missing.map((row) => [row.category, row.count, row.percent])).toEqual([
      ["n.v.t.", 1, 3.8],
      ["leeg", 1, 3.8],
    ]);
    const answers = rows.filter((row) => row.part === "answer" && row.order === 1);
    expect(answers.reduce((sum, row) => sum + (row.count as number), 0)).toBe(24);
  });

  it("shows the suppressed item as a band with its reason in the table", () => {
    const suppressed = rows.filter((row) => row.order === 4);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ part: "status", status: "suppressed", count: null, percent: null });
    expect(String(suppressed[0]!.itemLabel)).not.toContain("n =");
    const tableRow = chart.table.rows[4]!;
    expect(tableRow.status).toBe("onderdrukt: minder dan 5 respondenten");
    expect(tableRow.missing_weet_niet).toBeNull();
  });

  it("writes a Dutch description naming the most agreed item", () => {
    expect(chart.spec.description).toContain("5 uitspraken");
    expect(chart.spec.description).toContain("Ik voel me welkom op school");
    expect(chart.spec.description).toContain("1 uitspraak niet getoond wegens te weinig respondenten");
  });

  it("draws a reverse-coded item as it is scored: agreeing lies left, in orange, marked (omgepoold)", async () => {
    const scale = likertInput.scale;
    const reversed = likertBars({
      title: "Uitnodigend klimaat",
      scale,
      items: [
        {
          id: "uk1",
          text: "Ik word vriendelijk ontvangen.",
          n: 20,
          counts: { 1: 1, 2: 1, 3: 2, 4: 10, 5: 6 },
          missing: { weet_niet: 1 },
        },
        {
          id: "uk3",
          text: "Ik voel me op school niet altijd welkom.",
          n: 20,
          counts: { 1: 8, 2: 6, 3: 3, 4: 2, 5: 1 },
          missing: {},
          reverse: true,
        },
      ],
    });
    const segments = specRows(reversed.spec).filter((row) => row.part === "answer" && row.order === 1);
    const byAnswer = new Map(segments.map((row) => [String(row.answer).split(" (")[0], row]));
    // "Helemaal eens" with a negative statement (1 of 20) is drawn at the far left, coloured as "Helemaal oneens".
    expect(byAnswer.get("Helemaal eens")).toMatchObject({ category: "Helemaal oneens", count: 1 });
    expect(byAnswer.get("Helemaal eens")!.x0).toBeCloseTo(-(3 / 20) * 50 - (3 / 20) * 100, 6);
    expect(byAnswer.get("Helemaal oneens")).toMatchObject({ category: "Helemaal eens", count: 8 });
    expect(byAnswer.get("Helemaal oneens")!.x1).toBeCloseTo((3 / 20) * 50 + (14 / 20) * 100, 6);
    expect(byAnswer.get("Helemaal eens")!.answer).toBe("Helemaal eens (telt als Helemaal oneens)");
    expect(String(segments[0]!.itemLabel)).toContain("(omgepoold)");
    // The table keeps what was answered: 5% said "Helemaal eens", 40% "Helemaal oneens".
    const row = reversed.table.rows[1]!;
    expect(row.item).toBe("Ik voel me op school niet altijd welkom. (omgepoold)");
    expect([row.answer0, row.answer4]).toEqual([40, 5]);
    const spec = JSON.stringify(reversed.spec);
    expect(spec).toContain("Antwoord (omgepoold: andersom)");
    expect(reversed.spec.description).toContain("andersom getekend");
    // The most agreed statement is a positive one, never the mirrored bar.
    expect(reversed.spec.description).toContain("Ik word vriendelijk ontvangen.");
    const warnings: string[] = [];
    await renderSvg(reversed.spec, { onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
    expect(schemaErrors(reversed.spec)).toEqual([]);
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});
