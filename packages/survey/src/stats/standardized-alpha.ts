// Standardised alpha (psych::alpha's std.alpha): alpha of the items after each is scaled to unit
// variance, k·r̄ / (1 + (k − 1)·r̄) with r̄ the mean inter-item correlation.

/** null when k < 2 or an item has no variance */
export function standardizedAlpha(cov: Float64Array | null, k: number): number | null {
  if (cov === null || k < 2) return null;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const vi = cov[i * k + i]!;
      const vj = cov[j * k + j]!;
      if (!(vi > 0 && vj > 0)) return null;
      sum += cov[i * k + j]! / Math.sqrt(vi * vj);
    }
  }
  const r = sum / ((k * (k - 1)) / 2);
  return (k * r) / (1 + (k - 1) * r);
}
