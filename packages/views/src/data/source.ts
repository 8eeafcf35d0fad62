import { type Instrument, type InstrumentRole, isInstrumentRole } from "@zaz/model";
import type { ContextFilter, Selection } from "@zaz/store";
import { storedInstruments, type ViewContext } from "../view-context.js";
import { backgroundsOf } from "./background.js";

/**
 * The responses a view reads: every stored version of the instruments with one role, so a leerteam's
 * adapted copy appears wherever the original does. Labels, constructs and dimensions come from one
 * reference version: the newest that holds data in the selection.
 */
export interface Source {
  readonly role: InstrumentRole;
  readonly instrument: Instrument;
  /** the stored versions with data, the reference first (it defines a construct shared by several) */
  readonly keys: readonly number[];
  readonly instruments: ReadonlyMap<number, Instrument>;
}

/** An instrument's role: as it says, or, for files from before roles, its id when that names one. */
export function roleOf(instrument: Instrument): InstrumentRole | null {
  if (instrument.role !== undefined) return instrument.role;
  return isInstrumentRole(instrument.id) ? instrument.id : null;
}

/** The source of a role within `where` (everything when omitted); null when it has no data there. */
export async function sourceFor(
  context: ViewContext,
  role: InstrumentRole,
  where?: ContextFilter,
): Promise<Source | null> {
  const stored = (await storedInstruments(context.store)).filter(
    (s) => s.responses > 0 && roleOf(s.instrument) === role,
  );
  if (stored.length === 0) return null;
  let present = stored;
  if (where !== undefined && Object.keys(where).length > 0) {
    const counts = await context.store.analysis.instrumentsIn({
      instruments: stored.map((s) => s.key),
      where,
    });
    present = stored.filter((s) => (counts.get(s.key) ?? 0) > 0);
  }
  const reference = present.at(-1);
  if (reference === undefined) return null;
  return {
    role,
    instrument: reference.instrument,
    keys: [reference.key, ...present.filter((s) => s !== reference).map((s) => s.key)],
    instruments: new Map(present.map((s) => [s.key, s.instrument])),
  };
}

export function selection(source: Source, where: ContextFilter = {}): Selection {
  // Background groups (home language, Dutch) are grouped and filtered like context dimensions.
  const derived = backgroundsOf(source.instrument).map((b) => b.dimension);
  return derived.length === 0
    ? { instruments: source.keys, where }
    : { instruments: source.keys, where, derived };
}
