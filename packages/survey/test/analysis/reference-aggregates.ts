import type { Instrument, MissingKind, SurveyResponse } from "@zaz/model";
import type { Frequency, GroupData, GroupedData, GroupPlan } from "../../src/index.js";

/**
 * A second, plain implementation of what the store's analysis queries compute, over responses in
 * memory: the reference the SQL is held to (sql-equivalence.test.ts) and the way analysis tests feed
 * the finishing functions. Semantics: a scale score is the mean of the valid (reverse-scored) answers
 * to the construct's items that the response was asked, given at least minValid of them.
 */

function asked(instrument: Instrument, itemId: string, r: SurveyResponse): boolean {
  const item = instrument.items.find((i) => i.id === itemId);
  const section = instrument.sections.find((s) => s.id === item?.section);
  const when = section?.appliesWhen;
  return when === undefined || when.values.includes(r.context[when.dimension] ?? "");
}

function scaleOf(instrument: Instrument, itemId: string) {
  const item = instrument.items.find((i) => i.id === itemId);
  return instrument.scales.find((s) => s.id === item?.scale);
}

/** The first valid code of a choice or scale item, or the first missing kind; null when not answered. */
function answerOf(
  instrument: Instrument,
  itemId: string,
  r: SurveyResponse,
): { code: number | null; missing: MissingKind | null } | null {
  if (!asked(instrument, itemId, r)) return null;
  const item = instrument.items.find((i) => i.id === itemId)!;
  const scale = scaleOf(instrument, itemId);
  const answers = r.answers.filter((a) => a.item === itemId);
  if (answers.length === 0) return null;
  const valid = answers.find(
    (a) =>
      a.missing === null &&
      a.code !== null &&
      (item.type === "number" || scale?.labels.some((l) => l.code === a.code)),
  );
  if (valid) return { code: valid.code, missing: null };
  const missing = answers.find((a) => a.missing !== null);
  return missing ? { code: null, missing: missing.missing } : null;
}

export function referenceScore(instrument: Instrument, construct: string, r: SurveyResponse): number | null {
  const c = instrument.constructs.find((x) => x.id === construct);
  if (c === undefined) return null;
  let sum = 0;
  let valid = 0;
  for (const item of instrument.items.filter((i) => i.type === "scale" && i.constructs.includes(construct))) {
    const answer = answerOf(instrument, item.id, r);
    if (answer?.code === null || answer === null) continue;
    const codes = scaleOf(instrument, item.id)!.labels.map((l) => l.code);
    sum += item.reverse ? Math.min(...codes) + Math.max(...codes) - answer.code : answer.code;
    valid++;
  }
  return valid >= Math.max(1, c.minValid) ? sum / valid : null;
}

function tally(map: Map<string, Frequency>, value: number | null, missing: MissingKind | null): void {
  const key = `${value}|${missing}`;
  const f = map.get(key);
  map.set(key, { value, missing, count: (f?.count ?? 0) + 1 });
}

export interface ReferenceRequest {
  readonly constructs?: readonly string[];
  readonly items?: readonly string[];
  readonly texts?: readonly string[];
  readonly student?: string | null;
}

export function referenceGroup(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  key: Record<string, string>,
  request: ReferenceRequest,
): GroupData {
  const constructs: Record<string, Map<string, Frequency>> = {};
  const items: Record<string, Map<string, Frequency>> = {};
  const chose: Record<string, number> = {};
  const askedCounts: Record<string, number> = {};
  const student = request.student ?? null;
  const studentSets = {
    all: new Set<string>(),
    constructs: {} as Record<string, Set<string>>,
    items: {} as Record<string, Set<string>>,
  };
  for (const id of request.constructs ?? []) {
    constructs[id] = new Map();
    studentSets.constructs[id] = new Set();
  }
  for (const id of request.items ?? []) {
    items[id] = new Map();
    studentSets.items[id] = new Set();
  }
  for (const id of request.texts ?? []) askedCounts[id] = 0;
  for (const r of responses) {
    const s = student === null ? undefined : r.context[student];
    if (s) studentSets.all.add(s);
    for (const id of request.constructs ?? []) {
      const score = referenceScore(instrument, id, r);
      if (score === null) continue;
      tally(constructs[id]!, score, null);
      if (s) studentSets.constructs[id]!.add(s);
    }
    for (const id of request.items ?? []) {
      const item = instrument.items.find((i) => i.id === id);
      if (item === undefined || !asked(instrument, id, r)) continue;
      if (item.type === "multiple") {
        const scale = scaleOf(instrument, id);
        const given = r.answers.filter((a) => a.item === id);
        const codes = [
          ...new Set(
            given.flatMap((a) =>
              a.missing === null && a.code !== null && scale?.labels.some((l) => l.code === a.code)
                ? [a.code]
                : [],
            ),
          ),
        ];
        if (codes.length > 0) {
          chose[id] = (chose[id] ?? 0) + 1;
          for (const code of codes) tally(items[id]!, code, null);
          if (s) studentSets.items[id]!.add(s);
        } else {
          const missing = given.find((a) => a.missing !== null)?.missing;
          if (missing) tally(items[id]!, null, missing);
        }
        continue;
      }
      const answer = answerOf(instrument, id, r);
      if (answer === null) continue;
      tally(items[id]!, answer.code, answer.missing);
      if (answer.code !== null && s) studentSets.items[id]!.add(s);
    }
    for (const id of request.texts ?? [])
      if (asked(instrument, id, r)) askedCounts[id] = (askedCounts[id] ?? 0) + 1;
  }
  const list = (m: Map<string, Frequency>) => [...m.values()];
  return {
    key,
    responses: responses.length,
    constructs: Object.fromEntries(Object.entries(constructs).map(([id, m]) => [id, list(m)])),
    items: Object.fromEntries(Object.entries(items).map(([id, m]) => [id, list(m)])),
    chose,
    asked: askedCounts,
    students: student === null ? null : studentSets,
  };
}

const inScope = (plan: GroupPlan, r: SurveyResponse) =>
  plan.scope.every((l) => (r.context[l.dimension] ?? "") === l.code);

/** The grouped data of a plan, as the views layer assembles it from the store. */
export function referenceData(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  plan: GroupPlan,
  request: ReferenceRequest & { clusters?: readonly string[] },
): GroupedData {
  const scoped = responses.filter((r) => inScope(plan, r));
  const student = request.student === undefined ? plan.studentDimension : request.student;
  const req = { ...request, student };
  const byKey = (dims: readonly string[]) => {
    const groups = new Map<string, SurveyResponse[]>();
    for (const r of scoped) {
      const key = JSON.stringify(dims.map((d) => r.context[d] ?? ""));
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups].map(([key, rs]) => {
      const values = JSON.parse(key) as string[];
      return referenceGroup(instrument, rs, Object.fromEntries(dims.map((d, i) => [d, values[i]!])), req);
    });
  };
  const by = plan.by.map((b) => b.id);
  return {
    total: scoped.length === 0 ? undefined : referenceGroup(instrument, scoped, {}, req),
    groups: by.length === 0 ? [] : byKey(by),
    ...(request.clusters === undefined ? {} : { clusters: byKey(request.clusters) }),
  };
}

/** The sums of the store's reliability query, from responses: listwise over a construct's items. */
export function referenceReliability(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  plan: GroupPlan,
  construct: string,
) {
  const items = instrument.items.filter((i) => i.type === "scale" && i.constructs.includes(construct));
  const student = plan.studentDimension;
  const sums = items.map(() => 0);
  const products: number[] = [];
  for (let i = 0; i < items.length; i++) for (let j = i; j < items.length; j++) products.push(0);
  let n = 0;
  let excluded = 0;
  const students = new Set<string>();
  for (const r of responses.filter((x) => inScope(plan, x))) {
    if (!items.some((i) => asked(instrument, i.id, r))) continue;
    const row: number[] = [];
    for (const item of items) {
      const a = answerOf(instrument, item.id, r);
      if (a?.code === null || a === null) break;
      const codes = scaleOf(instrument, item.id)!.labels.map((l) => l.code);
      row.push(item.reverse ? Math.min(...codes) + Math.max(...codes) - a.code : a.code);
    }
    if (row.length < items.length) {
      excluded++;
      continue;
    }
    n++;
    if (student !== null && r.context[student]) students.add(r.context[student]!);
    let p = 0;
    for (let i = 0; i < row.length; i++) {
      sums[i]! += row[i]!;
      for (let j = i; j < row.length; j++) products[p++]! += row[i]! * row[j]!;
    }
  }
  return { construct, n, excluded, sums, products, students: student === null ? null : [...students].sort() };
}
