import type { ContextFilter, GroupFrequencies, GroupStudents } from "@zaz/store";
import type { GroupData, GroupedData, ReleaseMark } from "@zaz/survey";
import type { ViewContext } from "../view-context.js";
import { releaseFor } from "./release.js";
import { type Source, selection } from "./source.js";

export interface GroupRequest {
  /** dimensions of the groups (none: the total only) */
  readonly by: readonly string[];
  /**
   * a dimension whose values each get their own grouped data (e.g. the wave, for a comparison):
   * one query serves them all
   */
  readonly split?: string;
  /** finer groups for the design effect (e.g. ["groep"], or ["school", "groep"]) */
  readonly clusters?: readonly string[];
  /** the dimension of a student's pseudonym: distinct students per group */
  readonly student?: string | null;
  readonly constructs?: readonly string[];
  readonly items?: readonly string[];
  readonly texts?: readonly string[];
  /**
   * "total": items and free text only for the scope's total (per split value), in a query of their
   * own — unpivoting every item for every group costs most of a large query, and many views show
   * items for the whole school only
   */
  readonly itemsFor?: "groups" | "total";
  /**
   * a value of `split` whose groups alone need item and free-text frequencies (e.g. the wave shown,
   * beside the other waves' construct scores for a trend): the items are counted for it only
   */
  readonly itemsIn?: string;
}

const keyOf = (key: Readonly<Record<string, string>>, dims: readonly string[]) =>
  JSON.stringify(dims.map((d) => key[d] ?? ""));

/**
 * The store's frequencies (and, for student feedback, students) turned into the analysis's grouped
 * data, per value of `split` ("" without a split). Two queries at most, however many responses.
 */
export async function groupedData(
  context: ViewContext,
  source: Source,
  where: ContextFilter,
  request: GroupRequest,
): Promise<Map<string, GroupedData>> {
  const split = request.split === undefined ? [] : [request.split];
  const sets = [[...split, ...request.by], split];
  const clusters = request.clusters === undefined ? undefined : [...split, ...request.clusters];
  if (clusters !== undefined) sets.push(clusters);
  const sel = selection(source, where);
  const items = request.items ?? [];
  const texts = request.texts ?? [];
  const apart = request.itemsFor === "total" || request.itemsIn !== undefined;
  const frequencies = await context.store.analysis.frequencies(sel, {
    groupingSets: sets,
    constructs: request.constructs ?? [],
    items: apart ? [] : items,
    texts: apart ? [] : texts,
  });
  const itemSets = request.itemsFor === "total" ? [split] : sets;
  const itemWhere =
    request.itemsIn === undefined || request.split === undefined
      ? where
      : { ...where, [request.split]: request.itemsIn };
  const itemFrequencies =
    apart && (items.length > 0 || texts.length > 0)
      ? await context.store.analysis.frequencies(selection(source, itemWhere), {
          groupingSets: itemSets,
          items,
          texts,
        })
      : [];
  // the set of the main query each item set stands for: the split's total is set 1
  const mainSet = (set: number) => (request.itemsFor === "total" ? 1 : set);
  const itemsOf = new Map(
    itemFrequencies.map((f) => [`${mainSet(f.set)}\u0000${keyOf(f.key, itemSets[f.set] ?? [])}`, f]),
  );
  const student = request.student ?? null;
  const students =
    student === null
      ? []
      : await context.store.analysis.students(sel, {
          groupingSets: sets,
          student,
          constructs: request.constructs ?? [],
          items: request.items ?? [],
        });
  const studentsOf = new Map(students.map((s) => [`${s.set}\u0000${keyOf(s.key, sets[s.set] ?? [])}`, s]));
  // What the release over all views hides; a group that is no cell of it is hidden whole.
  const release = await releaseFor(context, source.role);
  const hiddenWhole: ReleaseMark = { all: true, columns: new Set() };
  const markOf = (f: GroupFrequencies): ReleaseMark | undefined =>
    release === null || f.responses === 0
      ? undefined
      : (release.markOf({ ...where, ...f.key }) ?? hiddenWhole);
  const toGroup = (f: GroupFrequencies, published: boolean): GroupData => {
    const id = `${f.set}\u0000${keyOf(f.key, sets[f.set] ?? [])}`;
    const s: GroupStudents | undefined = studentsOf.get(id);
    const counted = itemsOf.get(id) ?? f;
    const own = Object.fromEntries(Object.entries(f.key).filter(([d]) => !split.includes(d)));
    const group: GroupData = {
      key: own,
      responses: f.responses,
      constructs: f.constructs,
      items: counted.items,
      chose: counted.chose,
      asked: counted.asked,
      students:
        student === null
          ? null
          : {
              all: new Set(s?.all ?? []),
              constructs: Object.fromEntries(
                Object.entries(s?.constructs ?? {}).map(([id, l]) => [id, new Set(l)]),
              ),
              items: Object.fromEntries(Object.entries(s?.items ?? {}).map(([id, l]) => [id, new Set(l)])),
            },
    };
    if (!published) return group;
    const mark = markOf(f);
    const audit = { definition: { ...where, ...f.key }, role: source.role };
    return mark === undefined ? { ...group, ...audit } : { ...group, release: mark, ...audit };
  };
  const out = new Map<string, { total: GroupData | undefined; groups: GroupData[]; clusters: GroupData[] }>();
  const entry = (value: string) => {
    let e = out.get(value);
    if (e === undefined) {
      e = { total: undefined, groups: [], clusters: [] };
      out.set(value, e);
    }
    return e;
  };
  for (const f of frequencies) {
    const value = request.split === undefined ? "" : (f.key[request.split] ?? "");
    // Clusters only widen intervals; they are never shown, so the release does not mark them.
    const group = toGroup(f, f.set !== 2);
    // The store answers every requested set, also one asked for twice (clusters equal to the groups).
    if (f.set === 1) entry(value).total = group;
    else if (f.set === 0 && request.by.length > 0) entry(value).groups.push(group);
    else if (f.set === 2) entry(value).clusters.push(group);
  }
  return new Map(
    [...out].map(([value, e]) => [
      value,
      { total: e.total, groups: e.groups, ...(clusters === undefined ? {} : { clusters: e.clusters }) },
    ]),
  );
}

export const noData: GroupedData = { total: undefined, groups: [] };
