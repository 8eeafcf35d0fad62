import { DuckDBInstance } from "@duckdb/node-api";
import { type Instrument, type InstrumentInput, instrumentSchema, type SurveyResponse } from "@zaz/model";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  response as fixtureResponse,
  observationInstrument,
  parentInstrument,
  pick,
  randomObservations,
  randomParentResponses,
  rng,
  scaleAnswer,
  textAnswer,
} from "../../../survey/test/analysis/fixtures.js";
import type { AnalysisQueries, DerivedDimension, Selection } from "../../src/index.js";
import { openDuckDbStore, openStore, type Store } from "../../src/index.js";
import { answer, newImport, response, type TempDir, tempDir } from "../helpers.js";
import { newDutchPgDatabase, newPgDatabase, skipWithoutPostgres } from "./pg-database.js";

/**
 * The same responses imported into a DuckDB file and a PostgreSQL database must be stored alike (the
 * content hash of each response) and give the same numbers in every analysis query.
 */

let dir: TempDir;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await dir.remove();
});

async function duckDbHashes(path: string): Promise<Map<string, string>> {
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll("SELECT import_id, key, content_hash FROM responses");
    const rows = reader.getRowObjectsJS() as { import_id: string; key: string; content_hash: string }[];
    connection.closeSync();
    return new Map(rows.map((r) => [`${r.import_id}/${r.key}`, r.content_hash]));
  } finally {
    instance.closeSync();
  }
}

async function postgresHashes(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query("SELECT import_id, key, content_hash FROM responses")).rows;
    return new Map(rows.map((r) => [`${r.import_id}/${r.key}`, String(r.content_hash)]));
  } finally {
    await client.end();
  }
}

const awkwardCodes = [
  12,
  -3,
  0,
  2.5,
  0.1,
  1 / 3,
  1e15,
  1234567890123456.5,
  -1234567890123456.5,
  9007199254740992,
  1e16,
  1e20,
  1.2345678901234568e17,
  0.0001,
  0.00001,
  1.5e-7,
  123456789.125,
];
const awkwardTexts = [
  "",
  " ",
  "regel\r\nregel",
  "cr\ralleen",
  "lf\nalleen",
  "tab\tslash\\",
  "é€😀",
  "~",
  "3:abc",
  "\u001f",
];

describe.skipIf(skipWithoutPostgres)("DuckDB and PostgreSQL store the same responses alike", () => {
  it("gives every response the same content hash", async () => {
    const responses: SurveyResponse[] = [
      ...awkwardCodes.map((code, i) =>
        response(`code${i}`, { school: "A" }, [answer("q1", code), answer("q2", i)]),
      ),
      ...awkwardTexts.map((text, i) =>
        response(`text${i}`, { school: "A" }, [answer("q1", 1, text), answer("q3", null, text)]),
      ),
      response("empty", { school: "A" }, []),
      response("missing", { school: "A" }, [
        { item: "q1", code: null, text: null, missing: "weet_niet" },
        { item: "q2", code: null, text: "anders", missing: "leeg" },
      ]),
    ];
    const path = dir.file("hash.duckdb");
    const duck = await openDuckDbStore(path);
    await duck.importResponses(newImport("h"), responses);
    await duck.close();
    const url = await newPgDatabase();
    const postgres = await openStore(url);
    await postgres.importResponses(newImport("h"), responses);
    await postgres.close();
    const expected = await duckDbHashes(path);
    expect(expected.size).toBe(responses.length);
    expect(Object.fromEntries(await postgresHashes(url))).toEqual(Object.fromEntries(expected));
  });
});

/** The test survey with a multiple-choice and a number item beside its scales (as sql-equivalence.test.ts). */
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
    // texts that sort differently by byte and by language: the first few of a group must be the same ones
    if (random() < 0.3)
      extra.push(textAnswer("open", pick(random, ["appel", "Appel", "éclair", "Zebra", "zee", " a "])));
    return { ...r, answers: [...r.answers, ...extra] };
  });
}

const homeLanguage: DerivedDimension = {
  id: "thuistaal",
  item: "taal",
  values: [
    { value: "zeven", codes: [7] },
    { value: "anders", codes: [3, 9, 1] },
  ],
};

/** every query of AnalysisQueries over the loaded data, with results in a fixed order */
async function everyQuery(analysis: AnalysisQueries, parents: number, observations: number) {
  const sorted = <T>(list: readonly T[]) =>
    [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const scope: Selection = { instruments: [parents], where: { wave: "2026" } };
  const derived: Selection = { instruments: [parents], derived: [homeLanguage] };
  const request = {
    constructs: ["communicatie", "klimaat"],
    items: ["hc1", "hc2", "uk2", "kanaal", "taal", "kinderen"],
    texts: ["open"],
  };
  return {
    frequencies: await analysis.frequencies(scope, {
      groupingSets: [["school", "groep"], ["school"], []],
      ...request,
    }),
    derivedFrequencies: await analysis.frequencies(derived, {
      groupingSets: [["thuistaal"], []],
      ...request,
    }),
    students: sorted(
      await analysis.students(
        { instruments: [observations] },
        {
          groupingSets: [["fase"], []],
          student: "student",
          constructs: ["algemeen", "kennismaking"],
          items: ["g1", "k1"],
        },
      ),
    ),
    reliability: await analysis.reliability(scope, [
      { construct: "communicatie", items: ["hc1", "hc2", "hc3"] },
      { construct: "klimaat", items: ["uk1", "uk2"] },
    ]),
    reliabilityByStudent: await analysis.reliability(
      { instruments: [observations] },
      [{ construct: "algemeen", items: ["g1", "g2", "g3"] }],
      "student",
    ),
    texts: sorted(await analysis.texts(scope, { items: ["open"], by: [], groups: [], limit: 3 })),
    textsByGroep: sorted(
      await analysis.texts(
        { instruments: [parents] },
        {
          items: ["open"],
          by: ["school", "groep"],
          groups: [
            { school: "A", groep: "1" },
            { school: "A", groep: "" },
            { school: "B", groep: "3" },
          ],
          limit: 2,
        },
      ),
    ),
    values: sorted(
      await analysis.values({ instruments: [parents, observations] }, ["school", "groep", "wave"]),
    ),
    derivedValues: sorted(await analysis.values(derived, ["thuistaal"])),
    instrumentsIn: [...(await analysis.instrumentsIn({ instruments: [parents, observations] })).entries()],
  };
}

async function load(store: Store, id: string, instrument: Instrument, responses: readonly SurveyResponse[]) {
  await store.importResponses(
    { id, fileName: `${id}.csv`, instrument, profile: "test", context: {}, rowsRead: responses.length },
    responses,
  );
  const key = (await store.instruments()).find((s) => s.instrument.id === instrument.id)?.key;
  if (key === undefined) throw new Error("instrument not stored");
  return key;
}

describe.skipIf(skipWithoutPostgres)("DuckDB and PostgreSQL give the same analysis results", () => {
  it("for every analysis query, on random data of several seeds", async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const random = rng(seed);
      const parents = widen(random, randomParentResponses(random));
      const observations = randomObservations(random);
      // a response stored twice and an erased respondent: the analysis tables follow the long ones
      parents.push({ ...fixtureResponse({ school: "A", wave: "2026", groep: "1", _respondent: "weg" }, []) });
      const results = [];
      for (const target of [":memory:", await newDutchPgDatabase()]) {
        const store = await openStore(target);
        try {
          const p = await load(store, `p${seed}`, wideInstrument, parents);
          const o = await load(store, `o${seed}`, observationInstrument, observations);
          await store.removeRespondent("weg");
          results.push(await everyQuery(store.analysis, p, o));
        } finally {
          await store.close();
        }
      }
      const [duck, postgres] = results;
      expect(duck?.frequencies.length, `seed ${seed}`).toBeGreaterThan(0);
      expect(postgres, `seed ${seed}`).toEqual(duck);
    }
  });
});
