import type { Instrument } from "@zaz/model";
import type { ContextFilter, Store, StoredResponse } from "@zaz/store";
import type { PrivacySettings } from "@zaz/survey";

/** What a report needs from the outside world: the store, the instruments, the privacy rule, a clock. */
export interface ReportContext {
  store: Store;
  instruments: ReadonlyMap<string, Instrument>;
  privacy: PrivacySettings;
  now: () => Date;
}

export function instrumentOf(context: ReportContext, id: string): Instrument {
  const instrument = context.instruments.get(id);
  if (!instrument) throw new ReportError(`Instrument "${id}" niet gevonden.`);
  return instrument;
}

export async function responsesOf(
  context: ReportContext,
  instrumentId: string,
  where: ContextFilter,
): Promise<StoredResponse[]> {
  return context.store.selectResponses({ instrumentId, where });
}

/** A report cannot be made for this request (unknown school, no data …): the message is Dutch. */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportError";
  }
}

/** Waves sort as written ("2025-najaar" < "2026-voorjaar"); the previous one is the one before. */
export function previousWave(waves: readonly string[], current: string): string | null {
  const sorted = [...waves].sort();
  const at = sorted.indexOf(current);
  return at > 0 ? (sorted[at - 1] ?? null) : null;
}
