// Alpha of the scale without each item in turn (psych::alpha's alpha.drop raw_alpha), on the
// complete rows of the full scale so every entry compares like with like.

import { completeRows } from "./complete-rows.js";
import { alphaFromSums } from "./cronbach-alpha.js";
import { covarianceSums, itemCovariance } from "./item-covariance.js";

/** α₋ⱼ = (k−1)/(k−2) · (1 − (trace − C_jj) / (ΣC − 2·Σ_i C_ij + C_jj)); null per item when undefined (k < 3, n < 2) */
export function alphaIfDropped(matrix: readonly (readonly (number | null)[])[]): (number | null)[] {
  const { rows, k } = completeRows(matrix);
  return alphaIfDroppedFromCovariance(itemCovariance(rows, k), k);
}

/** The same from a precomputed item covariance matrix. */
export function alphaIfDroppedFromCovariance(cov: Float64Array | null, k: number): (number | null)[] {
  if (cov === null) return new Array<number | null>(k).fill(null);
  const { trace, total, rowSums } = covarianceSums(cov, k);
  return Array.from({ length: k }, (_, j) => {
    const cjj = cov[j * k + j]!;
    return alphaFromSums(k - 1, trace - cjj, total - 2 * rowSums[j]! + cjj);
  });
}
