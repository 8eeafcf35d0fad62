/**
 * Text width without a canvas. Vega's own fallback takes 0.8 em for every character, which
 * makes labels in Node-rendered SVG about half again too wide, so axes steal the plot's room.
 * This estimate uses Helvetica/Arial advance widths (em) by character class, close to the
 * system sans-serif fonts the charts ask for.
 */
const narrow = new Set([..."iljI.,:;'|!ı"]);
const semiNarrow = new Set([..."ftr()[]{}/-\\ \u00a0"]);
const wide = new Set([..."mwMW%…@—"]);
const upperWide = new Set([..."ABCDGHKNOQRUVXY&"]);

function charWidth(char: string): number {
  if (narrow.has(char)) return 0.24;
  if (semiNarrow.has(char)) return 0.3;
  if (wide.has(char)) return 0.86;
  if (upperWide.has(char)) return 0.7;
  if (char >= "0" && char <= "9") return 0.556;
  if (char !== char.toLowerCase()) return 0.63;
  return 0.54;
}

/** Estimated width in pixels of one line of text at a font size, bold a little wider. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += charWidth(char);
  // 6% margin: a label a little too roomy is better than one clipped at the chart's edge.
  return em * fontSize * (bold ? 1.07 : 1) * 1.06;
}
