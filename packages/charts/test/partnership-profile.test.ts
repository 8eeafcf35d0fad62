import { describe, expect, it } from "vitest";
import { partnershipProfile } from "../src/index.js";
import { checkChart } from "./chart-checks.js";
import { profileInput } from "./fixtures.js";
import { specRows } from "./support.js";

describe("partnershipProfile", () => {
  const chart = partnershipProfile(profileInput);

  it("renders a dot and an interval per shown value, the suppressed one as text", async () => {
    const svg = await checkChart(chart, {
      markType: "symbol",
      element: "path",
      minMarks: 5,
      hiddenValues: ["4.71", "3.99", "4,71"],
    });
    expect(svg).toContain("Groep 5: te weinig respondenten");
  });

  it("keeps Figuur 1's order of the forms and the order of the series", () => {
    const rows = specRows(chart.spec);
    expect(rows.map((row) => [row.formOrder, row.series])).toEqual([
      [0, "Groep 5"],
      [0, "School"],
      [1, "Groep 5"],
      [1, "School"],
      [2, "Groep 5"],
      [2, "School"],
    ]);
    expect(rows[4]).toMatchObject({ status: "suppressed", value: null, low: null, high: null, n: null });
  });

  it("says in the tooltip why a value is missing", () => {
    expect(specRows(chart.spec)[4]!.tooltip).toContain("onderdrukt: minder dan 5 respondenten");
  });

  it("matches the golden spec", () => {
    expect(chart.spec).toMatchSnapshot();
  });
});
