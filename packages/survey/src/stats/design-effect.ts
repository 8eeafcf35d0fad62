// Respondents of one groep resemble each other (the same teacher, the same class): a school's mean
// over its groepen rests on less information than its n suggests. The intra-class correlation
// (one-way ANOVA, ICC(1)) measures the resemblance, the design effect (Kish) how much the variance
// of the mean grows: deff = 1 + (m − 1)·ICC, m = Σ nⱼ² / N, ICC taken as 0 when negative.

export interface ClusterSummary {
  readonly n: number;
  readonly mean: number;
  /** sample variance of the cluster; 0 for a single respondent */
  readonly variance: number;
}

export interface DesignEffect {
  /** ICC(1); may be negative (less alike than chance) */
  readonly icc: number;
  /** ≥ 1 */
  readonly deff: number;
  readonly clusters: number;
}

/** null with fewer than 2 clusters, or when no variance is left to compare */
export function designEffect(clusters: readonly ClusterSummary[]): DesignEffect | null {
  const used = clusters.filter((c) => c.n > 0);
  const J = used.length;
  const N = used.reduce((s, c) => s + c.n, 0);
  if (J < 2 || N <= J) return null;
  const grand = used.reduce((s, c) => s + c.n * c.mean, 0) / N;
  let between = 0;
  let within = 0;
  let squares = 0;
  for (const c of used) {
    between += c.n * (c.mean - grand) ** 2;
    within += (c.n - 1) * c.variance;
    squares += c.n * c.n;
  }
  const msb = between / (J - 1);
  const msw = within / (N - J);
  const n0 = (N - squares / N) / (J - 1);
  const denominator = msb + (n0 - 1) * msw;
  if (!(denominator > 0)) return null;
  const icc = (msb - msw) / denominator;
  const m = squares / N;
  return { icc, deff: 1 + (m - 1) * Math.max(0, icc), clusters: J };
}
