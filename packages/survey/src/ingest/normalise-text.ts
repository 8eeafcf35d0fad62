/**
 * Folds a label or header for comparison: case, diacritics, surrounding and repeated spaces,
 * quotes and trailing punctuation do not matter ("  Mee  éens. " ≡ "mee eens").
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.:;,!?*]+$/, "")
    .replace(/^[\s*]+/, "");
}

/** Folds a column header; survey tools add numbering ("3. ", "Q3_"), brackets and required-marks. */
export function foldHeader(header: string): string {
  return foldText(header.replace(/^\s*(?:vraag\s*)?\d+[.)]\s+/i, ""));
}

/** Words of a folded text, for similarity. */
export function words(folded: string): string[] {
  return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}
