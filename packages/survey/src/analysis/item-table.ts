import type { Instrument, Item, Problem, Result, SurveyResponse } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import { type PrivacyNote, privacyNote } from "./aggregate-constructs.js";
import type { Cell } from "./cell.js";
import { type GroupingRequest, type GroupKey, partition } from "./grouping.js";
import { type InstrumentIndex, indexInstrument } from "./instrument-index.js";
import { type InstrumentLabel, type ItemInfo, instrumentLabel, itemInfo } from "./labels.js";
import { analysisMessages as msg } from "./messages.js";
import { defaultPrivacy, type PrivacySettings } from "./privacy-settings.js";
import { buildRawTable, type ColumnValue } from "./raw-table.js";
import { ruleFor, type SuppressedRow, suppressTable } from "./suppress.js";

/** One group of an item table: its counts and, per item, a suppressed cell. */
export interface ItemTableGroup<T> {
  readonly key: GroupKey;
  readonly responses: Cell<number>;
  readonly students: Cell<number> | null;
  readonly items: Readonly<Record<string, Cell<T>>>;
}

/** Items as columns, groups as rows — the shape of summariseItems, jaShares and openAnswers. */
export interface GenericItemTable<T, I extends ItemInfo = ItemInfo> {
  readonly instrument: InstrumentLabel;
  readonly privacy: PrivacyNote;
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  readonly items: readonly I[];
  readonly total: ItemTableGroup<T>;
  readonly groups: readonly ItemTableGroup<T>[];
}

export interface ItemTableSpec<T, I extends ItemInfo> {
  /** which items may be asked for (and are taken when none are named) */
  eligible: (item: Item, index: InstrumentIndex) => boolean;
  compute: (index: InstrumentIndex, responses: readonly SurveyResponse[], item: string) => ColumnValue<T>;
  /** free text: the kText threshold instead of k */
  text?: boolean;
  describe?: (index: InstrumentIndex, item: Item) => I;
}

/**
 * The one path of every item table: check scope and grouping, select the items, compute per group,
 * and suppress (in suppress.ts) before anything is returned.
 */
export function buildItemTable<T, I extends ItemInfo = ItemInfo>(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: GroupingRequest & { readonly items?: readonly string[]; readonly privacy?: PrivacySettings },
  spec: ItemTableSpec<T, I>,
): Result<GenericItemTable<T, I>> {
  const privacy = options.privacy ?? defaultPrivacy;
  const part = partition(instrument, responses, options);
  if (!part.ok) return part;
  const index = indexInstrument(instrument);
  const eligible = instrument.items.filter((i) => spec.eligible(i, index));
  const selected = selectItems({ ...instrument, items: eligible }, options.items, () => true);
  if (!selected.ok) return selected;
  const table = suppressTable(
    buildRawTable(part.value, selected.value, (rs, id) => spec.compute(index, rs, id)),
    ruleFor(privacy, part.value, spec.text ?? false),
  );
  const group = (row: SuppressedRow<T>): ItemTableGroup<T> => ({
    key: row.key,
    responses: row.responses,
    students: row.students,
    items: row.cells,
  });
  const describe = spec.describe ?? ((ix: InstrumentIndex, item: Item) => itemInfo(ix, item) as I);
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, part.value.studentDimension !== null),
    scope: part.value.scope,
    by: part.value.by,
    items: selected.value.map((id) => describe(index, index.items.get(id)!)),
    total: group(table.total),
    groups: table.groups.map(group),
  });
}

/** Checks requested item ids against the eligible ones; all eligible items when none are named. */
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
