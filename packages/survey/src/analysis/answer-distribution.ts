import { type MissingKind, missingKinds, type ResponseScale } from "@zaz/model";
import { distribution } from "../stats/distribution.js";
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

/** An answer reduced to what a distribution counts: a valid code or a kind of missing. */
export type Tally =
  | { readonly code: number; readonly missing?: undefined }
  | { readonly code?: undefined; readonly missing: MissingKind };

/**
 * Counts over every label of the scale and every kind of missing value, zero counts included.
 * `validDenominator` overrides the valid count for multiple-choice items, whose shares are per
 * respondent (several labels each). Without a scale (number items) only missing values are listed.
 */
export function answerDistribution(
  scale: ResponseScale | null,
  tallies: readonly Tally[],
  validDenominator?: number,
): AnswerCount[] {
  const codes: number[] = [];
  const missing = new Map<MissingKind, number>(missingKinds.map((k) => [k, 0]));
  for (const t of tallies) {
    if (t.code !== undefined) codes.push(t.code);
    else missing.set(t.missing, (missing.get(t.missing) ?? 0) + 1);
  }
  const all = tallies.length;
  const labels = scale?.labels ?? [];
  const valid = distribution(
    codes,
    labels.map((l) => l.code),
  );
  const denominator = validDenominator ?? valid.n;
  const entries: AnswerCount[] = valid.entries.map((e, i) => ({
    code: e.code,
    missing: null,
    label: labels[i]?.label ?? String(e.code),
    count: e.count,
    share: all === 0 ? 0 : e.count / all,
    validShare: denominator === 0 ? null : e.count / denominator,
  }));
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
