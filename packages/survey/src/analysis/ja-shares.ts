import type { Instrument, ResponseScale, Result, SurveyResponse } from "@zaz/model";
import { ok } from "@zaz/model";
import { wilsonInterval } from "../stats/wilson-interval.js";
import { type PrivacyNote, privacyNote } from "./aggregate-constructs.js";
import type { Cell } from "./cell.js";
import type { Interval } from "./construct-stats.js";
import { type GroupingRequest, type GroupKey, partition } from "./grouping.js";
import { agreeCodes, type InstrumentIndex, indexInstrument, scaleOf } from "./instrument-index.js";
import { itemAnswer } from "./item-stats.js";
import { type InstrumentLabel, type ItemInfo, instrumentLabel, itemInfo } from "./labels.js";
import { defaultPrivacy, type PrivacySettings } from "./privacy-settings.js";
import type { ColumnValue } from "./raw-table.js";
import { buildRawTable } from "./raw-table.js";
import { selectItems } from "./summarise-items.js";
import { ruleFor, suppressTable } from "./suppress.js";

/** The share of JA among the JA and NEE answers to one observation item. n = JA + NEE. */
export interface JaShare {
  readonly ja: number;
  readonly nee: number;
  readonly share: number;
  /** 95% Wilson interval */
  readonly ci: Interval;
  /** answers "n.v.t." or left empty where the item applied (not in the share) */
  readonly missing: number;
}

export interface JaGroup {
  readonly key: GroupKey;
  readonly responses: Cell<number>;
  readonly students: Cell<number> | null;
  readonly items: Readonly<Record<string, Cell<JaShare>>>;
}

export interface JaTable {
  readonly instrument: InstrumentLabel;
  readonly privacy: PrivacyNote;
  readonly scope: GroupKey;
  readonly by: readonly { readonly id: string; readonly label: string }[];
  /** the JA/NEE items, with their section and form */
  readonly items: readonly ItemInfo[];
  readonly total: JaGroup;
  readonly groups: readonly JaGroup[];
}

export interface JaShareOptions extends GroupingRequest {
  readonly items?: readonly string[];
  readonly privacy?: PrivacySettings;
}

/** A JA/NEE scale: two labels, JA being the agreeing one (the scale's `agree`, else the higher code). */
function isJaNee(scale: ResponseScale | undefined): scale is ResponseScale {
  return scale !== undefined && scale.labels.length === 2;
}

function jaShare(
  index: InstrumentIndex,
  responses: readonly SurveyResponse[],
  itemId: string,
): ColumnValue<JaShare> {
  const item = index.items.get(itemId);
  const scale = item === undefined ? undefined : scaleOf(index, item);
  if (item === undefined || !isJaNee(scale)) throw new RangeError(`${itemId} is not a JA/NEE item`);
  const ja = agreeCodes(scale);
  const jaCode = [...ja].find((c) => scale.labels.some((l) => l.code === c));
  const contributors: SurveyResponse[] = [];
  let yes = 0;
  let missing = 0;
  for (const r of responses) {
    const answer = itemAnswer(item, index, r);
    if (answer === null) continue;
    const code = answer.codes[0];
    if (code === undefined) {
      if (answer.missing !== null) missing++;
      continue;
    }
    contributors.push(r);
    if (code === jaCode) yes++;
  }
  const interval = wilsonInterval(yes, contributors.length);
  return {
    contributors,
    value:
      interval === null
        ? null
        : {
            ja: yes,
            nee: contributors.length - yes,
            share: interval.p,
            ci: { low: interval.low, high: interval.high, level: interval.level },
            missing,
          },
  };
}

/** Observation items scored JA/NEE: per group the share of JA with a Wilson interval. */
export function jaShares(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: JaShareOptions = {},
): Result<JaTable> {
  const privacy = options.privacy ?? defaultPrivacy;
  const part = partition(instrument, responses, options);
  if (!part.ok) return part;
  const index = indexInstrument(instrument);
  const janeeItems = new Set(
    instrument.items.filter((i) => i.type === "scale" && isJaNee(scaleOf(index, i))).map((i) => i.id),
  );
  const selected = selectItems(
    { ...instrument, items: instrument.items.filter((i) => janeeItems.has(i.id)) },
    options.items,
    () => true,
  );
  if (!selected.ok) return selected;
  const table = suppressTable(
    buildRawTable(part.value, selected.value, (rs, id) => jaShare(index, rs, id)),
    ruleFor(privacy, part.value),
  );
  const group = (row: (typeof table)["total"]): JaGroup => ({
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
