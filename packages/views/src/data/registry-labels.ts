import { type Dimension, type Instrument, isEntityKind, type RegistryEntity } from "@zaz/model";
import type { StoredInstrument } from "@zaz/store";

const collator = new Intl.Collator("nl", { numeric: true });

/**
 * The instruments with the registered schools and boards as the values of their `school` and
 * `bestuur` dimensions (code = id, label = name), so every table and chart that labels a group
 * by its dimension's values shows the name, and groups keep the order of their names.
 */
export function withRegistryLabels(
  stored: readonly StoredInstrument[],
  registry: readonly RegistryEntity[],
): StoredInstrument[] {
  if (registry.length === 0) return [...stored];
  const valuesOf = (kind: string): NonNullable<Dimension["values"]> =>
    registry
      .filter((e) => e.kind === kind)
      .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id))
      .map((e) => ({ code: e.id, label: e.name, aliases: [] }));
  const labelled = (d: Dimension): Dimension =>
    isEntityKind(d.id) && d.type === "text" ? { ...d, values: valuesOf(d.id) } : d;
  return stored.map((s) => {
    if (!s.instrument.dimensions.some((d) => isEntityKind(d.id))) return s;
    const instrument: Instrument = { ...s.instrument, dimensions: s.instrument.dimensions.map(labelled) };
    return { ...s, instrument };
  });
}
