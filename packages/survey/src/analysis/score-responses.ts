import type { Instrument, SurveyResponse } from "@zaz/model";
import { respondentKey } from "../ingest/convert-row.js";
import { studentDimensionOf } from "./group-plan.js";
import {
  type InstrumentIndex,
  indexInstrument,
  itemApplies,
  scaleOf,
  scoredCode,
  validCode,
} from "./instrument-index.js";

/** The scale scores of one response. */
export interface ResponseScores {
  readonly key: string;
  readonly row: number;
  readonly submittedAt: string | null;
  readonly context: Readonly<Record<string, string>>;
  /** construct id → mean of the valid (reverse-scored) items, or null below the construct's minValid */
  readonly scores: Readonly<Record<string, number | null>>;
  /** construct id → how many valid item answers the score rests on */
  readonly validItems: Readonly<Record<string, number>>;
}

/**
 * The score of one construct for one response: the mean of its valid item answers, reverse-coded
 * items flipped (min + max − code). Missing values of every kind are left out; with fewer valid
 * answers than the construct's `minValid` there is no score.
 */
export function constructScore(
  index: InstrumentIndex,
  response: SurveyResponse,
  constructId: string,
): { score: number | null; valid: number } {
  let cache = index.scoreCache.get(constructId);
  if (cache === undefined) {
    cache = new WeakMap();
    index.scoreCache.set(constructId, cache);
  }
  const cached = cache.get(response);
  if (cached !== undefined) return cached;
  const construct = index.instrument.constructs.find((c) => c.id === constructId);
  const items = index.constructItems.get(constructId);
  if (construct === undefined || items === undefined)
    throw new RangeError(`unknown construct ${constructId}`);
  let sum = 0;
  let valid = 0;
  for (const item of items) {
    const scale = scaleOf(index, item);
    if (scale === undefined || !itemApplies(index, item, response)) continue;
    const code = validCode(scale, response, item.id);
    if (code === null) continue;
    sum += scoredCode(scale, item, code);
    valid++;
  }
  const result = { score: valid >= construct.minValid && valid > 0 ? sum / valid : null, valid };
  cache.set(response, result);
  return result;
}

/**
 * Scale scores per construct for each response. These are respondent-level rows, like the stored
 * responses themselves: for export to researchers, never for a dashboard or a report about groups.
 * Dimensions that stand for a person (a student's pseudonym, the respondent key) are left out of
 * the context, so a table of scores cannot be sorted or compared per student.
 */
export function scoreResponses(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
): ResponseScores[] {
  const index = indexInstrument(instrument);
  const person = new Set([
    respondentKey,
    ...instrument.dimensions.filter((d) => d.pseudonymise).map((d) => d.id),
  ]);
  const student = studentDimensionOf(instrument);
  if (student !== null) person.add(student);
  return responses.map((response) => {
    const scores: Record<string, number | null> = {};
    const validItems: Record<string, number> = {};
    for (const c of instrument.constructs) {
      const { score, valid } = constructScore(index, response, c.id);
      scores[c.id] = score;
      validItems[c.id] = valid;
    }
    return {
      key: response.key,
      row: response.row,
      submittedAt: response.submittedAt,
      context: Object.fromEntries(Object.entries(response.context).filter(([d]) => !person.has(d))),
      scores,
      validItems,
    };
  });
}
