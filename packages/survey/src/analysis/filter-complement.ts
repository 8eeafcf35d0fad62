import { assertPrivacy, type PrivacySettings } from "./privacy-settings.js";

/** Responses per combination of dimension values, as the database counts them. */
export interface ValueCombination {
  readonly values: Readonly<Record<string, string>>;
  readonly responses: number;
}

/**
 * Complementary suppression across requests. A view narrowed by filters (cohort, fase,
 * gesprekssoort …) can be set beside the same view with fewer filters; the difference is the rest.
 * For every way of dropping filters, that rest must be empty or reach k respondents — and k
 * distinct students for feedback on student teachers — or the narrowed view must not be shown.
 *
 * `combinations` count the responses of the view without any of these filters (e.g. the opleiding
 * as a whole) per combination of the filter dimensions, and of the student dimension where given.
 */
export function filterIsSafe(
  combinations: readonly ValueCombination[],
  filters: Readonly<Record<string, string>>,
  privacy: PrivacySettings,
  studentDimension: string | null,
): boolean {
  assertPrivacy(privacy);
  const entries = Object.entries(filters);
  const matches = (c: ValueCombination, of: readonly (readonly [string, string])[]) =>
    of.every(([d, v]) => c.values[d] === v);
  // Each proper subset of the filters is a wider view someone could compare with this one.
  for (let mask = 0; mask < 2 ** entries.length - 1; mask++) {
    const kept = entries.filter((_, i) => (mask & (1 << i)) !== 0);
    const rest = combinations.filter((c) => matches(c, kept) && !matches(c, entries));
    const responses = rest.reduce((n, c) => n + c.responses, 0);
    if (responses === 0) continue;
    if (responses < privacy.k) return false;
    if (studentDimension !== null && new Set(rest.map((c) => c.values[studentDimension])).size < privacy.k)
      return false;
  }
  return true;
}
