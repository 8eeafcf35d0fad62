/**
 * Suppression over the whole release. Every number the views can show rests on a cell: the
 * responses matching one combination of context values (a school in a wave, a groep, an opleiding
 * in one fase and cohort …). The cells overlap — a school is a row of its board's table and the
 * total of its own class overview, a cohort is a filter of the leerlijn and a row of the wider one
 * — so a count or sum hidden in one table could be recovered by adding and subtracting numbers
 * shown in others. Here the hidden cells are chosen once, for all cells of all views together:
 *
 * - primary: a cell with 1 to k−1 respondents (or, for feedback on student teachers, fewer than k
 *   distinct students) is hidden — per column too (a construct or item with fewer than k answers);
 * - secondary: as long as some hidden cell's count (or column sum) is a linear combination of shown
 *   cells, or some set of respondents that every shown cell treats alike is small and determined,
 *   the cheapest shown cell in that combination (fewest respondents; of equals the widest) is
 *   hidden as well.
 *
 * A hidden cell in the count column is hidden in every column. Views then hide what the release
 * hides, whatever their own table would show (see suppress.ts); the table rule still applies on top.
 */

import { assertPrivacy, type PrivacySettings } from "../analysis/privacy-settings.js";
import { Span, type SparseVector } from "./span-mod-p.js";

/** One finest combination of the release's dimensions, as the database counts it. */
export interface ReleaseAtom {
  readonly values: Readonly<Record<string, string>>;
  readonly responses: number;
  /** column key (e.g. "c:bakker1", "i:v12") → respondents with a valid value in that column */
  readonly columns: Readonly<Record<string, number>>;
  /** distinct students (feedback on student teachers), else null */
  readonly students: ReadonlySet<string> | null;
}

/** What the release hides of one cell. */
export interface ReleaseMark {
  /** the cell's responses and every value of it */
  readonly all: boolean;
  /** column keys hidden although the cell's count is shown */
  readonly columns: ReadonlySet<string>;
}

export interface ReleaseCell {
  /** the first pattern instance that makes this cell (others may select the same responses) */
  readonly definition: Readonly<Record<string, string>>;
  /** indices into the atoms, ascending */
  readonly atoms: readonly number[];
  readonly mark: ReleaseMark;
}

export type Definition = Readonly<Record<string, string | readonly string[]>>;

export interface Release {
  readonly dimensions: readonly string[];
  /** the finest groups, by their values */
  readonly atoms: readonly Pick<ReleaseAtom, "values">[];
  readonly cells: readonly ReleaseCell[];
  readonly columns: readonly string[];
  /**
   * The mark of the cell a group of a view stands for, given the context values it was selected by;
   * null when it is no cell of the release (a view showing something unforeseen: hide it).
   */
  markOf(definition: Definition): ReleaseMark | null;
}

export interface ReleaseInput {
  readonly atoms: readonly ReleaseAtom[];
  /** each pattern: the dimensions fixed by one kind of cell; instantiated for every value combination */
  readonly patterns: readonly (readonly string[])[];
  readonly columns: readonly string[];
  readonly privacy: PrivacySettings;
}

const shownMark: ReleaseMark = Object.freeze({ all: false, columns: new Set<string>() });

export function chooseRelease(input: ReleaseInput): Release {
  assertPrivacy(input.privacy);
  const { atoms, columns } = input;
  const dimensions = [...new Set(input.patterns.flat())];
  const cells = cellsOf(atoms, input.patterns);
  const cellAtoms = cells.map((c) => c.atoms);
  const k = input.privacy.k;
  const hiddenAll = new Set<number>();
  const hiddenColumns = cells.map(() => new Set<string>());
  for (const component of components(cellAtoms)) {
    const own = component.map((i) => cellAtoms[i]!);
    const count = protect(
      own,
      atoms.map((a) => a.responses),
      atoms.map((a) => a.students),
      new Set(),
      k,
    );
    for (const local of count) hiddenAll.add(component[local]!);
    for (const column of columns) {
      const hidden = protect(
        own,
        atoms.map((a) => a.columns[column] ?? 0),
        null,
        count,
        k,
      );
      for (const local of hidden) if (!count.has(local)) hiddenColumns[component[local]!]!.add(column);
    }
  }
  const released: ReleaseCell[] = cells.map((c, i) => ({
    definition: c.definition,
    atoms: c.atoms,
    mark: hiddenAll.has(i)
      ? { all: true, columns: new Set(columns) }
      : hiddenColumns[i]!.size === 0
        ? shownMark
        : { all: false, columns: hiddenColumns[i]! },
  }));
  return releaseOf(dimensions, atoms, released, columns);
}

function releaseOf(
  dimensions: readonly string[],
  atoms: readonly Pick<ReleaseAtom, "values">[],
  cells: readonly ReleaseCell[],
  columns: readonly string[],
): Release {
  const byAtoms = new Map(cells.map((c) => [c.atoms.join(","), c]));
  return {
    dimensions,
    atoms,
    cells,
    columns,
    markOf(definition) {
      const entries = Object.entries(definition);
      if (entries.some(([d]) => !dimensions.includes(d))) return null;
      const matched = matchingAtoms(atoms, definition);
      if (matched.length === 0) return shownMark;
      return byAtoms.get(matched.join(","))?.mark ?? null;
    },
  };
}

interface SavedRelease {
  readonly dimensions: readonly string[];
  readonly atoms: readonly Readonly<Record<string, string>>[];
  readonly columns: readonly string[];
  readonly cells: readonly {
    readonly definition: Readonly<Record<string, string>>;
    readonly atoms: readonly number[];
    readonly all: boolean;
    readonly hidden: readonly string[];
  }[];
}

/** The release as JSON, to keep it with the data version it was chosen for. */
export function saveRelease(release: Release): string {
  const saved: SavedRelease = {
    dimensions: release.dimensions,
    atoms: release.atoms.map((a) => a.values),
    columns: release.columns,
    cells: release.cells.map((c) => ({
      definition: c.definition,
      atoms: c.atoms,
      all: c.mark.all,
      hidden: c.mark.all ? [] : [...c.mark.columns],
    })),
  };
  return JSON.stringify(saved);
}

/** A release kept by saveRelease. */
export function loadRelease(text: string): Release {
  const saved = JSON.parse(text) as SavedRelease;
  const columns = saved.columns;
  const cells: ReleaseCell[] = saved.cells.map((c) => ({
    definition: c.definition,
    atoms: c.atoms,
    mark: c.all
      ? { all: true, columns: new Set(columns) }
      : c.hidden.length === 0
        ? shownMark
        : { all: false, columns: new Set(c.hidden) },
  }));
  return releaseOf(
    saved.dimensions,
    saved.atoms.map((values) => ({ values })),
    cells,
    columns,
  );
}

/** The atoms a definition selects: for every dimension, the value or one of the values. */
export function matchingAtoms(
  atoms: readonly Pick<ReleaseAtom, "values">[],
  definition: Definition,
): number[] {
  const entries = Object.entries(definition);
  const out: number[] = [];
  atoms.forEach((a, i) => {
    const ok = entries.every(([d, v]) =>
      typeof v === "string" ? (a.values[d] ?? "") === v : v.includes(a.values[d] ?? ""),
    );
    if (ok) out.push(i);
  });
  return out;
}

/** Every instance of every pattern, one cell per distinct set of atoms. */
function cellsOf(
  atoms: readonly ReleaseAtom[],
  patterns: readonly (readonly string[])[],
): { definition: Record<string, string>; atoms: number[] }[] {
  const byKey = new Map<string, { definition: Record<string, string>; atoms: number[] }>();
  for (const pattern of patterns) {
    const instances = new Map<string, { definition: Record<string, string>; atoms: number[] }>();
    atoms.forEach((a, i) => {
      const definition = Object.fromEntries(pattern.map((d) => [d, a.values[d] ?? ""]));
      const key = JSON.stringify(pattern.map((d) => a.values[d] ?? ""));
      const cell = instances.get(key);
      if (cell === undefined) instances.set(key, { definition, atoms: [i] });
      else cell.atoms.push(i);
    });
    for (const cell of instances.values()) {
      const key = cell.atoms.join(",");
      if (!byKey.has(key)) byKey.set(key, cell);
    }
  }
  return [...byKey.values()];
}

/** Cells connected by shared atoms: each part can be protected on its own. */
function components(cellAtoms: readonly (readonly number[])[]): number[][] {
  const parent = cellAtoms.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<number, number>();
  cellAtoms.forEach((list, i) => {
    for (const a of list) {
      const o = owner.get(a);
      if (o === undefined) owner.set(a, i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, number[]>();
  cellAtoms.forEach((_, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list === undefined) groups.set(root, [i]);
    else list.push(i);
  });
  return [...groups.values()];
}

/**
 * The hidden cells of one column: primary (1 to k−1 behind it), then secondary until no hidden
 * cell and no small class of alike respondents is determined by the shown ones.
 */
export function protect(
  cells: readonly (readonly number[])[],
  weight: readonly number[],
  students: readonly (ReadonlySet<string> | null)[] | null,
  forced: ReadonlySet<number>,
  k: number,
): Set<number> {
  const nOf = (list: readonly number[]) => list.reduce((s, a) => s + (weight[a] ?? 0), 0);
  const studentsOf = (list: readonly number[]) => {
    if (students === null) return null;
    const all = new Set<string>();
    let any = false;
    for (const a of list) {
      const s = students[a];
      if (s === null || s === undefined) continue;
      any = true;
      for (const id of s) all.add(id);
    }
    return any ? all.size : null;
  };
  const small = (list: readonly number[]) => {
    const n = nOf(list);
    if (n === 0) return false;
    if (n < k) return true;
    const s = studentsOf(list);
    return s !== null && s < k;
  };
  const vector = (list: readonly number[]): SparseVector => {
    const v: SparseVector = new Map();
    for (const a of list) if ((weight[a] ?? 0) > 0) v.set(a, 1);
    return v;
  };
  const sizes = cells.map(nOf);
  const hidden = new Set<number>(forced);
  cells.forEach((list, i) => {
    if (small(list)) hidden.add(i);
  });
  const live = [...new Set(cells.flat())].filter((a) => (weight[a] ?? 0) > 0).sort((a, b) => a - b);
  const primary = new Set(hidden);
  const spanWithout = (without: number | null) => {
    const span = new Span();
    const shown = cells
      .map((_, i) => i)
      .filter((i) => !hidden.has(i) && i !== without && sizes[i]! > 0)
      .sort((a, b) => sizes[a]! - sizes[b]! || a - b);
    for (const i of shown) span.add(i, vector(cells[i]!));
    return span;
  };
  // Of the cells a combination uses, the cheapest whose hiding leaves the target undetermined
  // (another combination may not need it); failing that, the cheapest, and the loop goes on.
  const breaking = (target: SparseVector, made: readonly number[]) => {
    const order = [...made].sort(
      (a, b) => sizes[a]! - sizes[b]! || cells[b]!.length - cells[a]!.length || a - b,
    );
    for (const candidate of order.slice(0, 12))
      if (spanWithout(candidate).represent(target) === null) return candidate;
    return order[0];
  };
  for (;;) {
    const span = spanWithout(null);
    let next: number | undefined;
    for (const h of primary) {
      if (sizes[h] === 0) continue;
      const target = vector(cells[h]!);
      const made = span.represent(target);
      if (made !== null && made.length > 0) {
        next = breaking(target, made);
        break;
      }
    }
    if (next === undefined)
      for (const group of span.classes(live)) {
        if (!small(group)) continue;
        const target = vector(group);
        const made = span.represent(target);
        if (made !== null && made.length > 0) {
          next = breaking(target, made);
          break;
        }
      }
    if (next === undefined) return hidden;
    hidden.add(next);
  }
}
