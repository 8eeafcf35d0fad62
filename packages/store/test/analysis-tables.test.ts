import { readFileSync } from "node:fs";
import { join } from "node:path";
import { instrumentSchema, type SurveyResponse } from "@zaz/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { factsLayout } from "../src/analysis/facts-layout.js";
import { fillFactsSql } from "../src/analysis/facts-sql.js";
import { DuckDb } from "../src/duckdb/connection.js";
import { migrate, migrations } from "../src/duckdb/migrations.js";
import { findRepoRoot, openDuckDbStore } from "../src/index.js";
import {
  answer,
  newImport,
  newTestDatabase,
  onPostgres,
  openTestStore,
  response,
  type TempDir,
  tempDir,
  testInstrument,
} from "./helpers.js";

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.remove();
});

const someResponses = () => [
  response("a", { school: "S1", groep: "1", wave: "W" }, [answer("q1", 4), answer("q2", 0), answer("q3", 2)]),
  response("b", { school: "S1", groep: "2", wave: "W" }, [
    answer("q1", 1),
    { item: "q2", code: null, text: null, missing: "weet_niet" },
    answer("q9", 3),
  ]),
  response("c", { school: "S2", wave: "W" }, [answer("q1", 3), answer("q1", 2), answer("q12", 7)]),
];

describe("the analysis tables", () => {
  // DuckDB only (the first three): they read the file with DuckDB's SQL (the encoder in SQL, a database
  // of an old schema); the PostgreSQL store's analysis results are held to DuckDB's by the parity tests
  it.skipIf(onPostgres)("an import writes the rows the long tables give, and nothing else", async () => {
    const path = dir.file("facts.duckdb");
    const store = await openDuckDbStore(path);
    await store.importResponses(newImport("imp", { context: { wave: "W" } }), someResponses());
    await store.close();
    const db = await DuckDb.open(path);
    try {
      const instrument = testInstrument();
      const layout = factsLayout(1, instrument);
      await db.run("CREATE TEMP TABLE again AS SELECT * FROM facts_1 WHERE FALSE");
      await db.run(fillFactsSql(layout).replace('"facts_1"', "again"), [0n, 100n, "imp"]);
      const rows = (table: string) =>
        db.all(`SELECT * EXCLUDE (import_id) FROM ${table} ORDER BY response_id`);
      const written = await rows("facts_1");
      expect(written).toEqual(await rows("again"));
      expect(written.map((r) => [r.d_school, r.d_groep, r.i_q1, r.i_q2, r.i_q3, r.i_q12])).toEqual([
        ["S1", "1", 4, 0, 2, null],
        // weet niet is −1 in the analysis table
        ["S1", "2", 1, -1, null, null],
        // the first valid code wins (the lower position); 7 is not on the scale
        ["S2", null, 2, null, null, null],
      ]);
    } finally {
      db.close();
    }
  });

  it.skipIf(onPostgres)(
    "hold the same rows whether written at import or made afterwards from the long tables",
    async () => {
      // The import encodes rows in JavaScript, the adoption of older imports in SQL: every kind of
      // item must come out the same both ways (a second encoder that drifted would show here).
      const instrument = instrumentSchema.parse(
        JSON.parse(
          readFileSync(
            join(findRepoRoot(import.meta.dirname), "data", "instrumenten", "ouderpopulatie.json"),
            "utf8",
          ),
        ),
      );
      const missing = (item: string, kind: "weet_niet" | "nvt" | "leeg") => ({
        item,
        code: null,
        text: null,
        missing: kind,
      });
      const responses: SurveyResponse[] = [
        response("a", { school: "S1", groep: "1", wave: "W" }, [
          answer("erv_ph1", 4),
          answer("erv_ph2", 1),
          missing("erv_ph3", "weet_niet"),
          missing("erv_hc1", "nvt"),
          // multiple choice: several labels
          answer("ach_taal", 1),
          answer("ach_taal", 7),
          answer("ach_taal", 9),
          answer("ach_nl", 3),
          answer("ach_kinderen", 2.5),
          answer("open_goed", null, "fijne school"),
        ]),
        response("b", { school: "S1", groep: "2", wave: "W" }, [
          missing("ach_taal", "leeg"),
          missing("ach_kinderen", "leeg"),
          answer("ach_contact", 2),
          missing("open_tip", "leeg"),
          answer("erv_if3", 5),
        ]),
        response("c", { school: "S2", wave: "W" }, [
          answer("ach_taal", 2),
          answer("ach_kinderen", 0),
          answer("erv_ph1", 3),
          // answered twice: both encoders must keep the same one
          answer("erv_ph1", 5),
        ]),
        response("d", { school: "S2", groep: "8", wave: "W" }, []),
      ];
      const path = dir.file("kinds.duckdb");
      const store = await openDuckDbStore(path);
      await store.importResponses(
        newImport("kinds", { instrument, context: { bestuur: "B", wave: "W" } }),
        responses,
      );
      await store.close();
      const db = await DuckDb.open(path);
      try {
        const layout = factsLayout(1, instrument);
        await db.run("CREATE TEMP TABLE again AS SELECT * FROM facts_1 WHERE FALSE");
        await db.run(fillFactsSql(layout).replace('"facts_1"', "again"), [0n, 100n, "kinds"]);
        const rows = (table: string) =>
          db.all(`SELECT * EXCLUDE (import_id) FROM ${table} ORDER BY response_id`);
        const written = await rows("facts_1");
        expect(written).toHaveLength(4);
        expect(written).toEqual(await rows("again"));
      } finally {
        db.close();
      }
    },
  );

  it.skipIf(onPostgres)(
    "are made for imports from before definitions were stored, once the definition is known",
    async () => {
      const path = dir.file("legacy.duckdb");
      // A database of schema version 3, filled as the first version of zaz did.
      const old = await DuckDb.open(path);
      await migrate(old, migrations.slice(0, 3));
      await old.run(
        "INSERT INTO imports VALUES ('old', 1, 'oud.csv', 'ouderpopulatie', '1.0', 'google-forms', 2, '2025-01-01', 2, 3, false)",
      );
      await old.run(
        "INSERT INTO responses VALUES (1, 'old', 'ouderpopulatie', 'k1', 2, NULL), (2, 'old', 'ouderpopulatie', 'k2', 3, NULL)",
      );
      await old.run(
        "INSERT INTO response_context VALUES (1, 'school', 'S1'), (1, 'wave', 'W'), (2, 'school', 'S1'), (2, 'wave', 'W')",
      );
      await old.run(
        "INSERT INTO answers VALUES (1, 0, 'q1', 3, NULL, NULL), (1, 1, 'q2', 4, NULL, NULL), (2, 0, 'q1', 1, NULL, NULL)",
      );
      old.close();

      const store = await openDuckDbStore(path);
      try {
        expect(await store.instruments()).toEqual([]);
        const before = await store.dataVersion();
        // Another version of the instrument does not fit the import: nothing happens.
        expect(await store.adoptInstruments(async () => [testInstrument("ouderpopulatie", "2.0")])).toBe(0);
        expect(await store.adoptInstruments(async () => [testInstrument()])).toBe(1);
        expect(
          await store.adoptInstruments(async () => {
            throw new Error("nothing left to adopt: the files are not read");
          }),
        ).toBe(0);
        expect(await store.dataVersion()).toBeGreaterThan(before);
        const [stored] = await store.instruments();
        expect(stored).toMatchObject({ key: 1, responses: 2 });
        // opening registered school S1 as "s1" and rewrote the stored name to that id (registry-backfill.ts)
        const [total] = await store.analysis.frequencies(
          { instruments: [1], where: { school: "s1" } },
          { groupingSets: [[]], items: ["q1"] },
        );
        expect(total?.responses).toBe(2);
        expect([...(total?.items.q1 ?? [])].sort((a, b) => (a.value ?? 0) - (b.value ?? 0))).toEqual([
          { value: 1, missing: null, count: 1 },
          { value: 3, missing: null, count: 1 },
        ]);
      } finally {
        await store.close();
      }
    },
  );

  it("lose an erased respondent's and an erased import's rows, with their data version", async () => {
    const store = await openTestStore(await newTestDatabase(dir.path, "erase.duckdb"));
    try {
      await store.importResponses(newImport("imp"), someResponses());
      const count = async () =>
        (await store.analysis.frequencies({ instruments: [1] }, { groupingSets: [[]] }))[0]?.responses ?? 0;
      expect(await count()).toBe(3);
      const version = await store.dataVersion();
      await store.viewResults.put("v", version, "{}");
      expect(await store.viewResults.get("v")).toEqual({ dataVersion: version, body: "{}" });
      await store.removeImport("imp");
      expect(await count()).toBe(0);
      expect(await store.dataVersion()).toBeGreaterThan(version);
      // kept views of older data are gone, and a late result for them is not kept
      expect(await store.viewResults.get("v")).toBeUndefined();
      await store.viewResults.put("v", version, "{}");
      expect(await store.viewResults.get("v")).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
