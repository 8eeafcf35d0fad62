import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir, voorbeeld, zaz } from "./run-zaz.js";

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

    const db = join(dir, "zaz.duckdb");
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
