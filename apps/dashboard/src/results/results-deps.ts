import type { Instrument } from "@zaz/model";
import type { Store, StoredResponse } from "@zaz/store";
import type { PrivacySettings } from "@zaz/survey";
import type { InstrumentId } from "./instrument-ids.js";

/** What the real results service reads from: the store, the loaded instruments, the privacy rule. */
export interface ResultsDeps {
  store: Store;
  instruments: ReadonlyMap<string, Instrument>;
  privacy: PrivacySettings;
}

/** Responses of one instrument in a scope; none when the instrument is not loaded. */
export async function responsesOf(
  deps: ResultsDeps,
  instrumentId: InstrumentId,
  where: Record<string, string | readonly string[]>,
): Promise<StoredResponse[]> {
  if (!deps.instruments.has(instrumentId)) return [];
  return deps.store.selectResponses({ instrumentId, where });
}

/** Distinct values of a context dimension; none when the instrument is not loaded. */
export async function valuesOf(
  deps: ResultsDeps,
  instrumentId: InstrumentId,
  dimension: string,
  where?: Record<string, string | readonly string[]>,
): Promise<string[]> {
  if (!deps.instruments.has(instrumentId)) return [];
  return deps.store.contextValues(instrumentId, dimension, where);
}

/** The label an instrument gives a dimension's code ("upva" → "UPvA"), else the code itself. */
export function codeLabel(
  deps: ResultsDeps,
  instrumentId: InstrumentId,
  dimension: string,
  code: string,
): string {
  const d = deps.instruments.get(instrumentId)?.dimensions.find((x) => x.id === dimension);
  return d?.values?.find((v) => v.code === code)?.label ?? code;
}
