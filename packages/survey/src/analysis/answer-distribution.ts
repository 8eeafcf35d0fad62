import { type MissingKind, missingKinds, type ResponseScale } from "@zaz/model";
import type { Frequency } from "./group-data.js";
import { analysisMessages as msg } from "./messages.js";

/** One bar segment: a label of the scale or a kind of missing value. */
export interface AnswerCount {
  /** the code of a scale label; null for a missing value */
  readonly code: number | null;
  readonly missing: MissingKind | null;
  readonly label: string;
  readonly count: number;
  /** count / all answers, missing ones included */
  readonly share: number;
  /** count / valid answers; null for missing values or when nothing is valid */
  readonly validShare: number | null;
}

/**
 * Counts over every label of the scale and every kind of missing value, zero counts included.
 * `validDenominator` overrides the valid count for multiple-choice items, whose shares are per
 * respondent (several labels each). Without a scale (number items) only missing values are listed.
 */
export function answerDistribution(
  scale: ResponseScale | null,
  frequencies: readonly Frequency[],
  validDenominator?: number,
): AnswerCount[] {
  const codes = new Map<number, number>();
  const missing = new Map<MissingKind, number>();
  for (const f of frequencies) {
    if (f.value !== null) codes.set(f.value, (codes.get(f.value) ?? 0) + f.count);
    else if (f.missing !== null) missing.set(f.missing, (missing.get(f.missing) ?? 0) + f.count);
  }
  const labels = scale?.labels ?? [];
  let valid = 0;
  for (const l of labels) valid += codes.get(l.code) ?? 0;
  let all = valid;
  for (const count of missing.values()) all += count;
  const denominator = validDenominator ?? valid;
  const entries: AnswerCount[] = labels.map((l) => {
    const count = codes.get(l.code) ?? 0;
    return {
      code: l.code,
      missing: null,
      label: l.label,
      count,
      share: all === 0 ? 0 : count / all,
      validShare: denominator === 0 ? null : count / denominator,
    };
  });
  for (const kind of missingKinds) {
    const count = missing.get(kind) ?? 0;
    entries.push({
      code: null,
      missing: kind,
      label: scale?.missing.find((m) => m.kind === kind)?.label ?? msg.missingKind[kind] ?? kind,
      count,
      share: all === 0 ? 0 : count / all,
      validShare: null,
    });
  }
  return entries;
}
