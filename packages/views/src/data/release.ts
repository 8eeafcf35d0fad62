import { type InstrumentRole, InstrumentRole as Role } from "@zaz/model";
import type { Store } from "@zaz/store";
import {
  chooseRelease,
  loadRelease,
  type Release,
  type ReleaseAtom,
  type ReleaseInput,
  saveRelease,
} from "@zaz/survey";
import { codeFingerprint } from "../code-fingerprint.js";
import { storedInstruments, type ViewContext } from "../view-context.js";
import { backgroundDimensionIds, backgroundsOf } from "./background.js";
import { selection, sourceFor } from "./source.js";

/**
 * The cells the views of each instrument role can show, as the context dimensions that fix them.
 * Every group a view hands to suppression must be one of these (or the same responses as one);
 * anything else is hidden. test/release-audit.test.ts checks both directions.
 */
const leerlijnFilters = ["cohort", "fase", "gesprekssoort"] as const;
const leerlijnPatterns = Array.from({ length: 2 ** leerlijnFilters.length }, (_, mask) => [
  "opleiding",
  ...leerlijnFilters.filter((_, i) => (mask & (1 << i)) !== 0),
]);

export const releasePatterns: Readonly<
  Record<InstrumentRole, { patterns: readonly (readonly string[])[]; student: string | null }>
> = {
  // board per wave (scholen trend and total), school per wave (a row of its board, the total of its
  // class overview), groep per wave (klassen rows, groep view)
  [Role.ouderpopulatie]: {
    patterns: [
      ["bestuur", "wave"],
      ["bestuur", "school", "wave"],
      ["school", "wave"],
      ["school", "wave", "groep"],
      // the ouderpopulatie section of the class overview: construct scores per background group
      ...backgroundDimensionIds.map((d) => ["school", "wave", d]),
    ],
    student: null,
  },
  // the leerlijn: an opleiding with any of its filters fixed, grouped by the others
  [Role.opleidingsouders]: { patterns: leerlijnPatterns, student: "student" },
  [Role.observatie]: { patterns: leerlijnPatterns, student: "student" },
};

const memo = new WeakMap<Store, { version: number; byKey: Map<string, Promise<Release | null>> }>();

/** The release of one role's data, chosen once per data version (and privacy rule). */
export async function releaseFor(context: ViewContext, role: InstrumentRole): Promise<Release | null> {
  const version = await context.store.dataVersion();
  let entry = memo.get(context.store);
  if (entry === undefined || entry.version !== version) {
    entry = { version, byKey: new Map() };
    memo.set(context.store, entry);
  }
  const key = `${role}#${context.privacy.k}`;
  let release = entry.byKey.get(key);
  if (release === undefined) {
    release = computeRelease(context, role);
    entry.byKey.set(key, release);
    const byKey = entry.byKey;
    release.catch(() => byKey.delete(key));
  }
  return release;
}

/**
 * Kept in the store with the data version, like a view: chosen once after each import or erasure
 * (`precomputeReleases`), and read back by every later process.
 */
async function computeRelease(context: ViewContext, role: InstrumentRole): Promise<Release | null> {
  const version = await context.store.dataVersion();
  const key = `release:${role}#k=${context.privacy.k}#${codeFingerprint()}`;
  const kept = await context.store.viewResults.get(key);
  if (kept !== undefined && kept.dataVersion === version) return loadRelease(kept.body);
  const input = await releaseInput(context, role);
  if (input === null) return null;
  const release = chooseRelease({ ...input, privacy: context.privacy });
  await context.store.viewResults.put(key, version, saveRelease(release));
  return release;
}

/** Chooses (and keeps) the release of every role with data: for after an import or an erasure. */
export async function precomputeReleases(context: ViewContext): Promise<void> {
  for (const role of Object.values(Role)) await releaseFor(context, role);
}

/** The finest groups of a role's data (with their counts per column) and the cells views can show. */
export async function releaseInput(
  context: ViewContext,
  role: InstrumentRole,
): Promise<Omit<ReleaseInput, "privacy"> | null> {
  const source = await sourceFor(context, role);
  if (source === null) return null;
  const stored = await storedInstruments(context.store);
  const instruments = stored.filter((s) => source.keys.includes(s.key)).map((s) => s.instrument);
  const present = new Set(
    instruments.flatMap((i) => [
      ...i.dimensions.map((d) => d.id),
      ...backgroundsOf(i).map((b) => b.dimension.id),
    ]),
  );
  const spec = releasePatterns[role];
  const patterns = spec.patterns.map((p) => p.filter((d) => present.has(d)));
  const dims = [...new Set(patterns.flat())];
  const constructs = [...new Set(instruments.flatMap((i) => i.constructs.map((c) => c.id)))];
  const items = [
    ...new Set(instruments.flatMap((i) => i.items.filter((x) => x.type !== "text").map((x) => x.id))),
  ];
  const sel = selection(source);
  const frequencies = await context.store.analysis.frequencies(sel, {
    groupingSets: [dims],
    constructs,
    items,
  });
  const keyOf = (values: Readonly<Record<string, string>>) =>
    JSON.stringify(dims.map((d) => values[d] ?? ""));
  const student = spec.student !== null && present.has(spec.student) ? spec.student : null;
  const students = new Map<string, ReadonlySet<string>>();
  if (student !== null)
    for (const s of await context.store.analysis.students(sel, { groupingSets: [dims], student }))
      students.set(keyOf(s.key), new Set(s.all));
  const valid = (list: readonly { value: number | null; count: number }[] | undefined) =>
    (list ?? []).reduce((n, f) => n + (f.value === null ? 0 : f.count), 0);
  const atoms: ReleaseAtom[] = frequencies.map((f) => {
    const columns: Record<string, number> = {};
    for (const c of constructs) columns[`c:${c}`] = valid(f.constructs[c]);
    for (const i of items) columns[`i:${i}`] = f.chose[i] ?? valid(f.items[i]);
    return {
      values: Object.fromEntries(dims.map((d) => [d, f.key[d] ?? ""])),
      responses: f.responses,
      columns,
      students: student === null ? null : (students.get(keyOf(f.key)) ?? new Set()),
    };
  });
  return { atoms, patterns, columns: [...constructs.map((c) => `c:${c}`), ...items.map((i) => `i:${i}`)] };
}
