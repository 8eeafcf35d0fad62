import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

/** A leerteam changed the wording of its questions; `zaz map` proposes, a person reviews, ingest follows. */
describe("zaz map", () => {
  const dir = tempDir();
  const source = readFileSync(
    join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv"),
    "utf8",
  );
  const [header = "", ...rest] = source.split("\r\n");
  const reworded = header
    .replaceAll("De leerkracht", "De juf of meester")
    .replaceAll("de leerkracht", "de juf of meester")
    .replaceAll("De school", "Onze school")
    .replace("Klas", "In welke groep zit uw kind?")
    .replace("Hoeveel van uw kinderen zitten op deze school?", "Aantal kinderen op deze school");
  const file = join(dir, "eigen-formulier.csv");
  writeFileSync(file, [reworded, ...rest].join("\r\n"));
  const flags = ["--school", "De Regenboog", "--wave", "2025-najaar"];

  it("ingest alone finds too little and points to zaz map", async () => {
    const r = await zaz(["validate", file, "--instrument", "ouderpopulatie", ...flags]);
    expect(r.stderr).toContain("zaz map");
  });

  it("proposes a mapping that, after review, ingests", async () => {
    const mapping = join(dir, "koppeling.json");
    const r = await zaz(["map", file, "--instrument", "ouderpopulatie", "-o", mapping, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("Koppelbestand geschreven");
    const proposal = JSON.parse(readFileSync(mapping, "utf8")) as {
      instrument: string;
      columns: { column: string; target: string; confidence: number }[];
    };
    expect(proposal.instrument).toBe("ouderpopulatie");
    const target = (column: string) => proposal.columns.find((c) => c.column === column)?.target;
    expect(target("Tijdstempel")).toBe("meta:submittedAt");
    expect(target("In welke groep zit uw kind?")).toBe("dimension:groep");
    expect(target("Onze school neemt mij als ouder serieus.")).toBe("item:erv_ph3");
    expect(
      target(
        "De juf of meester staat open voor de betrokkenheid van alle ouders, ook als ze een andere achtergrond hebben.",
      ),
    ).toBe("item:erv_ph1");
    // The reviewer checks every proposal below full confidence; here each one is right.
    const unsure = proposal.columns.filter((c) => c.confidence < 1);
    expect(unsure.length).toBeGreaterThan(5);
    for (const c of unsure) expect(c.target, c.column).toMatch(/^(item|dimension):/);

    const db = await newTestDatabase(dir, "zaz.duckdb");
    const ingest = await zaz([
      "ingest",
      file,
      "--instrument",
      "ouderpopulatie",
      ...flags,
      "--map",
      mapping,
      "--nieuwe-school",
      "--db",
      db,
      "--json",
    ]);
    expect(ingest.code, ingest.stderr + ingest.stdout).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({
      status: "imported",
      responsesAdded: 101,
      answers: 3406,
    });
  });
});

/** Fixtures of the ingest's value rules (packages/survey/test/fixtures/ingest). */
const ingestFixtures = join(repoRoot, "packages", "survey", "test", "fixtures", "ingest");

describe("zaz map and ingest on repeated headers and per-choice columns", () => {
  const dir = tempDir();
  const flags = ["--school", "De Regenboog", "--wave", "2026-najaar", "--nieuwe-school"];

  it("refuses repeated headers without a mapping, then imports with the numbered mapping zaz map writes", async () => {
    const file = join(ingestFixtures, "observatie-herhaalde-koppen.csv");
    const instrument = join(ingestFixtures, "observatie_herhaald.json");
    const db = await newTestDatabase(dir, "observatie.duckdb");
    const refused = await zaz(["ingest", file, "--instrument", instrument, ...flags, "--db", db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("kolom 2 (B) en 4 (D)");
    expect(refused.stderr).toContain("zaz map");

    const mapping = join(dir, "observatie.koppeling.json");
    const mapped = await zaz(["map", file, "--instrument", instrument, "-o", mapping]);
    expect(mapped.code, mapped.stderr).toBe(0);
    const proposal = JSON.parse(readFileSync(mapping, "utf8")) as {
      columns: { column: string | number; target: string }[];
    };
    expect(
      proposal.columns.filter((c) => typeof c.column === "number").map((c) => [c.column, c.target]),
    ).toEqual([
      [2, "item:km_doel"],
      [3, "item:km_opm"],
      [4, "item:vg_doel"],
      [5, "item:vg_opm"],
    ]);
    const ingested = await zaz([
      "ingest",
      file,
      "--instrument",
      instrument,
      ...flags,
      "--map",
      mapping,
      "--db",
      db,
      "--json",
    ]);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(JSON.parse(ingested.stdout)).toMatchObject({ status: "imported", responsesAdded: 2 });
  });

  it("proposes LimeSurvey's per-choice and other-text columns as targets of the checkbox item", async () => {
    const file = join(ingestFixtures, "limesurvey-anders-tekst.csv");
    const mapping = join(dir, "lime.koppeling.json");
    const r = await zaz(["map", file, "--instrument", join(ingestFixtures, "waarden.json"), "-o", mapping]);
    expect(r.code, r.stderr).toBe(0);
    const proposal = JSON.parse(readFileSync(mapping, "utf8")) as {
      columns: { column: string; target: string }[];
    };
    const target = (column: string) => proposal.columns.find((c) => c.column === column)?.target;
    expect(target("HULP[SQ001]")).toBe("item:hulp[1]");
    expect(target("HULP[SQ003]")).toBe("item:hulp[3]");
    expect(target("HULP[other]")).toBe("item:hulp[anders]");
    expect(target("CONTACT[other]")).toBe("item:contact[anders]");
  });

  it("gives Microsoft Forms' anonymous respondents no shared pseudonym to erase them all by", async () => {
    const file = join(ingestFixtures, "msforms-nl-excel-decimale-komma.csv");
    const db = await newTestDatabase(dir, "msforms.duckdb");
    const instrument = join(ingestFixtures, "waarden.json");
    const ingested = await zaz(["ingest", file, "--instrument", instrument, ...flags, "--db", db, "--json"]);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(JSON.parse(ingested.stdout)).toMatchObject({ status: "imported", responsesAdded: 5 });

    const placeholder = await zaz(["pseudoniem", "anonymous", "--db", db]);
    expect(placeholder.code).not.toBe(0);
    expect(placeholder.stderr).toContain("plaatshouder");

    const named = await zaz(["pseudoniem", "j.devries@example.nl", "--db", db]);
    const removed = await zaz(["remove", "--respondent", named.stdout.trim(), "--db", db, "--json"]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: { responses: 1 } });
  });
});
