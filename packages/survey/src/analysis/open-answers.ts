import type { Instrument, Item, Result } from "@zaz/model";
import { ok } from "@zaz/model";
import { type Cell, mapShown } from "./cell.js";
import { type GroupedData, validValues } from "./group-data.js";
import type { GroupKey, GroupPlan } from "./group-plan.js";
import { type InstrumentIndex, scaleOf } from "./instrument-index.js";
import {
  buildItemTable,
  type GenericItemTable,
  type ItemTableGroup,
  type ItemTableOptions,
} from "./item-table.js";
import type { ItemInfo } from "./labels.js";
import { itemInfo } from "./labels.js";

export interface OpenItemInfo extends ItemInfo {
  /** the item this text explains (a "toelichting" or "opmerking"), with its text */
  readonly commentOn: { readonly id: string; readonly text: string } | null;
}

/** The free-text answers of one group to one item: alphabetical, at most the limit asked for. */
export interface OpenAnswers {
  readonly texts: readonly string[];
  /** all non-empty answers, also those beyond the limit */
  readonly total: number;
}

export type OpenGroup = ItemTableGroup<OpenAnswers>;

export type OpenAnswerTable = GenericItemTable<OpenAnswers, OpenItemInfo>;

export interface OpenAnswerOptions extends ItemTableOptions {
  /**
   * The own answers given beside "Anders" of choice items (e.g. a home language not on the list),
   * instead of the open questions; a group shows them only with at least kText respondents who
   * answered the item.
   */
  readonly other?: boolean;
}

/** Choice items whose list has an "Anders" answer: their free text is kept beside that code. */
export function hasOtherChoice(item: Item, index: InstrumentIndex): boolean {
  if (item.type !== "multiple" && item.type !== "single") return false;
  return scaleOf(index, item)?.labels.some((l) => otherLabel.test(l.label)) ?? false;
}

const otherLabel = /^anders\b/i;

/**
 * Reads the texts of groups already cleared for free text; only those are ever read. A key holds the
 * grouping's dimensions ({} for the scope's total).
 */
export type TextReader = (
  groups: readonly Readonly<Record<string, string>>[],
  items: readonly string[],
) => Promise<
  readonly { key: Readonly<Record<string, string>>; item: string; texts: readonly string[]; total: number }[]
>;

/**
 * Free-text answers per group, only where a group holds at least kText respondents that were asked
 * (default 10), with complementary suppression so a small group's texts cannot be found by comparing
 * lists. Suppression runs on the counts first; then only the texts of shown groups are read.
 */
export async function openAnswers(
  instrument: Instrument,
  plan: GroupPlan,
  data: GroupedData,
  options: OpenAnswerOptions,
  read: TextReader,
): Promise<Result<OpenAnswerTable>> {
  const table = buildItemTable(instrument, plan, data, options, {
    eligible: options.other === true ? hasOtherChoice : (item) => item.type === "text",
    compute: (_, group, item) => ({
      n:
        options.other !== true
          ? (group.asked[item.id] ?? 0)
          : item.type === "multiple"
            ? (group.chose[item.id] ?? 0)
            : validValues(group.items[item.id]).reduce((s, v) => s + v.count, 0),
      value: true as const,
    }),
    text: true,
    describe: describeOpenItem,
  });
  if (!table.ok) return table;
  const t = table.value;
  const found = await readShown(t, plan, read);
  const fill = (row: ItemTableGroup<true>): OpenGroup => ({
    ...row,
    items: Object.fromEntries(
      Object.entries(row.items).map(([id, cell]): [string, Cell<OpenAnswers>] => [
        id,
        mapShown(cell, () => {
          const f = found(row.key, id);
          return { texts: f?.texts ?? [], total: f?.total ?? 0 };
        }),
      ]),
    ),
  });
  return ok({ ...t, total: fill(t.total), groups: t.groups.map(fill) });
}

/** How many respondents of one group wrote something to one free-text item. */
export type AnsweredTable = GenericItemTable<number, OpenItemInfo>;

/**
 * Per group and free-text item, the number of respondents who wrote a non-empty answer — a count,
 * so under the threshold k of numbers (not kText: no text is shown), with the same suppression
 * and release as every count. Only cleared groups are read, and of their texts only the totals are kept.
 */
export async function answeredTexts(
  instrument: Instrument,
  plan: GroupPlan,
  data: GroupedData,
  options: OpenAnswerOptions,
  read: TextReader,
): Promise<Result<AnsweredTable>> {
  const table = buildItemTable(instrument, plan, data, options, {
    eligible: (item) => item.type === "text",
    compute: (_, group, item) => ({ n: group.asked[item.id] ?? 0, value: true as const }),
    describe: describeOpenItem,
  });
  if (!table.ok) return table;
  const t = table.value;
  const found = await readShown(t, plan, read);
  const fill = (row: ItemTableGroup<true>): ItemTableGroup<number> => ({
    ...row,
    items: Object.fromEntries(
      Object.entries(row.items).map(([id, cell]): [string, Cell<number>] => [
        id,
        mapShown(cell, () => found(row.key, id)?.total ?? 0),
      ]),
    ),
  });
  return ok({ ...t, total: fill(t.total), groups: t.groups.map(fill) });
}

function describeOpenItem(index: InstrumentIndex, item: Item): OpenItemInfo {
  const target = item.commentOn === undefined ? undefined : index.items.get(item.commentOn);
  return {
    ...itemInfo(index, item),
    commentOn: target === undefined ? null : { id: target.id, text: target.text },
  };
}

/**
 * Reads the texts of the groups whose free text is shown (only those: a hidden group's texts never
 * leave the store) and finds them back by group key and item.
 */
async function readShown(
  t: GenericItemTable<true, OpenItemInfo>,
  plan: GroupPlan,
  read: TextReader,
): Promise<(key: GroupKey, item: string) => Awaited<ReturnType<TextReader>>[number] | undefined> {
  const keyOf = (key: GroupKey) => Object.fromEntries(key.map((l) => [l.dimension, l.code]));
  const wanted = [t.total, ...t.groups].filter((row) =>
    Object.values(row.items).some((c) => c.status === "shown"),
  );
  const found =
    wanted.length === 0
      ? []
      : await read(
          wanted.map((row) => sortedKey(keyOf(row.key), plan)),
          t.items.map((i) => i.id),
        );
  const lookup = new Map(found.map((f) => [`${JSON.stringify(sortedKey(f.key, plan))}\u0000${f.item}`, f]));
  return (key, item) => lookup.get(`${JSON.stringify(sortedKey(keyOf(key), plan))}\u0000${item}`);
}

/** A group key with only the grouping's dimensions, in their order: the total's key is {}. */
function sortedKey(key: Readonly<Record<string, string>>, plan: GroupPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of plan.by) if (d.id in key) out[d.id] = key[d.id] ?? "";
  return out;
}
