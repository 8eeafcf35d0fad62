import type { Instrument, Result } from "@zaz/model";
import { ok } from "@zaz/model";
import { type Cell, mapShown } from "./cell.js";
import type { GroupedData } from "./group-data.js";
import type { GroupKey, GroupPlan } from "./group-plan.js";
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

export type OpenAnswerOptions = ItemTableOptions;

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
    eligible: (item) => item.type === "text",
    compute: (_, group, item) => ({ n: group.asked[item.id] ?? 0, value: true as const }),
    text: true,
    describe: (index, item): OpenItemInfo => {
      const target = item.commentOn === undefined ? undefined : index.items.get(item.commentOn);
      return {
        ...itemInfo(index, item),
        commentOn: target === undefined ? null : { id: target.id, text: target.text },
      };
    },
  });
  if (!table.ok) return table;
  const t = table.value;
  const keyOf = (key: GroupKey) => Object.fromEntries(key.map((l) => [l.dimension, l.code]));
  const rows = [t.total, ...t.groups];
  const wanted = rows.filter((row) => Object.values(row.items).some((c) => c.status === "shown"));
  const found =
    wanted.length === 0
      ? []
      : await read(
          wanted.map((row) => sortedKey(keyOf(row.key), plan)),
          t.items.map((i) => i.id),
        );
  const lookup = new Map(found.map((f) => [`${JSON.stringify(sortedKey(f.key, plan))}\u0000${f.item}`, f]));
  const fill = (row: ItemTableGroup<true>): OpenGroup => ({
    ...row,
    items: Object.fromEntries(
      Object.entries(row.items).map(([id, cell]): [string, Cell<OpenAnswers>] => [
        id,
        mapShown(cell, () => {
          const f = lookup.get(`${JSON.stringify(sortedKey(keyOf(row.key), plan))}\u0000${id}`);
          return { texts: f?.texts ?? [], total: f?.total ?? 0 };
        }),
      ]),
    ),
  });
  return ok({ ...t, total: fill(t.total), groups: t.groups.map(fill) });
}

/** A group key with only the grouping's dimensions, in their order: the total's key is {}. */
function sortedKey(key: Readonly<Record<string, string>>, plan: GroupPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of plan.by) if (d.id in key) out[d.id] = key[d.id] ?? "";
  return out;
}
