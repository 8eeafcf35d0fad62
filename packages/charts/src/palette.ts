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

/** Darkest (strongest disagreement) first. */
const disagreeShades: readonly string[] = ["#b35806", "#e08214", "#fdb863", "#fee0b6"];
/** Strongest agreement last. */
const agreeShades: readonly string[] = ["#d1e5f0", "#92c5de", "#4393c3", "#2166ac"];

export const neutralColor = "#d9d9d9";

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
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (match === null) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = Number.parseInt(match[1]!, 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
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
