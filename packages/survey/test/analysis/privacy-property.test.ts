import type { Instrument, SurveyResponse } from "@zaz/model";
import { describe, expect, it } from "vitest";
import {
  type Cell,
  type GroupKey,
  type PrivacySettings,
  privacySettings,
  type Scope,
  scoreResponses,
} from "../../src/index.js";
import {
  observationInstrument,
  parentInstrument,
  pick,
  randomObservations,
  randomParentResponses,
  rng,
} from "./fixtures.js";
import { aggregateConstructs, jaShares, openAnswers, summariseItems } from "./via-responses.js";

// Property test of suppression over thousands of random, thinly spread datasets. Group sizes are
// recomputed here from the raw responses, independently of the engine, and every table is checked:
// nothing shown under the threshold, and no hidden group recoverable by subtraction.

interface Row {
  readonly key: GroupKey;
  readonly responses: Cell<number>;
  readonly students: Cell<number> | null;
  readonly cells: Readonly<Record<string, Cell<unknown>>>;
}

interface Checked {
  readonly threshold: number;
  readonly scope: Scope;
  readonly responses: readonly SurveyResponse[];
  readonly total: Row;
  readonly groups: readonly Row[];
  /** the responses that count for a column (test-side, from the raw data) */
  readonly contributes: (r: SurveyResponse, column: string) => boolean;
  readonly student: boolean;
}

const inScope = (scope: Scope, key: GroupKey) => (r: SurveyResponse) =>
  Object.entries(scope).every(([d, v]) => (r.context[d] ?? "") === v) &&
  key.every((l) => (r.context[l.dimension] ?? "") === l.code);

function size(rs: readonly SurveyResponse[], student: boolean) {
  return {
    n: rs.length,
    students: student ? new Set(rs.map((r) => r.context.student)).size : Number.POSITIVE_INFINITY,
  };
}

function checkTable(t: Checked, failures: string[]): void {
  const members = (key: GroupKey) => t.responses.filter(inScope(t.scope, key));
  const totalMembers = members([]);
  const groupMembers = t.groups.map((g) => members(g.key));
  const fail = (what: string) => failures.push(`${what} (scope ${JSON.stringify(t.scope)})`);
  // the groups partition the total
  if (groupMembers.length > 0 && groupMembers.reduce((s, m) => s + m.length, 0) !== totalMembers.length)
    fail("groups do not partition the total");

  const checkColumn = (
    name: string,
    cellOf: (row: Row) => Cell<unknown>,
    counts: (rs: readonly SurveyResponse[]) => readonly SurveyResponse[],
  ) => {
    const totalSize = size(counts(totalMembers), t.student);
    const totalCell = cellOf(t.total);
    const sizes = groupMembers.map((m) => size(counts(m), t.student));
    const cells = t.groups.map(cellOf);
    const small = (s: { n: number; students: number }) => s.n < t.threshold || s.students < t.threshold;
    [...cells, totalCell].forEach((cell, i) => {
      const s = i < cells.length ? sizes[i]! : totalSize;
      if (cell.status === "shown") {
        if (cell.n !== s.n) fail(`${name}: shown n ${cell.n} ≠ raw ${s.n}`);
        if (small(s)) fail(`${name}: shown for a group of ${s.n} (students ${s.students})`);
      } else {
        const keys = Object.keys(cell).sort().join();
        if (keys !== (cell.status === "suppressed" ? "label,reason,status" : "label,status"))
          fail(`${name}: hidden cell carries ${keys}`);
        if (cell.status === "empty" && s.n > 0) fail(`${name}: "geen gegevens" for ${s.n} responses`);
      }
    });
    if (small(totalSize) && totalSize.n > 0 && totalCell.status !== "suppressed")
      fail(`${name}: total of ${totalSize.n} not hidden`);
    if (totalCell.status !== "shown") return;
    const hidden = cells.flatMap((c, i) => (c.status === "suppressed" && sizes[i]!.n > 0 ? [i] : []));
    if (hidden.length === 0) return;
    const hiddenRows = hidden.flatMap((i) => counts(groupMembers[i]!));
    const combined = size(hiddenRows, t.student);
    if (hidden.length < 2) fail(`${name}: a single hidden group can be recovered from the total`);
    if (small(combined))
      fail(`${name}: hidden groups together hold only ${combined.n} (students ${combined.students})`);
    const shownSum = cells.reduce((s, c) => s + (c.status === "shown" ? c.n : 0), 0);
    for (const i of hidden)
      if (totalCell.n - shownSum === sizes[i]!.n) fail(`${name}: total − shown = one hidden group's n`);
  };

  checkColumn(
    "responses",
    (r) => r.responses,
    (rs) => rs,
  );
  for (const column of Object.keys(t.total.cells)) {
    checkColumn(
      column,
      (r) => r.cells[column]!,
      (rs) => rs.filter((r) => t.contributes(r, column)),
    );
    // a row hidden in the count column is hidden in every column
    t.groups.forEach((g) => {
      if (g.responses.status === "suppressed" && g.cells[column]?.status !== "suppressed")
        fail(`${column}: row hidden but cell not`);
    });
  }
  t.groups.forEach((g) => {
    if (g.students !== null && g.students.status !== g.responses.status)
      fail("student count differs from response count");
  });
}

/**
 * Means of hidden groups, as JSON would print them, must not appear as a mean anywhere in the
 * serialised result. Halves, thirds … sixths are skipped: single scores take those values legitimately.
 */
function checkNoHiddenMean(json: string, hiddenMeans: readonly number[], failures: string[]): void {
  const common = (m: number) => [1, 2, 3, 4, 5, 6].some((d) => Math.abs(m * d - Math.round(m * d)) < 1e-9);
  for (const m of hiddenMeans) {
    const text = JSON.stringify(m);
    // printed as a mean or a parent mean (medians of halves and thirds meet other fractions by chance)
    const whole = [",", "}"].some((after) => json.includes(`ean":${text}${after}`));
    if (!common(m) && whole) failures.push(`hidden mean ${text} appears in the output`);
  }
}

function privacy(random: () => number): PrivacySettings {
  const k = pick(random, [3, 5, 5, 7]);
  const s = privacySettings({ k, kText: Math.max(k, pick(random, [3, 6, 10])) });
  if (!s.ok) throw new Error("privacy");
  return s.value;
}

const validCode = (r: SurveyResponse, item: string) =>
  r.answers.some((a) => a.item === item && a.missing === null && a.code !== null);

function scoresOf(instrument: Instrument, responses: readonly SurveyResponse[]) {
  const map = new Map<SurveyResponse, Record<string, number | null>>();
  scoreResponses(instrument, responses).forEach((s, i) => {
    map.set(responses[i]!, s.scores);
  });
  return map;
}

const parentScopes: Scope[] = [
  {},
  { school: "A" },
  { school: "A", wave: "2026" },
  { wave: "2025" },
  { bestuur: "ASKO", wave: "2026" },
];
const parentBys = [[], ["groep"], ["school"], ["wave"], ["groep", "wave"], ["school", "groep"]];

describe("suppression properties", () => {
  it("parent surveys: no value under k, no hidden group recoverable by subtraction", async () => {
    const failures: string[] = [];
    let hiddenCells = 0;
    for (let seed = 1; seed <= 1000 && failures.length === 0; seed++) {
      const random = rng(seed);
      const responses = randomParentResponses(random);
      const p = privacy(random);
      const scope = pick(random, parentScopes);
      const by = pick(random, parentBys).filter((d) => !(d in scope));
      const scores = scoresOf(parentInstrument, responses);

      const constructs = aggregateConstructs(parentInstrument, responses, { scope, by, privacy: p });
      if (!constructs.ok) throw new Error(JSON.stringify(constructs.errors));
      const rows = (t: typeof constructs.value) =>
        [t.total, ...t.groups].map((g) => ({ ...g, cells: g.constructs }));
      const [ct, ...cg] = rows(constructs.value);
      checkTable(
        {
          threshold: p.k,
          scope,
          responses,
          total: ct!,
          groups: cg,
          student: false,
          contributes: (r, c) => scores.get(r)?.[c] != null,
        },
        failures,
      );
      // Means of hidden groups; a shown cell whose own population happens to have the same mean is a coincidence.
      const meanOf = (key: GroupKey, c: string) => {
        const own = responses.filter(inScope(scope, key)).flatMap((r) => scores.get(r)?.[c] ?? []);
        return own.length === 0 ? null : own.reduce((a, b) => a + b, 0) / own.length;
      };
      const shownMeans: number[] = [];
      const hiddenMeans: number[] = [];
      for (const g of [constructs.value.total, ...constructs.value.groups])
        for (const [c, cell] of Object.entries(g.constructs)) {
          const m = meanOf(g.key, c);
          if (cell.status === "suppressed") hiddenCells++;
          if (m === null) continue;
          if (cell.status === "shown") shownMeans.push(m);
          else if (cell.status === "suppressed") hiddenMeans.push(m);
        }
      checkNoHiddenMean(
        JSON.stringify(constructs.value),
        hiddenMeans.filter((m) => !shownMeans.some((x) => Math.abs(x - m) < 1e-12)),
        failures,
      );

      const items = summariseItems(parentInstrument, responses, { scope, by, privacy: p });
      if (!items.ok) throw new Error("items");
      checkTable(
        {
          threshold: p.k,
          scope,
          responses,
          total: { ...items.value.total, cells: items.value.total.items },
          groups: items.value.groups.map((g) => ({ ...g, cells: g.items })),
          student: false,
          contributes: validCode,
        },
        failures,
      );

      const texts = await openAnswers(parentInstrument, responses, { scope, by, privacy: p });
      if (!texts.ok) throw new Error("texts");
      checkTable(
        {
          threshold: p.kText,
          scope,
          responses,
          total: { ...texts.value.total, cells: texts.value.total.items },
          groups: texts.value.groups.map((g) => ({ ...g, cells: g.items })),
          student: false,
          contributes: () => true,
        },
        failures,
      );
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // the datasets are thin enough that suppression really happens
    expect(hiddenCells).toBeGreaterThan(1000);
  });

  it("student feedback: groups need k responses and k distinct students, and are never per student", async () => {
    const failures: string[] = [];
    let studentHidden = 0;
    for (let seed = 1; seed <= 1000 && failures.length === 0; seed++) {
      const random = rng(seed * 7919);
      const responses = randomObservations(random);
      const p = privacy(random);
      const scope = pick<Scope>(random, [{}, { fase: "hoofdfase" }, { gesprekssoort: "kennismaking" }]);
      const by = pick(random, [[], ["fase"], ["gesprekssoort"], ["fase", "gesprekssoort"]]).filter(
        (d) => !(d in scope),
      );
      const scores = scoresOf(observationInstrument, responses);

      const constructs = aggregateConstructs(observationInstrument, responses, { scope, by, privacy: p });
      if (!constructs.ok) throw new Error(JSON.stringify(constructs.errors));
      const all = [constructs.value.total, ...constructs.value.groups].map((g) => ({
        ...g,
        cells: g.constructs,
      }));
      checkTable(
        {
          threshold: p.k,
          scope,
          responses,
          total: all[0]!,
          groups: all.slice(1),
          student: true,
          contributes: (r, c) => scores.get(r)?.[c] != null,
        },
        failures,
      );
      for (const g of all)
        for (const cell of Object.values(g.cells))
          if (cell.status === "suppressed" && cell.reason === "student-feedback") studentHidden++;
      const json = JSON.stringify(constructs.value);
      for (const r of responses)
        if (json.includes(`"${r.context.student}"`))
          failures.push("a student pseudonym appears in an aggregate");

      const ja = jaShares(observationInstrument, responses, { scope, by, privacy: p });
      if (!ja.ok) throw new Error("ja");
      const applies = (r: SurveyResponse, item: string) =>
        item !== "k1" || r.context.gesprekssoort === "kennismaking";
      checkTable(
        {
          threshold: p.k,
          scope,
          responses,
          total: { ...ja.value.total, cells: ja.value.total.items },
          groups: ja.value.groups.map((g) => ({ ...g, cells: g.items })),
          student: true,
          contributes: (r, item) => applies(r, item) && validCode(r, item),
        },
        failures,
      );

      const texts = await openAnswers(observationInstrument, responses, { scope, by, privacy: p });
      if (!texts.ok) throw new Error("texts");
      checkTable(
        {
          threshold: p.kText,
          scope,
          responses,
          total: { ...texts.value.total, cells: texts.value.total.items },
          groups: texts.value.groups.map((g) => ({ ...g, cells: g.items })),
          student: true,
          contributes: (r) => r.context.gesprekssoort === "kennismaking",
        },
        failures,
      );
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(studentHidden).toBeGreaterThan(50);
  });
});
