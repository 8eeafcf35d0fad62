import { type Instrument, instrumentSchema } from "@zaz/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuckDb } from "../src/duckdb/connection.js";
import { importResponses } from "../src/duckdb/import-responses.js";
import { migrate, migrations } from "../src/duckdb/migrations.js";
import { openDuckDbStore, StoreError } from "../src/index.js";
import {
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

/** The test instrument with a board dimension, as the ouderpopulatie survey has. */
function withBestuur(): Instrument {
  const base = testInstrument();
  return instrumentSchema.parse({
    ...base,
    dimensions: [{ id: "bestuur", label: "Bestuur", required: false }, ...base.dimensions],
  });
}

const regenboog = (bestuur?: string) => ({
  ...(bestuur === undefined ? {} : { bestuur }),
  school: "De Regenboog",
  wave: "W",
});

describe("the registry of schools and boards", () => {
  // DuckDB only: databases of the old schema (before the registry) exist only as DuckDB files
  it.skipIf(onPostgres)(
    "is built from the names a database of the old schema stores, rewriting them to ids in place",
    async () => {
      const path = dir.file("old.duckdb");
      // Schema version 4 and data written as the code before the registry wrote them: names as values.
      const old = await DuckDb.open(path);
      await migrate(old, migrations.slice(0, 4));
      // today's import writes content hashes (version 7): the column is there while it writes, then gone
      await old.run("ALTER TABLE responses ADD COLUMN content_hash VARCHAR");
      const instrument = withBestuur();
      await importResponses(
        old,
        newImport("asko", { instrument, context: { bestuur: "ASKO" }, rowsRead: 3 }),
        [
          response("a1", regenboog()),
          response("a2", regenboog()),
          response("a3", { ...regenboog(), school: "Het Palet" }),
        ],
      );
      await importResponses(
        old,
        newImport("staij", { instrument, context: regenboog("STAIJ"), rowsRead: 2 }),
        [response("s1", {}), response("s2", {})],
      );
      // a response that named the school but no board (as `--school` alone stored it)
      await importResponses(old, newImport("los", { instrument, context: regenboog(), rowsRead: 1 }), [
        response("l1", {}),
      ]);
      await old.run("INSERT INTO roster VALUES ('De Regenboog', '3', 'W', 20, 'r.csv', now()::TIMESTAMP)");
      await old.run("INSERT INTO view_results VALUES ('kept', 1, '{}')");
      await old.run("ALTER TABLE responses DROP COLUMN content_hash");
      old.close();

      const store = await openDuckDbStore(path);
      try {
        // The old code gave "De Regenboog" the id de-regenboog and listed it under ASKO (first by
        // name): that pair keeps it, so accounts scoped to de-regenboog see what they saw.
        expect(await store.registry.list()).toEqual([
          { id: "asko", kind: "bestuur", name: "ASKO", bestuur: null, brin: null },
          { id: "staij", kind: "bestuur", name: "STAIJ", bestuur: null, brin: null },
          { id: "de-regenboog", kind: "school", name: "De Regenboog", bestuur: "asko", brin: null },
          { id: "de-regenboog-2", kind: "school", name: "De Regenboog", bestuur: "staij", brin: null },
          { id: "het-palet", kind: "school", name: "Het Palet", bestuur: "asko", brin: null },
        ]);
        expect(await store.contextValues("ouderpopulatie", "school")).toEqual([
          "de-regenboog",
          "de-regenboog-2",
          "het-palet",
        ]);
        expect(await store.contextValues("ouderpopulatie", "bestuur")).toEqual(["asko", "staij"]);
        const count = async (where: Record<string, string>) =>
          (
            await store.analysis.frequencies(
              { instruments: [1], where },
              { groupingSets: [[]], items: ["q1"] },
            )
          )[0]?.responses ?? 0;
        // the analysis table was rewritten too: ASKO's two and the one without a board; STAIJ's two
        expect(await count({ school: "de-regenboog" })).toBe(3);
        expect(await count({ school: "de-regenboog-2" })).toBe(2);
        expect(await count({ bestuur: "staij" })).toBe(2);
        expect(await count({ school: "De Regenboog" })).toBe(0);
        const imports = await store.listImports();
        expect(imports.map((i) => [i.id, i.context])).toEqual([
          ["asko", { bestuur: "asko" }],
          ["staij", { bestuur: "staij", school: "de-regenboog-2", wave: "W" }],
          ["los", { school: "de-regenboog", wave: "W" }],
        ]);
        expect(await store.roster()).toEqual([
          { school: "de-regenboog", groep: "3", wave: "W", families: 20 },
        ]);
        expect(await store.viewResults.get("kept")).toBeUndefined();
      } finally {
        await store.close();
      }
    },
  );

  it("adds, lists and renames; a rename changes the name only", async () => {
    const store = await openTestStore(await newTestDatabase(dir.path));
    try {
      const version = await store.dataVersion();
      await store.registry.add([
        { id: "asko", kind: "bestuur", name: "ASKO", bestuur: null, brin: null },
        { id: "12AB00", kind: "school", name: "De Regenboog", bestuur: "asko", brin: "12AB00" },
      ]);
      expect(await store.dataVersion()).toBeGreaterThan(version);
      await expect(
        store.registry.add([{ id: "12AB00", kind: "school", name: "Ander", bestuur: null, brin: null }]),
      ).rejects.toBeInstanceOf(StoreError);
      await expect(
        store.registry.add([{ id: "x", kind: "school", name: "X", bestuur: "onbekend", brin: null }]),
      ).rejects.toThrow(/niet geregistreerd/);
      expect(await store.registry.rename("school", "12AB00", "De Regenboog (Noord)")).toBe(true);
      expect(await store.registry.rename("school", "nergens", "Y")).toBe(false);
      expect((await store.registry.list()).find((e) => e.kind === "school")).toEqual({
        id: "12AB00",
        kind: "school",
        name: "De Regenboog (Noord)",
        bestuur: "asko",
        brin: "12AB00",
      });
    } finally {
      await store.close();
    }
  });

  it("registers an import's new schools with the import, or not at all", async () => {
    const store = await openTestStore(await newTestDatabase(dir.path));
    try {
      const register = [
        { id: "asko", kind: "bestuur" as const, name: "ASKO", bestuur: null, brin: null },
        { id: "de-regenboog", kind: "school" as const, name: "De Regenboog", bestuur: "asko", brin: null },
      ];
      const failing = (function* () {
        yield response("r1", { school: "de-regenboog" });
        throw new Error("afgebroken");
      })();
      await expect(
        store.importResponses(newImport("een", { register, rowsRead: 1 }), failing),
      ).rejects.toThrow("afgebroken");
      expect(await store.registry.list()).toEqual([]);
      await store.importResponses(newImport("een", { register, rowsRead: 1 }), [
        response("r1", { school: "de-regenboog" }),
      ]);
      expect((await store.registry.list()).map((e) => e.id)).toEqual(["asko", "de-regenboog"]);
    } finally {
      await store.close();
    }
  });
});
