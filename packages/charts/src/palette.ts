import { relativeLuminance } from "./contrast.js";

/**
 * Colours. Categorical colours are Okabe & Ito's palette, safe for the common colour-vision
 * deficiencies; diverging Likert colours run orange (disagree) to blue (agree), a pair that
 * stays distinct for deuteranopia and protanopia.
 */
export const okabeIto: readonly string[] = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#000000",
  "#F0E442",
];

/**
 * Darkest (strongest disagreement) first. The mildest shade stands at least 1.5:1 (WCAG contrast)
 * from the neutral grey, so "mee oneens" never looks like "neutraal" (the pale ColorBrewer ends,
 * at 1.1:1, did); each step darker is again about 1.3:1. A test holds every scale shape to this.
 */
const disagreeShades: readonly string[] = ["#b35806", "#cf6c13", "#e5852a", "#f3a04a"];
/** Strongest agreement last; the mildest first, as far from neutral as the orange one. */
const agreeShades: readonly string[] = ["#88bcdb", "#5c9fcd", "#3a82bb", "#2166ac"];

/** Light enough for the mild shades to stand out against it, dark enough to show on white. */
export const neutralColor = "#e6e6e6";

/** The least WCAG contrast of the mildest agree and disagree shades against the neutral grey. */
export const minLikertNeutralContrast = 1.5;

/** Fill of a suppressed cell, and of a "no data" cell (white, with a dashed outline). */
export const suppressedFill = "#bdbdbd";
export const noDataFill = "#ffffff";
export const noDataStroke = "#969696";
export const mutedText = "#525252";
export const darkText = "#1a1a1a";

/** Colours for the missing kinds, apart from the Likert hues. */
export const missingColors: readonly string[] = ["#CC79A7", "#009E73", "#bdbdbd"];

/** Picks `count` shades from a ramp of four, spread out, in ramp order. */
function spread(shades: readonly string[], count: number): string[] {
  if (count <= 0) return [];
  if (count >= shades.length) {
    // More categories than shades: repeat the darkest end rather than invent colours.
    const out = [...shades];
    while (out.length < count) out.push(out[out.length - 1]!);
    return out;
  }
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const index = count === 1 ? 1 : Math.round((i * (shades.length - 1)) / (count - 1));
    out.push(shades[index]!);
  }
  return out;
}

/** Colours of a Likert scale in code order: disagree shades, the neutral grey, agree shades. */
export function likertColors(disagree: number, hasNeutral: boolean, agree: number): string[] {
  const left = spread(disagreeShades, disagree);
  // The shade nearest to neutral must be the lightest; spread() keeps ramp order (dark → light).
  const right = spread(agreeShades, agree);
  return [...left, ...(hasNeutral ? [neutralColor] : []), ...right];
}

/** Whether dark text reads better than white text on this background colour (WCAG luminance). */
export function prefersDarkText(hex: string): boolean {
  const luminance = relativeLuminance(hex);
  // Contrast with black vs. white: (L + 0.05) / 0.05 vs. 1.05 / (L + 0.05); equal at L ≈ 0.179.
  return luminance > 0.179;
}

/**
 * The diverging ramp for changes: the ends of the Likert ramps (orange down, blue up) around an
 * almost-white zero.
 */
export const divergingRamp: readonly [string, string, string] = [
  disagreeShades[0]!,
  "#f7f7f7",
  agreeShades[agreeShades.length - 1]!,
];

/**
 * The colour at t (−1–1) on the diverging ramp: −1 its orange end, 0 its middle, 1 its blue end,
 * as Vega draws a three-stop scale with "rgb" interpolation (each half on its own).
 */
export function divergingHex(t: number): string {
  const [down, middle, up] = divergingRamp;
  return t < 0 ? interpolateHex(middle, down, -t) : interpolateHex(middle, up, t);
}

/** Ends of the sequential ramp for means: light blue (low) to dark blue (high), interpolated in RGB. */
export const sequentialRamp: readonly [string, string] = ["#deebf7", "#08306b"];

/** The colour at fraction t (0–1) between two #rrggbb colours, as Vega's "rgb" interpolation does. */
export function interpolateHex(from: string, to: string, t: number): string {
  const parse = (hex: string): [number, number, number] => {
    const value = Number.parseInt(hex.slice(1), 16);
    return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
  };
  const a = parse(from);
  const b = parse(to);
  const clamped = Math.min(1, Math.max(0, t));
  return `#${a
    .map((channel, i) => Math.round(channel + (b[i]! - channel) * clamped))
    .map((channel) => channel.toString(16).padStart(2, "0"))
    .join("")}`;
}
