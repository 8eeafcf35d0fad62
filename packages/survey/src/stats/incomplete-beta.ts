// Regularised incomplete beta function and its inverse: the engine behind the t and F
// distributions. Written out here (no numeric library) so every quantile is checkable against R.

import { logBeta } from "./log-gamma.js";

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_FRACTION_TERMS = 100_000;
const MAX_SOLVER_STEPS = 400;

/** Both tails of the regularised incomplete beta function: lower = I_x(a, b), upper = 1 − I_x(a, b). */
export interface BetaTails {
  readonly lower: number;
  readonly upper: number;
}

/**
 * I_x(a, b) = x^a (1−x)^b / (a·B(a, b)) · CF(x), continued fraction by modified Lentz; both tails.
 * `y` is 1 − x; callers that derived x from a ratio pass y computed directly so no precision is lost near 1.
 */
export function regularizedBeta(x: number, a: number, b: number, y: number = 1 - x): BetaTails {
  if (!(a > 0 && b > 0)) throw new RangeError(`regularizedBeta: a and b must be positive (a=${a}, b=${b})`);
  if (Number.isNaN(x) || Number.isNaN(y)) throw new RangeError("regularizedBeta: x is NaN");
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  const logFront = a * Math.log(x) + b * Math.log(y) - logBeta(a, b);
  // The fraction converges fast only left of the mode; otherwise use I_x(a,b) = 1 − I_y(b,a).
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (Math.exp(logFront) * betaContinuedFraction(y, b, a)) / b;
  return { lower: 1 - upper, upper };
}

/** Continued fraction of the incomplete beta function (Numerical Recipes §6.4), modified Lentz. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_FRACTION_TERMS; m++) {
    const m2 = 2 * m;
    // Even step.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  throw new Error(`betaContinuedFraction did not converge (x=${x}, a=${a}, b=${b})`);
}

/** A point x of the unit interval together with y = 1 − x, each accurate in its own right. */
export interface UnitPair {
  readonly x: number;
  readonly y: number;
}

/**
 * x such that I_x(a, b) = p (lower tail) or 1 − I_x(a, b) = p (upper tail): safeguarded Newton
 * iteration with a bisection fallback, run on whichever of x or 1 − x is the smaller so that a
 * quantile near 1 keeps its relative precision.
 */
export function inverseRegularizedBeta(
  p: number,
  a: number,
  b: number,
  tail: "lower" | "upper" = "lower",
): UnitPair {
  if (!(a > 0 && b > 0))
    throw new RangeError(`inverseRegularizedBeta: a and b must be positive (a=${a}, b=${b})`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`inverseRegularizedBeta: p must be in [0, 1], got ${p}`);
  const lowerP = tail === "lower" ? p : 1 - p;
  if ((tail === "lower" && p === 0) || (tail === "upper" && p === 1)) return { x: 0, y: 1 };
  if ((tail === "lower" && p === 1) || (tail === "upper" && p === 0)) return { x: 1, y: 0 };
  const guess = initialGuess(lowerP, a, b);
  if (guess <= 0.5) return solve(p, a, b, tail, guess);
  // Solve for y = 1 − x instead: I_x(a, b) = 1 − I_y(b, a), so the tails swap.
  const swapped = solve(p, b, a, tail === "lower" ? "upper" : "lower", 1 - guess);
  return { x: swapped.y, y: swapped.x };
}

function solve(p: number, a: number, b: number, tail: "lower" | "upper", guess: number): UnitPair {
  const logB = logBeta(a, b);
  // g(x) = tail(x) − p; the lower tail increases in x, the upper tail decreases.
  const sign = tail === "lower" ? 1 : -1;
  let lo = 0;
  let hi = 1;
  let x = Math.min(Math.max(guess, Number.MIN_VALUE), 1 - EPSILON);
  for (let step = 0; step < MAX_SOLVER_STEPS; step++) {
    const tails = regularizedBeta(x, a, b);
    const g = (tail === "lower" ? tails.lower : tails.upper) - p;
    if (g === 0) break;
    if (sign * g > 0) hi = x;
    else lo = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB);
    let next = x - g / (sign * density);
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      // Newton left the bracket: bisect (geometrically when the bracket spans many magnitudes).
      next = lo > 0 && hi / lo > 1e3 ? Math.sqrt(lo * hi) : lo === 0 && hi < 1e-3 ? hi / 1e3 : (lo + hi) / 2;
    }
    if (Math.abs(next - x) <= 1e-15 * x || hi - lo <= 1e-16 * hi) {
      x = next;
      break;
    }
    x = next;
  }
  return { x, y: 1 - x };
}

/** Starting point (Numerical Recipes §6.4, after Abramowitz & Stegun 26.5.22). */
function initialGuess(p: number, a: number, b: number): number {
  let x: number;
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    x = a / (a + b * Math.exp(2 * w));
  } else {
    const lna = Math.log(a / (a + b));
    const lnb = Math.log(b / (a + b));
    const t = Math.exp(a * lna) / a;
    const u = Math.exp(b * lnb) / b;
    const w = t + u;
    x = p < t / w ? (a * w * p) ** (1 / a) : 1 - (b * w * (1 - p)) ** (1 / b);
  }
  return Number.isFinite(x) ? Math.min(Math.max(x, 1e-300), 1 - 1e-16) : 0.5;
}
