import { formatNumber, formatPercent, signed } from "../format.js";
import { summaryMessages as msg } from "../messages.js";

/**
 * The summary's sentences, as pure functions of numbers the view shows elsewhere (never a hidden
 * value): a sentence can then reveal nothing the view does not, and each is tested by hand.
 */

/** A construct's mean as shown, with its 95% interval and n. */
export interface ScoreInput {
  readonly name: string;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/** A construct's change between two shown waves, with the Welch interval of the difference. */
export interface ChangeInput {
  readonly name: string;
  readonly previous: { readonly mean: number; readonly n: number };
  readonly current: { readonly mean: number; readonly n: number };
  readonly change: number;
  readonly low: number;
  readonly high: number;
}

/** A construct's Cronbach's alpha as shown; null where it cannot be determined. */
export interface AlphaInput {
  readonly name: string;
  readonly alpha: number | null;
  readonly n: number;
}

export type FrameId = keyof typeof msg.frame;

/** At most this many strengths, weaknesses and changes: a summary, not a second table. */
export const summaryLimit = 3;

/** Below this alpha a scale's score is read with care (the threshold, below the usual 0,7). */
export const alphaWarning = 0.6;

const nText = (ns: readonly number[]) => msg.nRange(Math.min(...ns), Math.max(...ns));

/** The unweighted mean of the constructs' means: each construct counts once, whatever its n. */
export function ownMean(scores: readonly ScoreInput[]): number {
  return scores.reduce((sum, s) => sum + s.mean, 0) / scores.length;
}

/**
 * Strengths lie with their whole interval above the own mean, weaknesses below it; the rest is
 * ranking noise and stays out. Largest distance first, at most `limit` each.
 */
export function strengthsAndWeaknesses(
  scores: readonly ScoreInput[],
  limit = summaryLimit,
): { mean: number; strong: ScoreInput[]; weak: ScoreInput[] } {
  const mean = ownMean(scores);
  const strong = scores
    .filter((s) => s.low > mean)
    .sort((a, b) => b.mean - a.mean)
    .slice(0, limit);
  const weak = scores
    .filter((s) => s.high < mean)
    .sort((a, b) => a.mean - b.mean)
    .slice(0, limit);
  return { mean, strong, weak };
}

/** Sentences on strengths and weaknesses within one framework (its constructs share a scale). */
export function strengthSentences(
  frame: FrameId,
  scores: readonly ScoreInput[],
): { strong: string[]; weak: string[] } {
  const frameText = msg.frame[frame];
  // one or two constructs have no meaningful "own mean" to stand out from
  if (scores.length < 3) return { strong: [msg.tooFew(frameText)], weak: [] };
  const { mean, strong, weak } = strengthsAndWeaknesses(scores);
  const own = formatNumber(mean, 2);
  const ns = nText(scores.map((s) => s.n));
  const line = (s: ScoreInput, build: typeof msg.strong) =>
    build(
      s.name,
      formatNumber(s.mean, 2),
      formatNumber(s.low, 2),
      formatNumber(s.high, 2),
      s.n,
      frameText,
      own,
    );
  return {
    strong: strong.length === 0 ? [msg.noStrong(frameText, own, ns)] : strong.map((s) => line(s, msg.strong)),
    weak: weak.length === 0 ? [msg.noWeak(frameText, own, ns)] : weak.map((s) => line(s, msg.weak)),
  };
}

/** Changes whose interval excludes 0, largest first. */
export function significantChanges(changes: readonly ChangeInput[], limit = summaryLimit): ChangeInput[] {
  return changes
    .filter((c) => c.low > 0 || c.high < 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, limit);
}

export function changeSentences(previousLabel: string | null, changes: readonly ChangeInput[]): string[] {
  if (previousLabel === null) return [msg.noPrevious];
  if (changes.length === 0) return [];
  const shown = significantChanges(changes);
  if (shown.length === 0) return [msg.noChange(previousLabel, nText(changes.map((c) => c.current.n)))];
  return shown.map((c) =>
    (c.change > 0 ? msg.rose : msg.fell)(
      c.name,
      formatNumber(c.previous.mean, 2),
      c.previous.n,
      formatNumber(c.current.mean, 2),
      c.current.n,
      signed(c.change, 2),
      signed(c.low, 2),
      signed(c.high, 2),
    ),
  );
}

/** A warning per scale with alpha below .6 or not determinable; one reassuring line otherwise. */
export function reliabilitySentences(alphas: readonly AlphaInput[]): string[] {
  if (alphas.length === 0) return [];
  const weak = alphas.filter((a) => a.alpha === null || a.alpha < alphaWarning);
  if (weak.length === 0) return [msg.alphaFine(nText(alphas.map((a) => a.n)))];
  // more than two: one sentence, so the summary stays a page
  if (weak.length > 2)
    return [
      msg.manyLowAlpha(
        weak.map((a) => msg.alphaPart(a.name, a.alpha === null ? null : formatNumber(a.alpha, 2), a.n)),
      ),
    ];
  return weak.map((a) =>
    a.alpha === null ? msg.noAlpha(a.name, a.n) : msg.lowAlpha(a.name, formatNumber(a.alpha, 2), a.n),
  );
}

/** The response rate as shown (null: hidden), or the count alone where no roster gives families. */
export function responseSentence(
  response:
    | { readonly rate: number; readonly responses: number; readonly families: number }
    | { readonly rate: null; readonly responses: number }
    | null,
  k: number,
): string {
  if (response === null) return msg.responseHidden(k);
  if (response.rate === null) return msg.responseCount(response.responses);
  return msg.response(formatPercent(response.rate), response.responses, response.families);
}
