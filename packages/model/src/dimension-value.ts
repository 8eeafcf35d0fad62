import { DimensionType } from "./dimension-type.js";
import { compareGroepen, groepLabel, parseGroep } from "./groep.js";
import type { Dimension } from "./instrument-schema.js";

/**
 * Whether a dimension's values are groepen: its type says so, or it is the ouderpopulatie's "groep"
 * enum of definitions stored before the groep type existed (old databases keep those), whose codes
 * are groepen ("1" … "8", or a workaround's "1-2"), so they are ordered and labelled like new ones.
 * A school's own enum of other codes keeps its declared order.
 */
export function holdsGroepen(d: Pick<Dimension, "id" | "type" | "values">): boolean {
  if (d.type === DimensionType.groep) return true;
  return (
    d.id === "groep" &&
    d.type === DimensionType.enum &&
    (d.values ?? []).every((v) => "code" in parseGroep(v.code))
  );
}

/** The label a report prints for a stored value: the declared label, "Groep 1/2" for a groep, else the value. */
export function dimensionValueLabel(d: Pick<Dimension, "id" | "type" | "values">, code: string): string {
  const declared = d.values?.find((v) => v.code === code)?.label;
  if (declared !== undefined) return declared;
  return holdsGroepen(d) ? groepLabel(code) : code;
}

const collator = new Intl.Collator("nl", { numeric: true });

/**
 * The order in which a dimension's values are listed everywhere (tables, charts, filters): groepen
 * in school order, an enum's values as declared, other values as people read them ("2" before "10").
 */
export function dimensionValueOrder(
  d: Pick<Dimension, "id" | "type" | "values">,
): (a: string, b: string) => number {
  if (holdsGroepen(d)) return compareGroepen;
  const declared = d.values?.map((v) => v.code) ?? [];
  const rank = (code: string) => {
    const i = declared.indexOf(code);
    return i < 0 ? declared.length : i;
  };
  return (a, b) => rank(a) - rank(b) || collator.compare(a, b);
}
