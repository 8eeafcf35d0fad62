import type { Instrument } from "@zaz/model";
import { defaultPrivacy } from "../analysis/privacy-settings.js";
import { ownAnswerText } from "./convert-cell.js";
import { labelLookup, splitChoices } from "./label-lookup.js";
import { foldText } from "./normalise-text.js";
import type { ColumnMapping } from "./propose-mapping.js";

/** An own answer beside "Anders" that many respondents gave: worth a choice of its own. */
export interface ChoiceProposal {
  readonly item: string;
  readonly column: string;
  /** as most respondents wrote it */
  readonly label: string;
  /** respondents who wrote it (in any case, with or without accents) */
  readonly count: number;
}

/** At most this many proposals per item: the most frequent. */
const maxPerItem = 5;

/**
 * Counts, over the rows of an export, the answers of choice columns that are no label of their
 * list, and the texts of "Anders" columns (all stored as "Anders" with their text), and proposes the most frequent as
 * new choices for a copy of the instrument. Only answers given by at least k respondents: a choice
 * fewer parents gave could not be shown anyway, and the mapping file need not name it.
 */
export function otherChoiceCounter(
  instrument: Instrument,
  columns: readonly ColumnMapping[],
  min: number = defaultPrivacy.k,
): { readonly watching: boolean; add(fields: readonly string[]): void; proposals(): ChoiceProposal[] } {
  const watched = columns.flatMap((c) => {
    if (c.target.kind !== "item" || c.target.option !== undefined) return [];
    const id = c.target.item;
    const item = instrument.items.find((i) => i.id === id && (i.type === "multiple" || i.type === "single"));
    const scale = instrument.scales.find((s) => s.id === item?.scale);
    if (item === undefined || scale === undefined) return [];
    if (!scale.labels.some((l) => foldText(l.label) === "anders")) return [];
    // A single choice's own answer, or the text column beside "Anders", is one answer, commas and all.
    const whole = item.type === "single" || c.target.other === true;
    return [{ index: c.index, column: c.header, item: item.id, lookup: labelLookup(scale), whole }];
  });
  // item → folded text → how it was written (first form seen wins ties) and how often
  const counts = new Map<string, Map<string, { forms: Map<string, number>; count: number }>>();
  return {
    watching: watched.length > 0,
    add(fields) {
      for (const w of watched) {
        const value = fields[w.index]?.trim() ?? "";
        if (value === "" || w.lookup.match(value) !== undefined) continue;
        const seen = new Set<string>();
        for (const part of w.whole ? [value] : splitChoices(value, w.lookup)) {
          if (w.lookup.match(part) !== undefined) continue;
          const own = ownAnswerText(part);
          const folded = foldText(own);
          if (folded === "" || seen.has(folded)) continue;
          seen.add(folded);
          const perItem = counts.get(w.item) ?? new Map();
          counts.set(w.item, perItem);
          const entry = perItem.get(folded) ?? { forms: new Map<string, number>(), count: 0 };
          entry.count++;
          entry.forms.set(own, (entry.forms.get(own) ?? 0) + 1);
          perItem.set(folded, entry);
        }
      }
    },
    proposals() {
      // Counts are per item: an item's cell and its "Anders" column propose together, once.
      const perItem = watched.filter((w, i) => watched.findIndex((x) => x.item === w.item) === i);
      return perItem.flatMap((w) =>
        [...(counts.get(w.item)?.values() ?? [])]
          .filter((e) => e.count >= min)
          .map((e) => ({
            item: w.item,
            column: w.column,
            label: [...e.forms].reduce((a, b) => (b[1] > a[1] ? b : a))[0],
            count: e.count,
          }))
          .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "nl"))
          .slice(0, maxPerItem),
      );
    },
  };
}
