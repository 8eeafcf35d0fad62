import { fail, ok, type Problem, type Result } from "@zaz/model";
import { analysisMessages as msg } from "./messages.js";

declare const validated: unique symbol;

/**
 * The thresholds of suppression. Only `privacySettings()` (and `defaultPrivacy`) make one, so an
 * unchecked `{ k: 1 }` cannot reach the analysis.
 */
export interface PrivacySettings {
  /** fewest respondents (and, for student feedback, distinct students) behind a shown value */
  readonly k: number;
  /** fewest respondents behind shown free-text answers */
  readonly kText: number;
  readonly [validated]: true;
}

/** The floor below which neither threshold may be set, whatever the configuration says. */
export const minimumK = 3;

export const defaultPrivacy: PrivacySettings = Object.freeze({ k: 5, kText: 10 }) as PrivacySettings;

/**
 * Validates thresholds: k ≥ 3, kText ≥ max(k, 3); both whole numbers. Defaults: k = 5, kText = 10,
 * or kText = max(10, k) when only k is raised.
 */
export function privacySettings(input: { k?: number; kText?: number } = {}): Result<PrivacySettings> {
  const k = input.k ?? defaultPrivacy.k;
  const kText = input.kText ?? Math.max(defaultPrivacy.kText, k);
  const errors: Problem[] = [];
  const check = (name: "k" | "kText", value: number, minimum: number, hint: string) => {
    if (!Number.isInteger(value))
      errors.push({
        code: "privacy-not-whole",
        message: msg.privacyNotWhole(name, value),
        path: name,
        value: String(value),
        hint,
      });
    else if (value < minimum)
      errors.push({
        code: "privacy-too-low",
        message: msg.privacyTooLow(name, value, minimum),
        path: name,
        value: String(value),
        expected: `≥ ${minimum}`,
        hint,
      });
  };
  check("k", k, minimumK, msg.privacyKHint);
  check("kText", kText, Math.max(minimumK, Number.isInteger(k) ? k : minimumK), msg.privacyKTextHint);
  if (errors.length > 0) return fail(errors);
  return ok(Object.freeze({ k, kText }) as PrivacySettings);
}

/** Re-checks settings at the boundary of every exported analysis: a forged object is a programmer error. */
export function assertPrivacy(settings: PrivacySettings): void {
  const { k, kText } = settings;
  if (!(Number.isInteger(k) && Number.isInteger(kText) && k >= minimumK && kText >= Math.max(k, minimumK)))
    throw new RangeError(`privacy settings below the minimum: k=${k}, kText=${kText}`);
}
