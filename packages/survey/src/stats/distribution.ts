// Answer distributions over a scale's codes, and the top-box share (e.g. "eens" + "helemaal eens").

export interface DistributionEntry {
  readonly code: number;
  readonly count: number;
  /** count / n; null when n = 0 */
  readonly share: number | null;
}

export interface Distribution {
  /** values that are one of the codes */
  readonly n: number;
  /** one entry per code, in the order given, zero counts included */
  readonly entries: readonly DistributionEntry[];
  /** values that are none of the codes (not in n) */
  readonly outside: number;
}

/** count_c = #{i : xᵢ = c}, share_c = count_c / Σ count */
export function distribution(values: readonly number[], codes: readonly number[]): Distribution {
  const counts = new Map<number, number>();
  for (const code of codes) counts.set(code, 0);
  let outside = 0;
  for (const value of values) {
    const count = counts.get(value);
    if (count === undefined) outside++;
    else counts.set(value, count + 1);
  }
  const n = values.length - outside;
  const entries = codes.map((code) => {
    const count = counts.get(code) ?? 0;
    return { code, count, share: n === 0 ? null : count / n };
  });
  return { n, entries, outside };
}

export interface TopBox {
  readonly successes: number;
  readonly n: number;
  /** successes / n; null when n = 0 */
  readonly share: number | null;
}

/** share = Σ_{c ∈ agree} count_c / Σ_c count_c, over (code, count) pairs such as a Map or distribution entries */
export function topBox(
  counts: Iterable<readonly [code: number, count: number]> | readonly DistributionEntry[],
  agreeCodes: readonly number[],
): TopBox {
  const agree = new Set(agreeCodes);
  let successes = 0;
  let n = 0;
  for (const item of counts) {
    const [code, count] = "code" in item ? [item.code, item.count] : item;
    n += count;
    if (agree.has(code)) successes += count;
  }
  return { successes, n, share: n === 0 ? null : successes / n };
}
