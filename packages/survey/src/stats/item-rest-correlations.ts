// Corrected item–total ("item–rest") correlation: each item against the sum of the other items
// (psych::alpha's r.drop). A negative value usually means an item that should have been reverse-coded.

import { completeRows } from "./complete-rows.js";
import { covarianceSums, itemCovariance } from "./item-covariance.js";

/** r_j = cov(x_j, R_j) / √(var x_j · var R_j), R_j = Σ_{i≠j} x_i, on complete rows; null when a variance is 0 or n < 2 */
export function itemRestCorrelations(matrix: readonly (readonly (number | null)[])[]): (number | null)[] {
  const { rows, k } = completeRows(matrix);
  return itemRestFromCovariance(itemCovariance(rows, k), k);
}

/** The same from a precomputed item covariance matrix. */
export function itemRestFromCovariance(cov: Float64Array | null, k: number): (number | null)[] {
  if (cov === null || k < 2) return new Array<number | null>(k).fill(null);
  const { total, rowSums } = covarianceSums(cov, k);
  return Array.from({ length: k }, (_, j) => {
    const cjj = cov[j * k + j]!;
    const covWithRest = rowSums[j]! - cjj;
    const restVariance = total - 2 * rowSums[j]! + cjj;
    // a rest that varies only by rounding does not vary
    if (!(cjj > 0 && restVariance > 1e-12 * Math.abs(total))) return null;
    return covWithRest / Math.sqrt(cjj * restVariance);
  });
}

/** Indices of items whose item–rest correlation is below zero: candidates for a missed reverse-coding. */
export function flagNegativeItemRest(correlations: readonly (number | null)[]): number[] {
  const flagged: number[] = [];
  for (const [index, r] of correlations.entries()) if (r !== null && r < 0) flagged.push(index);
  return flagged;
}
