import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { factsLayout } from "../src/analysis/facts-layout.js";
import { fillFactsSql } from "../src/analysis/facts-sql.js";
import { DuckDb } from "../src/duckdb/connection.js";
import { migrate, migrations } from "../src/duckdb/migrations.js";
import { openDuckDbStore } from "../src/index.js";
import { answer, newImport, response, type TempDir, tempDir, testInstrument } from "./helpers.js";

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
  it("an import writes the rows the long tables give, and nothing else", async () => {
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

  it("are made for imports from before definitions were stored, once the definition is known", async () => {
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
      expect(await store.adoptInstruments([testInstrument("ouderpopulatie", "2.0")])).toBe(0);
      expect(await store.adoptInstruments([testInstrument()])).toBe(1);
      expect(await store.adoptInstruments([testInstrument()])).toBe(0);
      expect(await store.dataVersion()).toBeGreaterThan(before);
      const [stored] = await store.instruments();
      expect(stored).toMatchObject({ key: 1, responses: 2 });
      const [total] = await store.analysis.frequencies(
        { instruments: [1], where: { school: "S1" } },
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
  });

  it("lose an erased respondent's and an erased import's rows, with their data version", async () => {
    const store = await openDuckDbStore(dir.file("erase.duckdb"));
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
