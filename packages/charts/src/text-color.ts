import { darkText, prefersDarkText } from "./palette.js";

export const lightText = "#ffffff";

/** The text colour for a label on this background: dark or white, whichever contrasts more. */
export function textColorOn(background: string): string {
  return prefersDarkText(background) ? darkText : lightText;
}

/**
 * Colours a text mark from the row's `textColor` field. A condition rather than `scale: null`:
 * Vega-Lite 6 fails to compile a layer that mixes an unscaled colour with a colour scale.
 */
export const textColorEncoding = {
  condition: { test: { field: "textColor", equal: lightText }, value: lightText },
  value: darkText,
};
