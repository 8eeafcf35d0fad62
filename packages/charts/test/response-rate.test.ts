import { describe, expect, it } from "vitest";
import { responseRate } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { responseRateInput } from "./fixtures.js";
import { specRows } from "./support.js";

describe("responseRate", () => {
  const chart = responseRate(responseRateInput);

  it("renders a track per groep and a bar per shown groep, labelled 'x van y'", async () => {
    // 5 tracks + 1 dashed outline + 3 bars.
    const svg = await checkChart(chart, {
      markType: "rect",
      element: "path",
      minMarks: 9,
      hiddenValues: ["3 van 26"],
    });
    expect(svg).toContain("34 van 52 (65%)");
    expect(svg).toContain("te weinig respondenten");
    expect(svg).toContain("geen gegevens");
  });

  it("totals only the shown groepen, so the suppressed one cannot be derived", () => {
    // 21 + 34 + 17 = 72 of 27 + 52 + 29 = 108 → 67%.
    expect(chart.spec.description).toContain("Samen 72 van 108 gezinnen (67%)");
  });

  it("rejects a rate given as a percentage (a programmer error)", () => {
    expect(() =>
      responseRate({ rows: [{ groep: "g1", groepLabel: "Groep 1", responses: 34, families: 52, rate: 65 }] }),
    ).toThrow(RangeError);
  });

  it("keeps no numbers of the suppressed groep", () => {
    expect(specRows(chart.spec)[3]).toMatchObject({
      status: "suppressed",
      rate: null,
      responses: null,
      families: null,
    });
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});
