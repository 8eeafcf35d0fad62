// Everything a reliability table shows for one scale, from a single covariance pass over complete rows.

import { alphaIfDroppedFromCovariance } from "./alpha-if-dropped.js";
import { completeRows } from "./complete-rows.js";
import { alphaFromCovariance, type CronbachAlpha } from "./cronbach-alpha.js";
import { type AlphaInterval, feldtInterval } from "./feldt-interval.js";
import { itemCovariance } from "./item-covariance.js";
import { flagNegativeItemRest, itemRestFromCovariance } from "./item-rest-correlations.js";

export interface ScaleReliability extends CronbachAlpha {
  /** Feldt interval of alpha; null when alpha is */
  readonly interval: AlphaInterval | null;
  /** per item, in column order */
  readonly alphaIfDropped: readonly (number | null)[];
  /** per item: correlation with the sum of the other items (r.drop) */
  readonly itemRest: readonly (number | null)[];
  /** column indices with a negative item–rest correlation (likely not reverse-coded) */
  readonly negativeItemRest: readonly number[];
}

/** cronbachAlpha + feldtInterval + alphaIfDropped + itemRestCorrelations, listwise, matrix respondents × items */
export function scaleReliability(
  matrix: readonly (readonly (number | null)[])[],
  level = 0.95,
): ScaleReliability {
  const { rows, k, excluded } = completeRows(matrix);
  const cov = itemCovariance(rows, k);
  const summary = alphaFromCovariance(cov, rows.length, k, excluded);
  const itemRest = itemRestFromCovariance(cov, k);
  return {
    ...summary,
    interval: summary.alpha === null ? null : feldtInterval(summary.alpha, summary.n, k, level),
    alphaIfDropped: alphaIfDroppedFromCovariance(cov, k),
    itemRest,
    negativeItemRest: flagNegativeItemRest(itemRest),
  };
}
