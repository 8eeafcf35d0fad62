import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDuckDbStore, type Store } from "@zaz/store";
import { defaultInstrumentDir, formatMappingFile, proposeMapping, resolveInstrument } from "@zaz/survey";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dutchExcelExport } from "../../../test/support/dutch-excel-export.js";
import {
  checkExport,
  type ImportEffects,
  type ImportProgress,
  inspectExport,
  mappingFromChoices,
  runImport,
  savedMappingFits,
} from "../src/index.js";
import { importerMessages } from "../src/messages.js";

const effects: ImportEffects = {
  instrumentDirs: [defaultInstrumentDir()],
  // the streaming path, so progress is reported row by row
  importPath: "stream",
  now: () => new Date("2026-03-01T12:00:00Z"),
};
const serious = "De school neemt mij als ouder serieus.";
const options = { instrument: "ouderpopulatie", context: { school: "de-regenboog", wave: "2026-voorjaar" } };

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "zaz-importer-"));
  store = await openDuckDbStore(":memory:");
  await store.registry.add([
    { kind: "bestuur", id: "asko", name: "ASKO", bestuur: null, brin: null },
    { kind: "school", id: "de-regenboog", name: "De Regenboog", bestuur: "asko", brin: null },
  ]);
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe("one import pipeline", () => {
  it("imports all or nothing with progress, then finds the same file already imported", async () => {
    const path = await file("a.csv", dutchExcelExport());
    const seen: ImportProgress[] = [];
    const request = { path, file: "a.csv", options, pseudonymKey: randomBytes(32) };
    const outcome = await runImport(store, request, effects, (p) => seen.push(p));
    expect(outcome.status).toBe("imported");
    if (outcome.status !== "imported") return;
    expect(outcome.summary).toMatchObject({ path: "stream", rowsRead: 101, responsesAdded: 101 });
    expect(seen.at(-1)?.rows).toBe(101);
    expect(seen.every((p) => p.bytesTotal > 0 && p.bytesRead <= p.bytesTotal)).toBe(true);
    expect(await store.countResponses()).toBe(101);
    const again = await runImport(store, request, effects);
    expect(again).toMatchObject({ status: "already-imported", importId: outcome.summary.importId });
  });

  it("keeps an import whose releases could not be chosen for lack of memory, and says so", async () => {
    // the store as it is, except that keeping a chosen release fails as DuckDB does without memory
    const failing = (error: Error): Store =>
      new Proxy(store, {
        get(target, key) {
          if (key === "viewResults") return { ...target.viewResults, put: () => Promise.reject(error) };
          const value = Reflect.get(target, key, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    const path = await file("a.csv", dutchExcelExport());
    const request = { path, file: "a.csv", options, pseudonymKey: randomBytes(32) };
    const oom = new Error("Out of Memory Error: failed to pin block of size 256.0 KiB");
    const outcome = await runImport(failing(oom), request, effects);
    expect(outcome.status).toBe("imported");
    if (outcome.status !== "imported") return;
    expect(outcome.warnings.map((w) => w.code)).toContain("release-deferred");
    expect(outcome.warnings.find((w) => w.code === "release-deferred")?.message).toBe(
      importerMessages.releaseDeferred(importerMessages.releaseOutOfMemory),
    );
    const [stored] = await store.listImports();
    expect(stored?.responses).toBe(101);
    // any other failure is no known one: it is thrown
    await store.removeImport(stored?.id ?? "");
    await expect(runImport(failing(new Error("iets anders")), request, effects)).rejects.toThrow(
      "iets anders",
    );
  });

  it("returns a broken file's problems with row and column, and writes nothing", async () => {
    const path = await file("b.csv", dutchExcelExport({ broken: [4, serious, "Misschien wel"] }));
    const version = await store.dataVersion();
    const outcome = await runImport(
      store,
      { path, file: "b.csv", options, pseudonymKey: randomBytes(32) },
      effects,
    );
    expect(outcome.status).toBe("rejected");
    if (outcome.status !== "rejected") return;
    expect(outcome.errors[0]).toMatchObject({
      row: 4,
      column: serious,
      value: "Misschien wel",
      file: "b.csv",
    });
    expect(await store.listImports()).toEqual([]);
    expect(await store.dataVersion()).toBe(version);
    const checked = await checkExport(path, "b.csv", options, effects);
    expect(checked.ok).toBe(false);
  });

  it("inspects format and proposal; a mapping made from choices fits the file and is used", async () => {
    const rename = { Klas: "Leerjaar kind (één keuze)" };
    const path = await file("c.csv", dutchExcelExport({ rename }));
    const inspected = await inspectExport(path, "c.csv", { instrument: "ouderpopulatie" }, effects);
    if (!inspected.ok) throw new Error("not inspected");
    expect(inspected.format).toMatchObject({ encoding: "windows-1252", delimiter: ";", rows: 101 });
    expect(inspected.saved).toBe(false);
    const chosen = inspected.columns.map((c) => ({
      ...c,
      target: c.header === rename.Klas ? "dimension:groep" : c.target,
    }));
    const mapping = mappingFromChoices(inspected.instrument, chosen);
    expect(
      await savedMappingFits(path, "c.csv", { instrument: "ouderpopulatie", saved: mapping }, effects),
    ).toBe(true);
    const withMapping = { ...options, mapping: { name: "koppeling", text: async () => mapping } };
    expect((await checkExport(path, "c.csv", options, effects)).ok).toBe(false);
    expect((await checkExport(path, "c.csv", withMapping, effects)).ok).toBe(true);
    // a mapping of another export's columns does not fit
    const other = await file("d.csv", dutchExcelExport());
    const instrument = await resolveInstrument("ouderpopulatie", effects.instrumentDirs as string[]);
    if (!instrument.ok) throw new Error("no instrument");
    expect(
      await savedMappingFits(other, "d.csv", { instrument: "ouderpopulatie", saved: mapping }, effects),
    ).toBe(false);
    const proposal = formatMappingFile(
      instrument.value.instrument,
      proposeMapping(["Tijdstempel"], instrument.value.instrument),
    );
    expect(
      await savedMappingFits(other, "d.csv", { instrument: "ouderpopulatie", saved: proposal }, effects),
    ).toBe(false);
  });
});
