import type { ResponseScale } from "@zaz/model";
import { wilsonInterval } from "../stats/wilson-interval.js";
import type { Interval } from "./construct-stats.js";
import { agreeCodes, scaleRange } from "./instrument-index.js";
import type { ItemStats } from "./item-stats.js";

/** An item's mean and agreement in the direction its scale score counts them. */
export interface ScoredItem {
  readonly mean: number | null;
  readonly agreeShare: number | null;
  readonly agreeCi: Interval | null;
}

/**
 * The mean and top-2-box of an item as its construct scores it. For a reverse-coded item
 * ("Ik voel me niet altijd welkom") the code c counts as min + max − c, so its mean mirrors and
 * its "agreement" is the share whose scored code is an agree code: those who disagreed with the
 * negative statement. Other items are returned as they are. `n` is the item's valid answers.
 */
export function scoredItem(
  item: { readonly reverse: boolean },
  scale: ResponseScale,
  stats: ItemStats,
  n: number,
): ScoredItem {
  if (!item.reverse) return { mean: stats.mean, agreeShare: stats.agreeShare, agreeCi: stats.agreeCi };
  const { min, max } = scaleRange(scale);
  const agree = agreeCodes(scale);
  let yes = 0;
  for (const a of stats.distribution) if (a.code !== null && agree.has(min + max - a.code)) yes += a.count;
  const w = n > 0 && yes <= n ? wilsonInterval(yes, n) : null;
  return {
    mean: stats.mean === null ? null : min + max - stats.mean,
    agreeShare: n > 0 ? yes / n : null,
    agreeCi: w === null ? null : { low: w.low, high: w.high, level: w.level },
  };
}
