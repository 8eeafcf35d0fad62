import { meanDifferenceInterval } from "@zaz/survey";

/**
 * A school against its reference group, from cells the release shows: the school × wave cell and
 * the board × wave cell. "The other schools of the board" is their difference, so it says nothing
 * that the two shown cells do not already say.
 */

/** A shown cell's summary: mean, sample SD, n, and the design effect its interval was widened by. */
export interface GroupSummary {
  readonly mean: number;
  readonly sd: number | null;
  readonly n: number;
  /** 1 where the cell has none */
  readonly deff: number;
}

/** The part's complement within the whole (the board without this school), from sums and sums of squares. */
export function restOf(
  whole: GroupSummary,
  part: GroupSummary,
): { mean: number; sd: number; n: number } | null {
  const n = whole.n - part.n;
  if (n < 2 || whole.sd === null) return null;
  const sumSquares = (g: GroupSummary) => (g.n - 1) * (g.sd ?? 0) ** 2 + g.n * g.mean ** 2;
  const mean = (whole.n * whole.mean - part.n * part.mean) / n;
  const variance = (sumSquares(whole) - sumSquares(part) - n * mean ** 2) / (n - 1);
  // rounding can leave a tiny negative variance for a constant rest
  return { mean, sd: Math.sqrt(Math.max(0, variance)), n };
}

export interface RestDifference {
  /** school mean − mean of the other schools */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
  readonly restN: number;
}

/**
 * The school against the rest of its board: Welch's 95% interval, each side's variance widened by
 * its design effect (respondents of one groep resemble each other), as the change between waves.
 */
export function differenceFromRest(school: GroupSummary, board: GroupSummary): RestDifference | null {
  const rest = restOf(board, school);
  if (rest === null || school.sd === null) return null;
  const ci = meanDifferenceInterval(
    { mean: school.mean, sd: school.sd * Math.sqrt(school.deff), n: school.n },
    { mean: rest.mean, sd: rest.sd * Math.sqrt(board.deff), n: rest.n },
  );
  if (ci === null) return null;
  return { difference: ci.difference, low: ci.low, high: ci.high, n: school.n, restN: rest.n };
}

export interface Position {
  /** other schools with a lower mean */
  readonly below: number;
  readonly ties: number;
  /** other schools with a shown mean */
  readonly count: number;
  /** 100 × (below + ties / 2) / count: the share of the other schools this school is above */
  readonly percentile: number;
}

/** The school's position among the other schools' shown means; null when there are none. */
export function positionAmong(own: number, others: readonly number[]): Position | null {
  if (others.length === 0) return null;
  const below = others.filter((m) => m < own).length;
  const ties = others.filter((m) => m === own).length;
  return { below, ties, count: others.length, percentile: (100 * (below + ties / 2)) / others.length };
}
