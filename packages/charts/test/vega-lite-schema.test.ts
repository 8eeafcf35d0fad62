import { describe, expect, it } from "vitest";
import {
  categoryBars,
  changeHeatmap,
  classHeatmap,
  intervalDots,
  jaShare,
  likertBars,
  partnershipProfile,
  responseRate,
  trend,
} from "../src/index.js";
import {
  categoryInput,
  changeHeatmapInput,
  feedbackDotsInput,
  heatmapInput,
  jaShareInput,
  likertInput,
  profieleisDotsInput,
  profileInput,
  reliabilityDotsInput,
  responseRateInput,
  trendInput,
} from "./fixtures.js";
import { schemaErrors } from "./support.js";

// One file for all builders: the schema is compiled once.
// Rendering is checked in each builder's own test (checkChart); this file only validates.
describe("every builder's spec validates against the Vega-Lite 6 JSON Schema", () => {
  const charts = {
    likertBars: likertBars(likertInput),
    classHeatmap: classHeatmap(heatmapInput),
    partnershipProfile: partnershipProfile(profileInput),
    trend: trend(trendInput),
    responseRate: responseRate(responseRateInput),
    jaShare: jaShare(jaShareInput),
    changeHeatmap: changeHeatmap(changeHeatmapInput),
    "intervalDots (series)": intervalDots(feedbackDotsInput),
    "intervalDots (one series, reference line)": intervalDots(reliabilityDotsInput),
    "intervalDots (percent)": intervalDots(profieleisDotsInput),
    categoryBars: categoryBars(categoryInput),
  };
  for (const [name, chart] of Object.entries(charts)) {
    it(name, () => {
      expect(schemaErrors(chart.spec)).toEqual([]);
    });
  }

  it("rejects a broken spec (the validator is not vacuous)", () => {
    const broken = { ...charts.trend.spec, mark: "balk" } as unknown as typeof charts.trend.spec;
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
  });
});
