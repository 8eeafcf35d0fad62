import { foldText } from "./normalise-text.js";

/**
 * What survey tools and people write in an identifier column when there is no one to identify:
 * Microsoft Forms writes "anonymous" for every anonymous respondent. One pseudonym for all of
 * them would make them one respondent, and erasing "that respondent" would erase them all.
 */
const placeholders = new Set(
  [
    "anonymous",
    "anoniem",
    "anonym",
    "anonyme",
    "anonimo",
    "anon",
    "unknown",
    "onbekend",
    "nvt",
    "n.v.t",
    "n/a",
    "na",
    "none",
    "geen",
    "null",
    "undefined",
    "niet ingevuld",
    "not provided",
  ].map(foldText),
);

/**
 * True for an empty identifier or a placeholder ("anonymous", "anoniem", "-", "n.v.t." …): such a
 * value is never pseudonymised, so the row gets no respondent.
 */
export function isPlaceholderIdentity(value: string): boolean {
  const folded = foldText(value);
  // Only punctuation or spaces ("-", "--", "?", "…"): nothing that names anyone.
  if (/^[\p{P}\p{S}\s]*$/u.test(folded)) return true;
  return placeholders.has(folded);
}
