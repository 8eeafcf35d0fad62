import { groepMessages as msg } from "./messages.js";

/**
 * A groep of a Dutch primary school as the school has it: one year (groep 1–8) or a combination of
 * adjacent years ("combinatiegroep" 1/2, 3/4, 1/2/3, seed 002's "combinatieklas groep 3-4"), with a
 * letter for parallel groepen (5A, 3/4B). One groep has one canonical code ("1/2", "3/4B", "5A"),
 * so "Groep 1-2", "gr. 1/2" and "groep 1 en 2" are the same class in responses and the roster.
 */
export interface Groep {
  /** the years it spans, ascending and adjacent: [5] or [1, 2] */
  readonly years: readonly number[];
  /** "" or one capital letter */
  readonly letter: string;
}

export const firstGroepYear = 1;
export const lastGroepYear = 8;

/** Why a text is not a groep; each has its own hint, so nobody is told a combination "means Groep 1". */
export const GroepRefusal = {
  /** not written as a groep at all ("kleuters", "juf Anja", "") */
  notAGroep: "not-a-groep",
  /** a year outside 1–8 ("groep 9", "0") */
  yearOutOfRange: "year-out-of-range",
  /** years that do not follow each other upwards ("1/3", "2/1", "4/4") */
  notAdjacent: "not-adjacent",
} as const;

export type GroepRefusal = (typeof GroepRefusal)[keyof typeof GroepRefusal];

export const groepRefusals: readonly GroepRefusal[] = Object.values(GroepRefusal);

export function isGroepRefusal(value: unknown): value is GroepRefusal {
  return typeof value === "string" && (groepRefusals as readonly string[]).includes(value);
}

export type GroepParse =
  | { readonly groep: Groep; readonly code: string }
  | { readonly refusal: GroepRefusal; readonly hint: string };

// "Groep", "groepen", "gr.", "grp", "klas", "combinatiegroep", "combinatieklas groep", "combi-groep" …
const prefix =
  /^(?:(?:combinatie|combi)\s*-?\s*(?:groep|klas)?\s*)?(?:(?:groepen|groep|groups|group|grp|gr|klas)\s*\.?\s*)?/;
// years joined by "/", "-", "+", "&", "," or "en"; then an optional letter: "1/2", "1 en 2", "3/4 B"
const list = /^(\d+)((?:\s*(?:\/|-|\+|&|,|en|and)\s*\d+)*)\s*([a-z])?$/;
// "1 t/m 3", "groep 1 tot en met 3"
const range = /^(\d+)\s*(?:t\/m|tm|tot en met)\s*(\d+)\s*([a-z])?$/;

const refuse = (refusal: GroepRefusal): GroepParse => ({ refusal, hint: msg.hint(refusal) });

/** Reads a groep in any of the usual spellings; why not, with a Dutch hint, when it is none. */
export function parseGroep(text: string): GroepParse {
  const folded = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  const body = folded.replace(prefix, "");
  let years: number[];
  let letter: string;
  const spanned = range.exec(body);
  const listed = spanned === null ? list.exec(body) : null;
  if (spanned !== null) {
    const from = Number(spanned[1]);
    const to = Number(spanned[2]);
    if (!inRange(from) || !inRange(to)) return refuse(GroepRefusal.yearOutOfRange);
    if (to <= from) return refuse(GroepRefusal.notAdjacent);
    years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    letter = spanned[3] ?? "";
  } else if (listed !== null) {
    years = [listed[1], ...(listed[2]?.match(/\d+/g) ?? [])].map(Number);
    letter = listed[3] ?? "";
    if (!years.every(inRange)) return refuse(GroepRefusal.yearOutOfRange);
    if (years.some((y, i) => i > 0 && y !== (years[i - 1] ?? 0) + 1)) return refuse(GroepRefusal.notAdjacent);
  } else return refuse(GroepRefusal.notAGroep);
  const groep: Groep = { years, letter: letter.toUpperCase() };
  return { groep, code: groepCode(groep) };
}

function inRange(year: number): boolean {
  return Number.isInteger(year) && year >= firstGroepYear && year <= lastGroepYear;
}

/** The canonical code: the years joined by "/", then the letter ("1/2", "3/4B", "5A"). */
export function groepCode(groep: Groep): string {
  return `${groep.years.join("/")}${groep.letter}`;
}

/** The years a groep spans ("3/4B" → [3, 4]); undefined when the text is no groep. */
export function groepYears(code: string): readonly number[] | undefined {
  const parsed = parseGroep(code);
  return "groep" in parsed ? parsed.groep.years : undefined;
}

/** "Groep 1/2", "Groep 5A"; a text that is no groep stays as it is. */
export function groepLabel(code: string): string {
  const parsed = parseGroep(code);
  return "groep" in parsed ? msg.label(parsed.code) : code;
}

const collator = new Intl.Collator("nl", { numeric: true });

/**
 * Groepen in school order: by first year, then the narrower first, then the letter — so 1/2 before
 * 2, 3 before 3/4B, and 8 last (not alphabetically, where "1-2" landed after "Groep 8"). Texts that
 * are no groep follow, in natural order.
 */
export function compareGroepen(a: string, b: string): number {
  const pa = parseGroep(a);
  const pb = parseGroep(b);
  if ("groep" in pa && "groep" in pb) {
    const x = pa.groep;
    const y = pb.groep;
    return (
      (x.years[0] ?? 0) - (y.years[0] ?? 0) ||
      x.years.length - y.years.length ||
      (x.letter < y.letter ? -1 : x.letter > y.letter ? 1 : 0) ||
      collator.compare(a, b)
    );
  }
  if ("groep" in pa) return -1;
  if ("groep" in pb) return 1;
  return collator.compare(a, b);
}
