import type { ContextFilter } from "@zaz/store";
import type { TextReader } from "@zaz/survey";
import type { ViewContext } from "../view-context.js";
import { type Source, selection } from "./source.js";

/** At most this many free-text answers per group and question are shown; the rest stay in the database. */
export const textLimit = 200;

/**
 * Reads free text for the groups the analysis cleared, the total and the groups each in one query.
 * `limit` 1 serves a count of answers (the total comes with every text read), not their words.
 */
export function textReader(
  context: ViewContext,
  source: Source,
  where: ContextFilter,
  limit = textLimit,
): TextReader {
  return async (groups, items) => {
    const sel = selection(source, where);
    const total = groups.filter((g) => Object.keys(g).length === 0);
    const rest = groups.filter((g) => Object.keys(g).length > 0);
    const by = Object.keys(rest[0] ?? {});
    const found = [];
    if (total.length > 0)
      found.push(...(await context.store.analysis.texts(sel, { items, by: [], groups: [], limit })));
    if (rest.length > 0)
      found.push(...(await context.store.analysis.texts(sel, { items, by, groups: rest, limit })));
    return found;
  };
}
