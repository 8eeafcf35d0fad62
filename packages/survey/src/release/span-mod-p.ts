/**
 * Linear span of 0/1 vectors over the integers modulo a prime, in echelon form, remembering which
 * added vectors each row is made of. Exact arithmetic in a field: a vector is in the span mod p
 * exactly when it is in the rational span, unless p divides a minor of the matrix — with p near
 * 2^26 and the small minors of nested tables, not a practical concern. The release audit in the
 * tests checks the same question again with exact rational arithmetic.
 */

/** 2^26 − 5, prime: products of two residues stay below 2^53, so Number arithmetic is exact. */
export const prime = 67_108_859;

const mod = (a: number) => {
  const r = a % prime;
  return r < 0 ? r + prime : r;
};
const mul = (a: number, b: number) => (a * b) % prime;

function inverse(a: number): number {
  let result = 1;
  let base = mod(a);
  let e = prime - 2;
  while (e > 0) {
    if (e & 1) result = mul(result, base);
    base = mul(base, base);
    e = Math.floor(e / 2);
  }
  return result;
}

/** A sparse vector: position → non-zero residue. */
export type SparseVector = Map<number, number>;

interface Row {
  readonly vector: SparseVector;
  /** which added vectors (by their id) make this row, with coefficients */
  readonly made: SparseVector;
}

function axpy(target: SparseVector, factor: number, source: ReadonlyMap<number, number>): void {
  for (const [i, v] of source) {
    const next = mod((target.get(i) ?? 0) + mul(factor, v));
    if (next === 0) target.delete(i);
    else target.set(i, next);
  }
}

function lowest(vector: SparseVector): number {
  let min = Number.POSITIVE_INFINITY;
  for (const i of vector.keys()) if (i < min) min = i;
  return min;
}

export class Span {
  /** pivot position → row whose lowest position is the pivot, scaled to 1 there */
  readonly #rows = new Map<number, Row>();

  get rank(): number {
    return this.#rows.size;
  }

  /** Reduces a vector by the rows; returns the rest and the added vectors used. */
  #reduce(vector: SparseVector): Row {
    const rest = new Map(vector);
    const made: SparseVector = new Map();
    // Pivots are each row's lowest position, so eliminating in increasing order ends.
    for (;;) {
      let pivot = Number.POSITIVE_INFINITY;
      for (const i of rest.keys()) if (i < pivot && this.#rows.has(i)) pivot = i;
      if (pivot === Number.POSITIVE_INFINITY) return { vector: rest, made };
      const row = this.#rows.get(pivot)!;
      const factor = mod(-(rest.get(pivot) ?? 0));
      axpy(rest, factor, row.vector);
      axpy(made, factor, row.made);
    }
  }

  /** Adds a vector under an id; false when it was already in the span. */
  add(id: number, vector: SparseVector): boolean {
    const reduced = this.#reduce(vector);
    if (reduced.vector.size === 0) return false;
    const made = reduced.made;
    made.set(id, mod((made.get(id) ?? 0) + 1));
    const pivot = lowest(reduced.vector);
    const scale = inverse(reduced.vector.get(pivot)!);
    const scaled: SparseVector = new Map();
    for (const [i, v] of reduced.vector) scaled.set(i, mul(v, scale));
    const madeScaled: SparseVector = new Map();
    for (const [i, v] of made) madeScaled.set(i, mul(v, scale));
    this.#rows.set(pivot, { vector: scaled, made: madeScaled });
    return true;
  }

  /**
   * The ids of added vectors that combine to this vector, or null when it is not in the span.
   * (One combination of possibly several: the vector = − Σ made-coefficients × added vectors.)
   */
  represent(vector: SparseVector): number[] | null {
    const reduced = this.#reduce(vector);
    if (reduced.vector.size > 0) return null;
    return [...reduced.made.keys()];
  }

  /**
   * Positions that every vector of the span treats alike: two positions fall in one class when
   * every row has the same coefficient at both. Only positions listed are classified.
   */
  classes(positions: readonly number[]): number[][] {
    const signature = new Map<number, string[]>();
    for (const p of positions) signature.set(p, []);
    for (const [pivot, row] of this.#rows)
      for (const [i, v] of row.vector) signature.get(i)?.push(`${pivot}:${v}`);
    const byKey = new Map<string, number[]>();
    for (const p of positions) {
      const key = signature.get(p)!.join(",");
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [p]);
      else list.push(p);
    }
    return [...byKey.values()];
  }
}
