/**
 * The span of integer vectors with exact arithmetic (BigInt, rows kept primitive): the audit's own
 * linear algebra, independent of the modular one the product chooses its release with.
 */
const abs = (a: bigint) => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function primitive(row: bigint[]): bigint[] {
  let g = 0n;
  for (const v of row) if (v !== 0n) g = gcd(g, v);
  return g <= 1n ? row : row.map((v) => v / g);
}

export class RationalSpan {
  readonly #rows: { pivot: number; row: bigint[] }[] = [];
  constructor(readonly size: number) {}

  #reduce(vector: readonly bigint[]): bigint[] {
    let v = [...vector];
    for (const { pivot, row } of this.#rows) {
      const t = v[pivot]!;
      if (t === 0n) continue;
      const p = row[pivot]!;
      v = primitive(v.map((x, i) => x * p - row[i]! * t));
    }
    return v;
  }

  add(vector: readonly bigint[]): void {
    const v = this.#reduce(vector);
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot >= 0) this.#rows.push({ pivot, row: v });
  }

  contains(vector: readonly bigint[]): boolean {
    return this.#reduce(vector).every((x) => x === 0n);
  }

  /** positions every vector of the span treats alike (equal coefficients in every row) */
  classes(positions: readonly number[]): number[][] {
    const byKey = new Map<string, number[]>();
    for (const p of positions) {
      const key = this.#rows.map(({ row }) => row[p]!.toString()).join(",");
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
    }
    return [...byKey.values()];
  }
}
