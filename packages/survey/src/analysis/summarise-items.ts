import type { Instrument, Result, SurveyResponse } from "@zaz/model";
import type { GroupingRequest } from "./grouping.js";
import { type ItemStats, itemStats } from "./item-stats.js";
import { buildItemTable, type GenericItemTable, type ItemTableGroup } from "./item-table.js";
import type { PrivacySettings } from "./privacy-settings.js";

export interface ItemSummaryOptions extends GroupingRequest {
  /** item ids; by default every item that is not free text */
  readonly items?: readonly string[];
  readonly privacy?: PrivacySettings;
}

export type ItemGroup = ItemTableGroup<ItemStats>;

export type ItemTable = GenericItemTable<ItemStats>;

/** Per item and group: n, distribution over every label and kind of missing, mean, median, SD, top-2-box. */
export function summariseItems(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: ItemSummaryOptions = {},
): Result<ItemTable> {
  return buildItemTable(instrument, responses, options, {
    eligible: (item) => item.type !== "text",
    compute: (index, rs, id) => itemStats(index, rs, id),
  });
}
