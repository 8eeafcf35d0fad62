// The item covariance matrix from sums the database computes over complete rows: n, Σxᵢ and Σxᵢxⱼ.
// Item codes are whole numbers, so these sums are exact and so is every reliability statistic.

/** C_ij = (Σxᵢxⱼ − Σxᵢ·Σxⱼ / n) / (n − 1); products row by row for j ≥ i; null when n < 2 */
export function covarianceFromSums(
  n: number,
  sums: readonly number[],
  products: readonly number[],
): Float64Array | null {
  const k = sums.length;
  if (products.length !== (k * (k + 1)) / 2)
    throw new RangeError(`${products.length} products for ${k} items, expected ${(k * (k + 1)) / 2}`);
  if (n < 2) return null;
  const cov = new Float64Array(k * k);
  let p = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const centred = products[p++]! - (sums[i]! * sums[j]!) / n;
      // Below rounding of the raw sums it is zero: no spread is no spread, not ±1e-16.
      const scale = Math.abs(products[p - 1]!) + Math.abs((sums[i]! * sums[j]!) / n);
      const value = Math.abs(centred) <= scale * 1e-12 ? 0 : centred / (n - 1);
      cov[i * k + j] = value;
      cov[j * k + i] = value;
    }
  }
  return cov;
}
