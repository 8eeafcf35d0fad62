import type { Instrument, Result, SurveyResponse } from "@zaz/model";
import { ok } from "@zaz/model";
import { type PrivacyNote, privacyNote } from "./aggregate-constructs.js";
import type { Cell } from "./cell.js";
import { type GroupingRequest, type GroupKey, partition } from "./grouping.js";
import { answersTo, type InstrumentIndex, indexInstrument, itemApplies } from "./instrument-index.js";
import { type InstrumentLabel, type ItemInfo, instrumentLabel, itemInfo } from "./labels.js";
import { defaultPrivacy, type PrivacySettings } from "./privacy-settings.js";
import type { ColumnValue } from "./raw-table.js";
import { buildRawTable } from "./raw-table.js";
import { selectItems } from "./summarise-items.js";
import { ruleFor, suppressTable } from "./suppress.js";

export interface OpenItemInfo extends ItemInfo {
  /** the item this text explains (a "toelichting" or "opmerking"), with its text */
  readonly commentOn: { readonly id: string; readonly text: string } | null;
}

export interface OpenGroup {
  readonly key: GroupKey;
  readonly responses: Cell<number>;
  readonly students: Cell<number> | null;
  /** item id → the texts, sorted alphabetically; n = respondents asked */
  readonly items: Readonly<Record<string, Cell<readonly string[]>>>;
}

export interface OpenAnswerTable {
  readonly instrument: InstrumentLabel;
  readonly privacy: PrivacyNote;
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  readonly items: readonly OpenItemInfo[];
  readonly total: OpenGroup;
  readonly groups: readonly OpenGroup[];
}

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
  const privacy = options.privacy ?? defaultPrivacy;
  const part = partition(instrument, responses, options);
  if (!part.ok) return part;
  const selected = selectItems(instrument, options.items, (t) => t === "text");
  if (!selected.ok) return selected;
  const index = indexInstrument(instrument);
  const table = suppressTable(
    buildRawTable(part.value, selected.value, (rs, id) => texts(index, rs, id)),
    ruleFor(privacy, part.value, true),
  );
  const group = (row: (typeof table)["total"]): OpenGroup => ({
    key: row.key,
    responses: row.responses,
    students: row.students,
    items: row.cells,
  });
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, part.value.studentDimension !== null),
    scope: part.value.scope,
    by: part.value.by,
    items: selected.value.map((id) => {
      const item = index.items.get(id)!;
      const target = item.commentOn === undefined ? undefined : index.items.get(item.commentOn);
      return {
        ...itemInfo(index, item),
        commentOn: target === undefined ? null : { id: target.id, text: target.text },
      };
    }),
    total: group(table.total),
    groups: table.groups.map(group),
  });
}
