import type { Instrument, Result, SurveyResponse } from "@zaz/model";
import { ok } from "@zaz/model";
import { alphaIfDropped } from "../stats/alpha-if-dropped.js";
import { cronbachAlpha } from "../stats/cronbach-alpha.js";
import { feldtInterval } from "../stats/feldt-interval.js";
import { itemRestCorrelations } from "../stats/item-rest-correlations.js";
import { type PrivacyNote, privacyNote, selectConstructs } from "./aggregate-constructs.js";
import type { Cell } from "./cell.js";
import type { Interval } from "./construct-stats.js";
import { type GroupKey, partition, type Scope } from "./grouping.js";
import {
  type InstrumentIndex,
  indexInstrument,
  itemApplies,
  scaleOf,
  scoredCode,
  validCode,
} from "./instrument-index.js";
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
  readonly alpha: number | null;
  /** Feldt 95% interval */
  readonly ci: Interval | null;
  /** respondents left out because an item was missing */
  readonly excluded: number;
  readonly items: readonly ItemReliability[];
  /** ids of items with a negative item–rest correlation */
  readonly flagged: readonly string[];
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

export interface ReliabilityOptions {
  readonly scope?: Scope;
  readonly constructs?: readonly string[];
  readonly privacy?: PrivacySettings;
}

function reliability(
  index: InstrumentIndex,
  responses: readonly SurveyResponse[],
  constructId: string,
): { contributors: SurveyResponse[]; excluded: number; value: ReliabilityStats | null } {
  const items = index.constructItems.get(constructId) ?? [];
  const contributors: SurveyResponse[] = [];
  const matrix: number[][] = [];
  let excluded = 0;
  for (const r of responses) {
    // Only respondents who were asked the construct at all (e.g. the right kind of conversation).
    if (!items.some((i) => itemApplies(index, i, r))) continue;
    const row: number[] = [];
    for (const item of items) {
      const scale = scaleOf(index, item);
      const code = scale === undefined || !itemApplies(index, item, r) ? null : validCode(scale, r, item.id);
      if (scale === undefined || code === null) break;
      row.push(scoredCode(scale, item, code));
    }
    if (row.length === items.length) {
      matrix.push(row);
      contributors.push(r);
    } else excluded++;
  }
  const a = cronbachAlpha(matrix);
  const drops = alphaIfDropped(matrix);
  const rest = itemRestCorrelations(matrix);
  const ci = a.alpha === null ? null : feldtInterval(a.alpha, a.n, items.length);
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
    contributors,
    excluded,
    value: {
      alpha: a.alpha,
      ci: ci === null ? null : { low: ci.low, high: ci.high, level: ci.level },
      excluded,
      items: itemStats,
      flagged: itemStats.filter((i) => i.negative).map((i) => i.id),
    },
  };
}

/**
 * Cronbach's alpha (listwise, reverse-coded items flipped) with a Feldt interval, alpha if item
 * dropped and item–rest correlations per construct, over the responses in the scope.
 */
export function constructReliability(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: ReliabilityOptions = {},
): Result<ReliabilityReport> {
  const privacy = options.privacy ?? defaultPrivacy;
  const part = partition(instrument, responses, { scope: options.scope ?? {} });
  if (!part.ok) return part;
  const selected = selectConstructs(instrument, options.constructs);
  if (!selected.ok) return selected;
  const index = indexInstrument(instrument);
  const rule = ruleFor(privacy, part.value);
  return ok({
    instrument: instrumentLabel(instrument),
    privacy: privacyNote(privacy, part.value.studentDimension !== null),
    scope: part.value.scope,
    constructs: selected.value.map((id) => {
      const { contributors, value } = reliability(index, part.value.total, id);
      return {
        construct: constructInfo(index, id),
        reliability: suppressSingle(rawCell(contributors, part.value.studentDimension, value), rule),
      };
    }),
  });
}
