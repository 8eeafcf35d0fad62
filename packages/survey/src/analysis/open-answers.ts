import type { Instrument, Result, SurveyResponse } from "@zaz/model";
import type { GroupingRequest } from "./grouping.js";
import { answersTo, type InstrumentIndex, itemApplies } from "./instrument-index.js";
import { buildItemTable, type GenericItemTable, type ItemTableGroup } from "./item-table.js";
import { type ItemInfo, itemInfo } from "./labels.js";
import type { PrivacySettings } from "./privacy-settings.js";
import type { ColumnValue } from "./raw-table.js";

export interface OpenItemInfo extends ItemInfo {
  /** the item this text explains (a "toelichting" or "opmerking"), with its text */
  readonly commentOn: { readonly id: string; readonly text: string } | null;
}

export type OpenGroup = ItemTableGroup<readonly string[]>;

export type OpenAnswerTable = GenericItemTable<readonly string[], OpenItemInfo>;

export interface OpenAnswerOptions extends GroupingRequest {
  readonly items?: readonly string[];
  readonly privacy?: PrivacySettings;
}

const collator = new Intl.Collator("nl");

function texts(
  index: InstrumentIndex,
  responses: readonly SurveyResponse[],
  itemId: string,
): ColumnValue<readonly string[]> {
  const item = index.items.get(itemId);
  if (item === undefined) throw new RangeError(`unknown item ${itemId}`);
  const asked = responses.filter((r) => itemApplies(index, item, r));
  const found: string[] = [];
  for (const r of asked)
    for (const a of answersTo(r, itemId))
      if (a.text !== null && a.text.trim() !== "") found.push(a.text.trim());
  // Sorted, so the order links a text neither to a submission time nor to another item's text.
  return { contributors: asked, value: found.sort(collator.compare) };
}

/**
 * Free-text answers per group, only where a group holds at least kText respondents (default 10),
 * with complementary suppression so a small group's texts cannot be found by comparing lists.
 */
export function openAnswers(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: OpenAnswerOptions = {},
): Result<OpenAnswerTable> {
  return buildItemTable(instrument, responses, options, {
    eligible: (item) => item.type === "text",
    compute: (index, rs, id) => texts(index, rs, id),
    text: true,
    describe: (index, item): OpenItemInfo => {
      const target = item.commentOn === undefined ? undefined : index.items.get(item.commentOn);
      return {
        ...itemInfo(index, item),
        commentOn: target === undefined ? null : { id: target.id, text: target.text },
      };
    },
  });
}
