/** Distinct ids in order of first appearance, each with the label it first came with. */
export function firstSeen<T>(
  rows: readonly T[],
  id: (row: T) => string,
  label: (row: T) => string,
): [string, string][] {
  const seen = new Map<string, string>();
  for (const row of rows) if (!seen.has(id(row))) seen.set(id(row), label(row));
  return [...seen];
}

/**
 * Puts known ids in the domain's order (Bakker's numbering, the forms of Figuur 1, the study
 * phases) and the others after them, in their order of appearance.
 */
export function inDomainOrder<E extends readonly [string, ...unknown[]]>(
  entries: readonly E[],
  known: readonly string[],
): E[] {
  const rank = (id: string): number => {
    const index = known.indexOf(id);
    return index < 0 ? known.length : index;
  };
  // Array.prototype.sort is stable, so unknown ids keep their order of appearance.
  return [...entries].sort((a, b) => rank(a[0]) - rank(b[0]));
}
