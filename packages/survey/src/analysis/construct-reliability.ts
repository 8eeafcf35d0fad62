import type { Instrument, Result } from "@zaz/model";
import { ok } from "@zaz/model";
import { alphaIfDroppedFromCovariance } from "../stats/alpha-if-dropped.js";
import { covarianceFromSums } from "../stats/covariance-from-sums.js";
import { alphaFromCovariance } from "../stats/cronbach-alpha.js";
import { feldtInterval } from "../stats/feldt-interval.js";
import { itemRestFromCovariance } from "../stats/item-rest-correlations.js";
import { standardizedAlpha } from "../stats/standardized-alpha.js";
import type { Cell } from "./cell.js";
import { type Interval, smallN } from "./construct-stats.js";
import { type PrivacyNote, privacyNote, selectConstructs } from "./construct-table.js";
import type { GroupKey, GroupPlan } from "./group-plan.js";
import { indexInstrument } from "./instrument-index.js";
import { type ConstructInfo, constructInfo, type InstrumentLabel, instrumentLabel } from "./labels.js";
import { defaultPrivacy, type PrivacySettings } from "./privacy-settings.js";
import { rawCell } from "./raw-table.js";
import { ruleFor, suppressSingle } from "./suppress.js";

export interface ItemReliability {
  readonly id: string;
  readonly text: string;
  readonly reverse: boolean;
  /** alpha of the construct without this item */
  readonly alphaIfDropped: number | null;
  /** correlation of the item with the sum of the other items */
  readonly itemRest: number | null;
  /** item–rest correlation below zero: the usual sign of a missed reverse-coding */
  readonly negative: boolean;
}

/** Reliability of one construct over the complete answers (every item valid) of the scope; n = complete respondents. */
export interface ReliabilityStats {
  /** raw alpha; null when the scale's sum does not vary ("alfa niet te bepalen") */
  readonly alpha: number | null;
  /** alpha of the standardised items (psych's std.alpha); null where alpha is */
  readonly standardizedAlpha: number | null;
  /** Feldt 95% interval */
  readonly ci: Interval | null;
  /** respondents left out because an item was missing */
  readonly excluded: number;
  readonly items: readonly ItemReliability[];
  /** ids of items with a negative item–rest correlation */
  readonly flagged: readonly string[];
  /** fewer than `smallN` complete respondents: alpha is a rough guide only */
  readonly smallN: boolean;
}

export interface ReliabilityReport {
  readonly instrument: InstrumentLabel;
  readonly privacy: PrivacyNote;
  readonly scope: GroupKey;
  readonly constructs: readonly {
    readonly construct: ConstructInfo;
    readonly reliability: Cell<ReliabilityStats>;
  }[];
}

/** The sums the database gives per construct (see the store's reliability query). */
export interface ReliabilityInput {
  readonly construct: string;
  readonly n: number;
  readonly excluded: number;
  readonly sums: readonly number[];
  readonly products: readonly number[];
  /** distinct students of the complete responses (feedback on student teachers); null otherwise */
  readonly students: readonly string[] | null;
}

export interface ReliabilityOptions {
  readonly constructs?: readonly string[];
  readonly privacy?: PrivacySettings;
}

/** The items whose sums the reliability of a construct needs, in the order the sums must come in. */
export function reliabilityItems(instrument: Instrument, construct: string): string[] {
  return instrument.items
    .filter((i) => i.type === "scale" && i.constructs.includes(construct))
    .map((i) => i.id);
}

/**
 * Cronbach's alpha (listwise, reverse-coded items flipped) with a Feldt interval, standardised alpha,
 * alpha if item dropped and item–rest correlations per construct, from the sums over the scope.
 */
export function constructReliability(
  instrument: Instrument,
  plan: GroupPlan,
  sums: readonly ReliabilityInput[],
  options: ReliabilityOptions = {},
): Result<ReliabilityReport> {
  const privacy = options.privacy ?? defaultPrivacy;
  const selected = selectConstructs(instrument, options.constructs);
  if (!selected.ok) return selected;
  const index = indexInstrument(instrument);
  const rule = ruleFor(privacy, plan);
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, plan.studentDimension !== null),
    scope: plan.scope,
    constructs: selected.value.map((id) => {
      const input = sums.find((s) => s.construct === id);
      const items = index.constructItems.get(id) ?? [];
      const value = input === undefined ? null : reliabilityStats(input, items);
      const students = input?.students === null || input === undefined ? null : new Set(input.students);
      return {
        construct: constructInfo(index, id),
        reliability: suppressSingle(
          rawCell({
            responses: input?.n ?? 0,
            students: plan.studentDimension === null ? null : (students ?? new Set()),
            value,
          }),
          rule,
        ),
      };
    }),
  });
}

function reliabilityStats(
  input: ReliabilityInput,
  items: readonly { id: string; text: string; reverse: boolean }[],
): ReliabilityStats {
  const k = input.sums.length;
  const cov = covarianceFromSums(input.n, input.sums, input.products);
  const a = alphaFromCovariance(cov, input.n, k, input.excluded);
  const drops = alphaIfDroppedFromCovariance(cov, k);
  const rest = itemRestFromCovariance(cov, k);
  const ci = a.alpha === null ? null : feldtInterval(a.alpha, input.n, k);
  const itemStats = items.map((item, j) => {
    const r = rest[j] ?? null;
    return {
      id: item.id,
      text: item.text,
      reverse: item.reverse,
      alphaIfDropped: drops[j] ?? null,
      itemRest: r,
      negative: r !== null && r < 0,
    };
  });
  return {
    alpha: a.alpha,
    standardizedAlpha: a.alpha === null ? null : standardizedAlpha(cov, k),
    ci: ci === null ? null : { low: ci.low, high: ci.high, level: ci.level },
    excluded: input.excluded,
    items: itemStats,
    flagged: itemStats.filter((i) => i.negative).map((i) => i.id),
    smallN: input.n < smallN,
  };
}
