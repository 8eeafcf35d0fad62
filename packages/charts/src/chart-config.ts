import type { Config } from "vega-lite";
import { okabeIto } from "./palette.js";

/** A system font stack: readable on screen and in print, no web font to load under a strict CSP. */
export const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * Widths in pixels. An 80-character report column is about 680 px wide at 16 px text; charts stay
 * within it so they fit a laptop screen and an A4 page without scaling.
 */
export const pageWidth = 680;

/** Shared look of every chart: font, sizes, the colour-blind-safe palette and Dutch number format. */
export function chartConfig(): Config {
  return {
    font: fontFamily,
    // Labels are wrapped in TypeScript with "\n"; Vega breaks lines on it.
    lineBreak: "\n",
    locale: {
      number: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] },
    },
    background: "#ffffff",
    padding: 8,
    title: { fontSize: 16, fontWeight: 600, anchor: "start", subtitleFontSize: 12, subtitleColor: "#525252" },
    axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelColor: "#1a1a1a" },
    legend: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 600,
      orient: "bottom",
      direction: "horizontal",
    },
    header: { labelFontSize: 12, labelFontWeight: 600, titleFontSize: 12 },
    text: { fontSize: 11 },
    range: { category: [...okabeIto] },
    view: { stroke: null },
  };
}
