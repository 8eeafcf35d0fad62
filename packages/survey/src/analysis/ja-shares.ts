import type { Instrument, ResponseScale, Result } from "@zaz/model";
import { wilsonInterval } from "../stats/wilson-interval.js";
import type { Interval } from "./construct-stats.js";
import type { GroupedData } from "./group-data.js";
import type { GroupPlan } from "./group-plan.js";
import { agreeCodes, type InstrumentIndex, scaleOf } from "./instrument-index.js";
import {
  buildItemTable,
  type GenericItemTable,
  type ItemTableGroup,
  type ItemTableOptions,
} from "./item-table.js";

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

export type JaShareOptions = ItemTableOptions;

/** A JA/NEE scale: two labels, JA being the agreeing one (the scale's `agree`, else the higher code). */
function isJaNee(scale: ResponseScale | undefined): scale is ResponseScale {
  return scale !== undefined && scale.labels.length === 2;
}

/** Which items a JA share takes: scale items on a two-label scale. */
export const jaItems = {
  eligible: (item: { type: string; scale?: string | undefined }, index: InstrumentIndex) =>
    item.type === "scale" && isJaNee(scaleOf(index, item as Parameters<typeof scaleOf>[1])),
};

/** Observation items scored JA/NEE: per group the share of JA with a Wilson interval. */
export function jaShares(
  instrument: Instrument,
  plan: GroupPlan,
  data: GroupedData,
  options: JaShareOptions = {},
): Result<JaTable> {
  return buildItemTable(instrument, plan, data, options, {
    ...jaItems,
    compute: (index, group, item) => {
      const scale = scaleOf(index, item);
      if (!isJaNee(scale)) throw new RangeError(`${item.id} is not a JA/NEE item`);
      const jaCode = [...agreeCodes(scale)].find((c) => scale.labels.some((l) => l.code === c));
      let yes = 0;
      let n = 0;
      let missing = 0;
      for (const f of group.items[item.id] ?? []) {
        if (f.value !== null && scale.labels.some((l) => l.code === f.value)) {
          n += f.count;
          if (f.value === jaCode) yes += f.count;
        } else if (f.missing !== null) missing += f.count;
      }
      const w = wilsonInterval(yes, n);
      return {
        n,
        value:
          w === null
            ? null
            : {
                ja: yes,
                nee: n - yes,
                share: w.p,
                ci: { low: w.low, high: w.high, level: w.level },
                missing,
              },
      };
    },
  });
}
