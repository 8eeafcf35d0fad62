// Confidence interval for Cronbach's alpha after Feldt (1965): (1 − ρ)/(1 − α̂) ~ F(n−1, (n−1)(k−1)).
// Same orientation as psych::alpha.ci.

import { assertLevel } from "./confidence-level.js";
import { fQuantile } from "./f-distribution.js";

export interface AlphaInterval {
  readonly alpha: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
}

/** low = 1 − (1−α)·F_{1−γ/2}(n−1, (n−1)(k−1)), high = 1 − (1−α)·F_{γ/2}(…), γ = 1 − level; null when n < 2 or k < 2 */
export function feldtInterval(alpha: number, n: number, k: number, level = 0.95): AlphaInterval | null {
  assertLevel(level);
  if (n < 2 || k < 2) return null;
  const d1 = n - 1;
  const d2 = (n - 1) * (k - 1);
  const gamma = 1 - level;
  const low = 1 - (1 - alpha) * fQuantile(1 - gamma / 2, d1, d2);
  const high = 1 - (1 - alpha) * fQuantile(gamma / 2, d1, d2);
  return { alpha, low, high, level };
}
