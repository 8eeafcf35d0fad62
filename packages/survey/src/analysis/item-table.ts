import type { Instrument, Item, Problem, Result } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import type { Cell } from "./cell.js";
import { type PrivacyNote, privacyNote } from "./construct-table.js";
import type { GroupData, GroupedData } from "./group-data.js";
import type { GroupKey, GroupPlan } from "./group-plan.js";
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

export interface ItemTableOptions {
  /** item ids; every eligible item by default */
  readonly items?: readonly string[];
  readonly privacy?: PrivacySettings;
}

export interface ItemTableSpec<T, I extends ItemInfo> {
  /** which items may be asked for (and are taken when none are named) */
  eligible: (item: Item, index: InstrumentIndex) => boolean;
  /** the value of one item in one group, with the responses it rests on */
  compute: (index: InstrumentIndex, group: GroupData, item: Item) => { n: number; value: T | null };
  /** free text: the kText threshold instead of k */
  text?: boolean;
  describe?: (index: InstrumentIndex, item: Item) => I;
}

/** The eligible items of an instrument for a spec, checked against the ids asked for. */
export function itemsFor<T, I extends ItemInfo>(
  instrument: Instrument,
  ids: readonly string[] | undefined,
  spec: Pick<ItemTableSpec<T, I>, "eligible">,
): Result<string[]> {
  const index = indexInstrument(instrument);
  const eligible = instrument.items.filter((i) => spec.eligible(i, index)).map((i) => i.id);
  if (ids === undefined) return ok(eligible);
  const errors: Problem[] = ids
    .filter((id) => !eligible.includes(id))
    .map((id) => ({ code: "analysis-unknown-item", message: msg.unknownItem(id, eligible), value: id }));
  return errors.length > 0 ? fail(errors) : ok([...ids]);
}

/**
 * The one path of every item table: select the items, compute per group, and suppress (in
 * suppress.ts) before anything is returned.
 */
export function buildItemTable<T, I extends ItemInfo = ItemInfo>(
  instrument: Instrument,
  plan: GroupPlan,
  data: GroupedData,
  options: ItemTableOptions,
  spec: ItemTableSpec<T, I>,
): Result<GenericItemTable<T, I>> {
  const privacy = options.privacy ?? defaultPrivacy;
  const selected = itemsFor(instrument, options.items, spec);
  if (!selected.ok) return selected;
  const index = indexInstrument(instrument);
  const raw = buildRawTable<T>(
    plan,
    data,
    selected.value,
    (group, id): ColumnValue<T> => {
      const { n, value } = spec.compute(index, group, index.items.get(id)!);
      return {
        responses: n,
        students: group.students?.items[id] ?? (group.students === null ? null : new Set()),
        value,
      };
    },
    "item",
  );
  const table = suppressTable(raw, ruleFor(privacy, plan, spec.text ?? false));
  const group = (row: SuppressedRow<T>): ItemTableGroup<T> => ({
    key: row.key,
    responses: row.responses,
    students: row.students,
    items: row.cells,
  });
  const describe = spec.describe ?? ((ix: InstrumentIndex, item: Item) => itemInfo(ix, item) as I);
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, plan.studentDimension !== null),
    scope: plan.scope,
    by: plan.by,
    items: selected.value.map((id) => describe(index, index.items.get(id)!)),
    total: group(table.total),
    groups: table.groups.map(group),
  });
}
