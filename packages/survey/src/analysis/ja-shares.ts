import type { Instrument, ResponseScale, Result, SurveyResponse } from "@zaz/model";
import { wilsonInterval } from "../stats/wilson-interval.js";
import type { Interval } from "./construct-stats.js";
import type { GroupingRequest } from "./grouping.js";
import { agreeCodes, type InstrumentIndex, scaleOf } from "./instrument-index.js";
import { itemAnswer } from "./item-stats.js";
import { buildItemTable, type GenericItemTable, type ItemTableGroup } from "./item-table.js";
import type { PrivacySettings } from "./privacy-settings.js";
import type { ColumnValue } from "./raw-table.js";

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

export type JaGroup = ItemTableGroup<JaShare>;

export type JaTable = GenericItemTable<JaShare>;

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
  return buildItemTable(instrument, responses, options, {
    eligible: (item, index) => item.type === "scale" && isJaNee(scaleOf(index, item)),
    compute: (index, rs, id) => jaShare(index, rs, id),
  });
}
