import { join } from "node:path";
import type { Instrument, InstrumentInput, SurveyResponse } from "@zaz/model";
import { instrumentSchema } from "@zaz/model";
import { openDuckDbStore, type Store } from "@zaz/store";
import { describe, expect, it } from "vitest";
import {
  defaultInstrumentDir,
  type Frequency,
  type GroupData,
  loadInstrumentFile,
  planGroups,
} from "../../src/index.js";
import {
  observationInstrument,
  parentInstrument,
  pick,
  randomObservations,
  randomParentResponses,
  response,
  rng,
  scaleAnswer,
} from "./fixtures.js";
import { referenceData, referenceReliability } from "./reference-aggregates.js";

// The store computes the analysis's aggregates in SQL; these tests hold that SQL to the plain
// reference implementation on random data: reverse coding, minValid, every kind of missing value,
// sections that apply to one kind of conversation, multiple choice, numbers, and two versions of an
// instrument pooled by construct id.

const norm = (fs: readonly Frequency[] | undefined) =>
  [...(fs ?? [])].map((f) => `${f.value}|${f.missing}|${f.count}`).sort();

function expectSameGroup(
  sql: Omit<GroupData, "students"> | undefined,
  ref: GroupData | undefined,
  where: string,
) {
  expect(sql?.responses ?? 0, `${where}: responses`).toBe(ref?.responses ?? 0);
  if (ref === undefined) return;
  for (const [id, fs] of Object.entries(ref.constructs))
    expect(norm(sql?.constructs[id]), `${where} c:${id}`).toEqual(norm(fs));
  for (const [id, fs] of Object.entries(ref.items))
    expect(norm(sql?.items[id]), `${where} i:${id}`).toEqual(norm(fs));
  for (const [id, n] of Object.entries(ref.chose))
    expect(sql?.chose[id] ?? 0, `${where} chose ${id}`).toBe(n);
  for (const [id, n] of Object.entries(ref.asked))
    expect(sql?.asked[id] ?? 0, `${where} asked ${id}`).toBe(n);
}

type AnalysisSql = { portable?: boolean; mapsPerStatement?: number };

async function withStore<T>(analysisSql: AnalysisSql, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openDuckDbStore(":memory:", { analysisSql });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

let imported = 0;
async function load(
  store: Store,
  instrument: Instrument,
  responses: readonly SurveyResponse[],
): Promise<number> {
  imported++;
  await store.importResponses(
    {
      id: `import-${imported}`,
      fileName: "x.csv",
      instrument,
      profile: "test",
      context: {},
      rowsRead: responses.length,
    },
    responses,
  );
  const key = (await store.instruments()).find(
    (s) => JSON.stringify(s.instrument) === JSON.stringify(instrument),
  )?.key;
  if (key === undefined) throw new Error("instrument not stored");
  return key;
}

/** The test survey with a multiple-choice and a number item beside its scales. */
const wideInstrument = instrumentSchema.parse({
  ...(parentInstrument as unknown as InstrumentInput),
  id: "test_breed",
  scales: [
    ...(parentInstrument.scales as InstrumentInput["scales"] & object[]),
    {
      id: "talen",
      name: "Talen",
      ordered: false,
      labels: [7, 3, 9, 1].map((code) => ({ code, label: `taal ${code}` })),
      missing: [{ kind: "weet_niet", label: "?" }],
    },
  ],
  items: [
    ...(parentInstrument.items as InstrumentInput["items"]),
    { id: "taal", text: "Talen thuis", type: "multiple", scale: "talen" },
    { id: "kinderen", text: "Kinderen", type: "number" },
  ],
} as InstrumentInput);

function widen(random: () => number, rs: readonly SurveyResponse[]): SurveyResponse[] {
  return rs.map((r) => {
    const extra = [];
    const x = random();
    if (x < 0.1) extra.push(scaleAnswer("taal", "weet_niet"));
    else if (x < 0.85)
      for (const code of [7, 3, 9, 1]) if (random() < 0.4) extra.push(scaleAnswer("taal", code));
    const y = random();
    if (y < 0.1) extra.push(scaleAnswer("kinderen", "leeg"));
    else if (y < 0.9) extra.push(scaleAnswer("kinderen", pick(random, [1, 2, 2.5, 3, 7])));
    return { ...r, answers: [...r.answers, ...extra] };
  });
}

// The SQL DuckDB runs (also split over many statements) and the portable SQL a PostgreSQL store will run.
describe.each<[string, AnalysisSql]>([
  ["DuckDB's SQL", {}],
  ["DuckDB's SQL, 3 count maps per statement", { mapsPerStatement: 3 }],
  ["portable SQL", { portable: true }],
])("the store's aggregates equal the reference (%s)", (_, analysisSql) => {
  it("parent surveys: scores, codes, missing kinds, multiple choice and numbers, by groep and in total", async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = rng(seed);
      const responses = widen(random, randomParentResponses(random));
      await withStore(analysisSql, async (store) => {
        const key = await load(store, wideInstrument, responses);
        const scope = { school: "A", wave: "2026" };
        const plan = planGroups(wideInstrument, { scope, by: ["groep"] });
        if (!plan.ok) throw new Error("plan");
        const request = {
          constructs: ["communicatie", "klimaat"],
          items: ["hc1", "hc2", "uk2", "kanaal", "taal", "kinderen"],
          texts: ["open"],
        };
        const ref = referenceData(wideInstrument, responses, plan.value, { ...request, clusters: ["groep"] });
        const sql = await store.analysis.frequencies(
          { instruments: [key], where: scope },
          { groupingSets: [["groep"], []], ...request },
        );
        expectSameGroup(
          sql.find((g) => g.set === 1),
          ref.total,
          `seed ${seed} total`,
        );
        for (const g of ref.groups)
          expectSameGroup(
            sql.find((s) => s.set === 0 && s.key.groep === g.key.groep),
            g,
            `seed ${seed} groep ${g.key.groep}`,
          );
        expect(sql.filter((s) => s.set === 0)).toHaveLength(ref.groups.length);

        const reliability = await store.analysis.reliability({ instruments: [key], where: scope }, [
          { construct: "communicatie", items: ["hc1", "hc2", "hc3"] },
        ]);
        const expected = referenceReliability(wideInstrument, responses, plan.value, "communicatie");
        expect(reliability[0]).toMatchObject({
          n: expected.n,
          excluded: expected.excluded,
          sums: expected.sums,
          products: expected.products,
        });

        const texts = await store.analysis.texts(
          { instruments: [key], where: scope },
          { items: ["open"], by: [], groups: [], limit: 5 },
        );
        const all = responses
          .filter((r) => r.context.school === "A" && r.context.wave === "2026")
          .flatMap((r) =>
            r.answers.filter((a) => a.item === "open" && a.text?.trim()).map((a) => a.text!.trim()),
          );
        expect(texts[0]?.total ?? 0).toBe(all.length);
        expect(texts[0]?.texts ?? []).toEqual(
          [...all].sort().slice(0, 5).sort(new Intl.Collator("nl").compare),
        );
      });
    }
  });

  it("student feedback: sections that apply to one kind of conversation, and distinct students", async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = rng(seed);
      const responses = randomObservations(random);
      await withStore(analysisSql, async (store) => {
        const key = await load(store, observationInstrument, responses);
        const plan = planGroups(observationInstrument, { by: ["fase"] });
        if (!plan.ok) throw new Error("plan");
        const request = { constructs: ["algemeen", "kennismaking"], items: ["g1", "k1"], texts: ["k1_opm"] };
        const ref = referenceData(observationInstrument, responses, plan.value, request);
        const sql = await store.analysis.frequencies(
          { instruments: [key] },
          { groupingSets: [["fase"], []], ...request },
        );
        expectSameGroup(
          sql.find((g) => g.set === 1),
          ref.total,
          `seed ${seed} total`,
        );
        for (const g of ref.groups)
          expectSameGroup(
            sql.find((s) => s.set === 0 && s.key.fase === g.key.fase),
            g,
            `seed ${seed} ${g.key.fase}`,
          );
        const students = await store.analysis.students(
          { instruments: [key] },
          { groupingSets: [["fase"], []], student: "student", ...request },
        );
        for (const g of [...ref.groups, ref.total]) {
          if (g === undefined) continue;
          const s = students.find((x) =>
            g.key.fase === undefined ? x.set === 1 : x.key.fase === g.key.fase,
          );
          expect(s?.all).toEqual([...(g.students?.all ?? [])].sort());
          expect(s?.constructs.kennismaking).toEqual([...(g.students?.constructs.kennismaking ?? [])].sort());
          expect(s?.items.k1).toEqual([...(g.students?.items.k1 ?? [])].sort());
        }
        const reliability = await store.analysis.reliability(
          { instruments: [key] },
          [
            { construct: "algemeen", items: ["g1", "g2", "g3"] },
            { construct: "kennismaking", items: ["k1"] },
          ],
          "student",
        );
        for (const [i, c] of ["algemeen", "kennismaking"].entries()) {
          const expected = referenceReliability(observationInstrument, responses, plan.value, c);
          expect(reliability[i]).toMatchObject({
            n: expected.n,
            excluded: expected.excluded,
            sums: expected.sums,
            products: expected.products,
            students: expected.students,
          });
        }
      });
    }
  });

  it("pools an adapted copy of an instrument by construct id, each version scored by its own definition", async () => {
    const loaded = await loadInstrumentFile(join(defaultInstrumentDir(), "ouderpopulatie.json"));
    if (!loaded.ok) throw new Error("instrument");
    const original = loaded.value.instrument;
    // The leerteam's copy: another id, uk3 no longer reverse-coded, a fourth item in positieve_houding.
    const adapted = instrumentSchema.parse({
      ...(original as unknown as InstrumentInput),
      id: "ouderpopulatie_asko",
      title: "Ouderpeiling ASKO",
      items: [
        ...original.items.map((i) => (i.id === "erv_uk3" ? { ...i, reverse: false } : i)),
        {
          id: "erv_ph4",
          text: "De leerkracht kent mijn kind goed.",
          type: "scale",
          scale: "eens5",
          constructs: ["positieve_houding"],
        },
      ],
    } as InstrumentInput);
    const random = rng(7);
    const answersFor = (instrument: Instrument) =>
      instrument.items.flatMap((item) => {
        const scale = instrument.scales.find((s) => s.id === item.scale);
        if (scale === undefined || item.type === "multiple") return [];
        if (random() < 0.1) return [scaleAnswer(item.id, "weet_niet")];
        return [scaleAnswer(item.id, pick(random, scale.labels).code)];
      });
    const make = (instrument: Instrument, school: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        response({ school, groep: String(1 + (i % 8)), wave: "2026-voorjaar" }, answersFor(instrument)),
      );
    const a = make(original, "De Linde", 60);
    const b = make(adapted, "Het Anker", 50);
    await withStore(analysisSql, async (store) => {
      const keyA = await load(store, original, a);
      const keyB = await load(store, adapted, b);
      const request = {
        constructs: ["positieve_houding", "uitnodigend_klimaat"],
        items: ["erv_uk3", "erv_ph4"],
      };
      const sql = await store.analysis.frequencies(
        { instruments: [keyA, keyB], where: { wave: "2026-voorjaar" } },
        { groupingSets: [["school"], []], ...request },
      );
      for (const [instrument, rs, school] of [
        [original, a, "De Linde"],
        [adapted, b, "Het Anker"],
      ] as const) {
        const plan = planGroups(instrument, { by: ["school"] });
        if (!plan.ok) throw new Error("plan");
        const ref = referenceData(instrument, rs, plan.value, request);
        expectSameGroup(
          sql.find((g) => g.set === 0 && g.key.school === school),
          ref.groups[0],
          school,
        );
      }
      expect(sql.find((g) => g.set === 1)?.responses).toBe(110);
      // The reliability of a scale counts only versions that have all its items.
      const [ph] = await store.analysis.reliability({ instruments: [keyA, keyB] }, [
        { construct: "positieve_houding", items: ["erv_ph1", "erv_ph2", "erv_ph3", "erv_ph4"] },
      ]);
      const planB = planGroups(adapted, {});
      if (!planB.ok) throw new Error("plan");
      const expected = referenceReliability(adapted, b, planB.value, "positieve_houding");
      expect(ph).toMatchObject({ n: expected.n, excluded: expected.excluded, sums: expected.sums });
      expect(
        await store.analysis.instrumentsIn({ instruments: [keyA, keyB], where: { school: "Het Anker" } }),
      ).toEqual(new Map([[keyB, 50]]));
    });
  });
});
