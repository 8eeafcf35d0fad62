import type { Instrument, Problem, Result, SurveyResponse } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import { type PrivacyNote, privacyNote } from "./aggregate-constructs.js";
import type { Cell } from "./cell.js";
import { type GroupingRequest, type GroupKey, partition } from "./grouping.js";
import { indexInstrument } from "./instrument-index.js";
import { type ItemStats, itemStats } from "./item-stats.js";
import { type InstrumentLabel, type ItemInfo, instrumentLabel, itemInfo } from "./labels.js";
import { analysisMessages as msg } from "./messages.js";
import { defaultPrivacy, type PrivacySettings } from "./privacy-settings.js";
import { buildRawTable } from "./raw-table.js";
import { ruleFor, suppressTable } from "./suppress.js";

export interface ItemSummaryOptions extends GroupingRequest {
  /** item ids; by default every item that is not free text */
  readonly items?: readonly string[];
  readonly privacy?: PrivacySettings;
}

export interface ItemGroup {
  readonly key: GroupKey;
  readonly responses: Cell<number>;
  readonly students: Cell<number> | null;
  /** item id → statistics; n = respondents with a valid answer */
  readonly items: Readonly<Record<string, Cell<ItemStats>>>;
}

export interface ItemTable {
  readonly instrument: InstrumentLabel;
  readonly privacy: PrivacyNote;
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  readonly items: readonly ItemInfo[];
  readonly total: ItemGroup;
  readonly groups: readonly ItemGroup[];
}

/** Checks item ids (free-text items belong to openAnswers); all non-text items when none are named. */
export function selectItems(
  instrument: Instrument,
  ids: readonly string[] | undefined,
  accept: (type: string) => boolean,
): Result<string[]> {
  const eligible = instrument.items.filter((i) => accept(i.type)).map((i) => i.id);
  if (ids === undefined) return ok(eligible);
  const errors: Problem[] = ids
    .filter((id) => !eligible.includes(id))
    .map((id) => ({
      code: "analysis-unknown-item",
      message: msg.unknownItem(id, eligible),
      value: id,
    }));
  return errors.length > 0 ? fail(errors) : ok([...ids]);
}

/** Per item and group: n, distribution over every label and kind of missing, mean, median, SD, top-2-box. */
export function summariseItems(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: ItemSummaryOptions = {},
): Result<ItemTable> {
  const privacy = options.privacy ?? defaultPrivacy;
  const part = partition(instrument, responses, options);
  if (!part.ok) return part;
  const selected = selectItems(instrument, options.items, (t) => t !== "text");
  if (!selected.ok) return selected;
  const index = indexInstrument(instrument);
  const table = suppressTable(
    buildRawTable(part.value, selected.value, (rs, id) => itemStats(index, rs, id)),
    ruleFor(privacy, part.value),
  );
  const group = (row: (typeof table)["total"]): ItemGroup => ({
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
    items: selected.value.map((id) => itemInfo(index, index.items.get(id)!)),
    total: group(table.total),
    groups: table.groups.map(group),
  });
}
