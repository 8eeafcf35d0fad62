import type { Instrument, SurveyResponse } from "@zaz/model";
import { studentDimensionOf } from "./grouping.js";
import { assertPrivacy, type PrivacySettings } from "./privacy-settings.js";

/**
 * Complementary suppression across requests. A view narrowed by filters (cohort, fase,
 * gesprekssoort …) can be set beside the same view with fewer filters; the difference is the rest.
 * For every way of dropping filters, that rest must be empty or reach k respondents — and k
 * distinct students for feedback on student teachers — or the narrowed view must not be shown.
 *
 * `responses` are those of the view without any of these filters (e.g. the opleiding as a whole).
 */
export function filterIsSafe(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  filters: Readonly<Record<string, string>>,
  privacy: PrivacySettings,
): boolean {
  assertPrivacy(privacy);
  const entries = Object.entries(filters);
  const student = studentDimensionOf(instrument);
  const matches = (r: SurveyResponse, of: readonly (readonly [string, string])[]) =>
    of.every(([d, v]) => r.context[d] === v);
  // Each proper subset of the filters is a wider view someone could compare with this one.
  for (let mask = 0; mask < 2 ** entries.length - 1; mask++) {
    const kept = entries.filter((_, i) => (mask & (1 << i)) !== 0);
    const rest = responses.filter((r) => matches(r, kept) && !matches(r, entries));
    if (rest.length === 0) continue;
    if (rest.length < privacy.k) return false;
    if (student !== null && new Set(rest.map((r) => r.context[student])).size < privacy.k) return false;
  }
  return true;
}
