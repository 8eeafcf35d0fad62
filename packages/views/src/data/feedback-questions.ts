import type { Instrument } from "@zaz/model";

/**
 * One of the questions to opleidingsouders: the open answer (what the parents said, with their
 * explanation) and, where a school's form has one, a short closed answer beside it. Never a score.
 */
export interface FeedbackQuestion {
  /** the question's section (version 2 of the instrument) or its first item (older versions) */
  readonly id: string;
  /** the question as the source words it */
  readonly text: string;
  /** the free-text item, if the form asks for words */
  readonly open: string | null;
  /** the closed item (ja/nee, or an older version's four-point answer), if the form has one */
  readonly closed: string | null;
}

/**
 * The questions of an opleidingsouders instrument, in its order. A question is a section with its
 * items; an instrument from before sections (version 1) pairs an explanation with the item it
 * comments on, so databases with that version read the same way.
 */
export function feedbackQuestions(instrument: Instrument): FeedbackQuestion[] {
  const byId = new Map(instrument.items.map((i) => [i.id, i]));
  const order: string[] = [];
  const parts = new Map<string, { open: string | null; closed: string | null }>();
  for (const item of instrument.items) {
    const target = item.type === "text" ? item.commentOn : undefined;
    const id = item.section ?? (target !== undefined && byId.has(target) ? target : item.id);
    let entry = parts.get(id);
    if (entry === undefined) {
      entry = { open: null, closed: null };
      parts.set(id, entry);
      order.push(id);
    }
    if (item.type === "text") entry.open ??= item.id;
    else entry.closed ??= item.id;
  }
  return order.map((id) => {
    const entry = parts.get(id) ?? { open: null, closed: null };
    const section = instrument.sections.find((s) => s.id === id);
    const text =
      section?.title ?? byId.get(entry.closed ?? "")?.text ?? byId.get(entry.open ?? "")?.text ?? id;
    return { id, text, open: entry.open, closed: entry.closed };
  });
}
