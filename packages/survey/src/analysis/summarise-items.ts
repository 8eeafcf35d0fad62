import type { Instrument, Result } from "@zaz/model";
import type { GroupedData } from "./group-data.js";
import type { GroupPlan } from "./group-plan.js";
import { scaleOf } from "./instrument-index.js";
import { type ItemStats, itemStats } from "./item-stats.js";
import {
  buildItemTable,
  type GenericItemTable,
  type ItemTableGroup,
  type ItemTableOptions,
} from "./item-table.js";

export type ItemSummaryOptions = ItemTableOptions;

export type ItemGroup = ItemTableGroup<ItemStats>;

export type ItemTable = GenericItemTable<ItemStats>;

/** Which items an item summary takes: every item that is not free text. */
export const summaryItems = { eligible: (item: { type: string }) => item.type !== "text" };

/** Per item and group: n, distribution over every label and kind of missing, mean, median, SD, top-2-box. */
export function summariseItems(
  instrument: Instrument,
  plan: GroupPlan,
  data: GroupedData,
  options: ItemSummaryOptions = {},
): Result<ItemTable> {
  return buildItemTable(instrument, plan, data, options, {
    ...summaryItems,
    compute: (index, group, item) => {
      const { n, value } = itemStats(
        item,
        scaleOf(index, item) ?? null,
        group.items[item.id],
        group.chose[item.id],
      );
      return { n, value: n === 0 ? null : value };
    },
  });
}
