// Confidence interval for a proportion: Wilson's score interval, which stays inside [0, 1] and behaves
// for small groups and shares near 0 or 1, unlike p ± z·√(p(1−p)/n). R: prop.test(x, n, correct = FALSE).

import { assertLevel } from "./confidence-level.js";
import { normalQuantile } from "./normal.js";

export interface ProportionInterval {
  readonly p: number;
  readonly low: number;
  readonly high: number;
  readonly successes: number;
  readonly n: number;
  readonly level: number;
}

/** (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1−(1−level)/2); null when n = 0 */
export function wilsonInterval(successes: number, n: number, level = 0.95): ProportionInterval | null {
  assertLevel(level);
  if (!(Number.isInteger(successes) && Number.isInteger(n) && successes >= 0 && successes <= n)) {
    throw new RangeError(`wilsonInterval: need integers 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  }
  if (n === 0) return null;
  const p = successes / n;
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  // At p̂ = 0 or 1 the bound is exactly 0 or 1; say so rather than leave a rounding residue.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return { p, low, high, successes, n, level };
}
