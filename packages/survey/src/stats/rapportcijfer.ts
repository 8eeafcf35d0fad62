// Scale means shown as a Dutch school mark (rapportcijfer, 1–10), as Vensters does: a linear map of the
// scale's range onto 1..10, so the lowest answer is a 1 and the highest a 10.

/** cijfer = 1 + 9·(mean − min)/(max − min) */
export function rescaleToRapportcijfer(mean: number, scaleMin: number, scaleMax: number): number {
  assertScale(scaleMin, scaleMax);
  if (!(mean >= scaleMin && mean <= scaleMax)) {
    throw new RangeError(`rapportcijfer: mean ${mean} lies outside the scale ${scaleMin}..${scaleMax}`);
  }
  return 1 + (9 * (mean - scaleMin)) / (scaleMax - scaleMin);
}

/**
 * The same map reduced to (multiplier × gemiddelde + constant) / divisor with integers in lowest terms:
 * 1 + 9(m − min)/(max − min) = (9m + (max − min) − 9·min)/(max − min). Null for non-integer scale ends,
 * where the unreduced form is the honest one.
 */
export interface RapportcijferFormula {
  readonly multiplier: number;
  readonly constant: number;
  readonly divisor: number;
}

/** e.g. 1..4 → {3, −2, 1} (3 × gemiddelde − 2), 1..5 → {9, −5, 4} ((9 × gemiddelde − 5) / 4) */
export function rapportcijferFormula(scaleMin: number, scaleMax: number): RapportcijferFormula | null {
  assertScale(scaleMin, scaleMax);
  if (!Number.isSafeInteger(scaleMin) || !Number.isSafeInteger(scaleMax)) return null;
  const range = scaleMax - scaleMin;
  const constant = range - 9 * scaleMin;
  const common = gcd(gcd(9, Math.abs(constant)), range);
  return { multiplier: 9 / common, constant: constant / common, divisor: range / common };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function assertScale(scaleMin: number, scaleMax: number): void {
  if (!(Number.isFinite(scaleMin) && Number.isFinite(scaleMax) && scaleMax > scaleMin)) {
    throw new RangeError(`rapportcijfer: scale ${scaleMin}..${scaleMax} is not a range`);
  }
}
