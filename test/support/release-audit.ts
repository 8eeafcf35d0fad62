import { type AuditedValue, matchingAtoms, type ReleaseAtom } from "@zaz/survey";
import { RationalSpan } from "./rational-span.js";

/** A group of fewer than k that the shown numbers determine: what the audit must never find. */
export interface Recovered {
  readonly column: string;
  readonly how: "suppressed group" | "difference of two shown groups" | "alike respondents";
  readonly responses: number;
  readonly atoms: readonly number[];
}

/**
 * Collects every value a role can see (`values`, as suppression decided them) and asks, per column,
 * with exact rational arithmetic, whether any group of 1 to k−1 respondents (or fewer than k
 * students) is a linear combination of shown groups: a suppressed group itself, the difference of
 * two nested shown groups, or a set of respondents that every shown number treats alike.
 */
export function auditRelease(
  values: readonly AuditedValue[],
  atoms: readonly ReleaseAtom[],
  k: number,
): Recovered[] {
  const found: Recovered[] = [];
  const columns = [...new Set(values.map((v) => v.column))];
  for (const column of columns) {
    const weight = atoms.map((a) => (column === "n" ? a.responses : (a.columns[column] ?? 0)));
    const live = weight.flatMap((w, i) => (w > 0 ? [i] : []));
    const nOf = (set: readonly number[]) => set.reduce((s, a) => s + weight[a]!, 0);
    const small = (set: readonly number[]) => {
      const n = nOf(set);
      if (n === 0) return false;
      if (n < k) return true;
      if (column !== "n") return false;
      const students = new Set<string>();
      let any = false;
      for (const a of set) {
        const s = atoms[a]!.students;
        if (s === null) continue;
        any = true;
        for (const id of s) students.add(id);
      }
      return any && students.size < k;
    };
    const vector = (set: readonly number[]) => {
      const v = atoms.map(() => 0n);
      for (const a of set) if (weight[a]! > 0) v[a] = 1n;
      return v;
    };
    const mine = values.filter((v) => v.column === column);
    const setOf = (v: AuditedValue) => matchingAtoms(atoms, v.definition).filter((a) => weight[a]! > 0);
    const key = (set: readonly number[]) => set.join(",");
    const shown = new Map<string, number[]>();
    const hidden = new Map<string, number[]>();
    for (const v of mine) {
      const set = setOf(v);
      if (set.length === 0) continue;
      (v.shown ? shown : hidden).set(key(set), set);
    }
    const span = new RationalSpan(atoms.length);
    for (const set of shown.values()) span.add(vector(set));
    const report = (how: Recovered["how"], set: readonly number[]) =>
      found.push({ column, how, responses: nOf(set), atoms: set });
    for (const set of hidden.values())
      if (!shown.has(key(set)) && small(set) && span.contains(vector(set))) report("suppressed group", set);
    for (const set of shown.values()) if (small(set)) report("suppressed group", set);
    const list = [...shown.values()];
    for (const p of list)
      for (const q of list) {
        if (p === q || q.length >= p.length) continue;
        const inP = new Set(p);
        if (!q.every((a) => inP.has(a))) continue;
        const rest = p.filter((a) => !q.includes(a));
        if (small(rest)) report("difference of two shown groups", rest);
      }
    for (const group of span.classes(live))
      if (small(group) && span.contains(vector(group))) report("alike respondents", group);
  }
  return found;
}
