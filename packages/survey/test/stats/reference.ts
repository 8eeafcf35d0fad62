// Typed access to reference-values.json, produced by reference.R (R + psych); see that script to regenerate.

import { readFileSync } from "node:fs";
import { expect } from "vitest";

export interface ReliabilityReference {
  name: string;
  data: (number | null)[][];
  n: number;
  excluded: number;
  k: number;
  alpha: number;
  stdAlpha: number;
  itemVariances: number[];
  totalVariance: number;
  feldtLow: number;
  feldtHigh: number;
  alphaIfDropped: number[];
  itemRest: number[];
}

export interface Reference {
  generatedWith: string;
  qt: { p: number; df: number; q: number }[];
  qf: { p: number; df1: number; df2: number; q: number }[];
  qnorm: { p: number; q: number }[];
  reliability: ReliabilityReference[];
  icc: { name: string; groups: number[][]; icc: number; deff: number }[];
  samples: Record<string, number[]>;
  tIntervals: {
    sample: string;
    level: number;
    n: number;
    mean: number;
    sd: number;
    median: number;
    q25: number;
    low: number;
    high: number;
  }[];
  twoGroups: {
    a: string;
    b: string;
    level: number;
    difference: number;
    welchLow: number;
    welchHigh: number;
    welchDf: number;
    g: number;
    d: number;
    gSe: number;
    gLow: number;
    gHigh: number;
  }[];
  wilson: { successes: number; n: number; level: number; p: number; low: number; high: number }[];
}

export const reference = JSON.parse(
  readFileSync(new URL("./reference-values.json", import.meta.url), "utf8"),
) as Reference;

export function sample(name: string): number[] {
  const values = reference.samples[name];
  if (values === undefined) throw new Error(`no sample ${name} in reference-values.json`);
  return values;
}

/** |actual − expected| ≤ tolerance · max(1, |expected|): relative for large values, absolute near zero. */
export function expectClose(actual: number | null | undefined, expected: number, tolerance = 1e-9): void {
  expect(actual).toBeTypeOf("number");
  const error = Math.abs((actual as number) - expected);
  expect(error, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

/** Relative agreement, for quantiles whose size ranges over many magnitudes. */
export function expectRelative(actual: number, expected: number, tolerance: number): void {
  const error = expected === 0 ? Math.abs(actual) : Math.abs((actual - expected) / expected);
  expect(error, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
