// Sample covariance matrix of complete item rows: every reliability statistic is a function of it.

/** C_ij = Σ_r (x_ri − x̄_i)(x_rj − x̄_j) / (n − 1), k × k row-major; null when n < 2 */
export function itemCovariance(rows: readonly (readonly number[])[], k: number): Float64Array | null {
  const n = rows.length;
  if (n < 2) return null;
  const means = new Float64Array(k);
  for (const row of rows) for (let i = 0; i < k; i++) means[i]! += row[i]!;
  for (let i = 0; i < k; i++) means[i]! /= n;
  const cov = new Float64Array(k * k);
  const centred = new Float64Array(k);
  for (const row of rows) {
    for (let i = 0; i < k; i++) centred[i] = row[i]! - means[i]!;
    for (let i = 0; i < k; i++) {
      const ci = centred[i]!;
      for (let j = i; j < k; j++) cov[i * k + j]! += ci * centred[j]!;
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const value = cov[i * k + j]! / (n - 1);
      cov[i * k + j] = value;
      cov[j * k + i] = value;
    }
  }
  return cov;
}

/** Per-item sums the drop-one statistics need: trace, grand total, row sums of C. */
export interface CovarianceSums {
  readonly trace: number;
  readonly total: number;
  readonly rowSums: Float64Array;
}

/** trace = Σ C_ii, total = Σ_ij C_ij (variance of the sum score), rowSums_i = Σ_j C_ij */
export function covarianceSums(cov: Float64Array, k: number): CovarianceSums {
  const rowSums = new Float64Array(k);
  let trace = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    trace += cov[i * k + i]!;
    for (let j = 0; j < k; j++) rowSums[i]! += cov[i * k + j]!;
    total += rowSums[i]!;
  }
  return { trace, total, rowSums };
}
