import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ingest, repoRoot, reportJson, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * Real users' shapes of data: waves whose names do not sort as they happened, and a leerteam's
 * adapted copy of an instrument (another id, another title, an edited item) used for one school.
 */

const file = (name: string) => join(voorbeeld, name);

describe("three waves in a non-alphabetical order", () => {
  let db = "";
  beforeAll(async () => {
    db = await newTestDatabase(tempDir("zaz-waves-"), "zaz.duckdb");
    // Alphabetically 2026-najaar sorts before 2026-voorjaar; in time it comes after.
    for (const [name, wave] of [
      ["ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv", "2025-najaar"],
      ["ouderpopulatie-de-regenboog-2026-voorjaar-google-forms.csv", "2026-voorjaar"],
      ["ouderpopulatie-het-palet-2026-voorjaar-microsoft-forms.csv", "2026-najaar"],
    ] as const)
      await ingest(db, file(name), {
        instrument: "ouderpopulatie",
        bestuur: "Stichting Samen Leren",
        school: "De Regenboog",
        wave,
      });
  }, 120_000);

  it("compares each wave with the one before it in time", async () => {
    const expectations = [
      ["2025-najaar", null],
      ["2026-voorjaar", "najaar 2025"],
      ["2026-najaar", "voorjaar 2026"],
    ] as const;
    for (const [wave, previous] of expectations) {
      const view = await reportJson(db, ["report", "klassen", "--school", "De Regenboog", "--wave", wave]);
      expect(view.about.previousWave?.name ?? null, wave).toBe(previous);
      const change = view.sections.find((s) => s.id === "verandering");
      if (previous === null) expect(change, wave).toBeUndefined();
      else expect(change?.heading, wave).toBe(`Verandering sinds ${previous}`);
    }
  });

  it("lists the board's waves over time, oldest first, and compares the last with the one before", async () => {
    const view = await reportJson(db, ["report", "scholen", "--bestuur", "Stichting Samen Leren"]);
    expect(view.subtitle).toBe("Metingen: najaar 2025, voorjaar 2026, najaar 2026");
    const trend = view.sections.find((s) => s.id === "trend")!.tables[0]!;
    expect(trend.rows.map((row) => row.groep)).toEqual(["najaar 2025", "voorjaar 2026", "najaar 2026"]);
    expect(view.sections.find((s) => s.id === "verandering")?.heading).toBe(
      "Verandering sinds voorjaar 2026",
    );
  });
});

describe("an adapted copy of an instrument", () => {
  let db = "";
  let adapted = "";
  beforeAll(async () => {
    const dir = tempDir("zaz-adapted-");
    db = await newTestDatabase(dir, "zaz.duckdb");
    const original = JSON.parse(
      readFileSync(join(repoRoot, "data", "instrumenten", "ouderpopulatie.json"), "utf8"),
    );
    original.$schema = undefined;
    original.id = "ouderpeiling_asko";
    original.title = "Ouderpeiling ASKO";
    original.version = "2.0";
    const item = original.items.find((i: { id: string }) => i.id === "erv_uk1");
    item.text = "Ik word op school altijd vriendelijk begroet.";
    item.aliases = ["Als ouder word ik op school vriendelijk ontvangen."];
    adapted = join(dir, "ouderpeiling-asko.json");
    writeFileSync(adapted, JSON.stringify(original, null, 2));
    const check = await zaz(["instrument", "check", adapted]);
    expect(check.code, check.stderr).toBe(0);
    for (const [name, school, wave, instrument] of [
      [
        "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv",
        "De Regenboog",
        "2025-najaar",
        "ouderpopulatie",
      ],
      [
        "ouderpopulatie-de-regenboog-2026-voorjaar-google-forms.csv",
        "De Regenboog",
        "2026-voorjaar",
        adapted,
      ],
      ["ouderpopulatie-het-palet-2026-voorjaar-microsoft-forms.csv", "Het Palet", "2026-voorjaar", adapted],
    ] as const)
      await ingest(db, file(name), { instrument, bestuur: "Stichting Samen Leren", school, wave });
  }, 120_000);

  it("appears in the class overview, with its own wording, and compares with the default instrument's wave", async () => {
    const view = await reportJson(db, [
      "report",
      "klassen",
      "--school",
      "De Regenboog",
      "--wave",
      "2026-voorjaar",
    ]);
    const respons = view.sections.find((s) => s.id === "respons")!.tables[0]!;
    expect(respons.rows.at(-1)?.n).toMatchObject({ status: "shown", value: 98 });
    const items = view.sections.find((s) => s.id === "items")!.tables[0]!;
    expect(items.rows.map((row) => row.item)).toContain("Ik word op school altijd vriendelijk begroet.");
    // the construct is the same in both versions (same items, scales and reverse-coding): comparable
    const change = view.sections.find((s) => s.id === "verandering")!.tables[0]!;
    expect(change.rows.find((row) => row.construct === "Uitnodigend klimaat")?.verschil).toMatchObject({
      status: "shown",
    });
  });

  it("is pooled with the default instrument in the board's view, and works without its file", async () => {
    // The definition is stored with the data: the report needs no --instrument and no file.
    const view = await reportJson(db, ["report", "scholen", "--bestuur", "Stichting Samen Leren"], {
      ZAZ_INSTRUMENTEN: tempDir("zaz-empty-"),
    });
    const schools = view.sections.find((s) => s.id === "respons-scholen")!.tables[0]!;
    expect(schools.rows.map((row) => row.groep)).toEqual(["De Regenboog", "Het Palet", "Totaal"]);
    expect(schools.rows.at(-1)?.n).toMatchObject({ status: "shown", value: 98 + 104 });
  });
});
