/**
 * Order as Dutch readers expect, with numbers by value: "groep 2" before "groep 10", "5" before "12".
 * Done here rather than in SQL so every database behind the Store sorts alike.
 */
const collator = new Intl.Collator("nl", { numeric: true, sensitivity: "variant" });

export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
