import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "@zaz/store";
import { describe, expect, it } from "vitest";
import { fixtures, tempDir, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * A response's identity is its id in the export (or its row) and what it says: an edited response is
 * a change, never silently kept or duplicated; `--vervang` replaces it; a re-export that differs in
 * line endings only is nothing new. The fixture: four LimeSurvey responses (ids 1–4), the second
 * with a two-line quoted answer.
 */
const base = readFileSync(join(fixtures, "identity", "limesurvey-vier.csv"), "utf8");
const flags = ["--instrument", "ouderpopulatie", "--school", "De Zonnewijzer", "--wave", "2025-najaar"];
const header = base.split("\n")[0]?.split(",") ?? [];
const ph1 = header.indexOf("erv_ph1");

/** the records of the fixture (the quoted answer spans two lines) */
function records(text: string): string[] {
  return text.trimEnd().split(/\n(?=\d+,)/);
}

/** Sets column `index` of the record whose id is `id` (no quoted commas before it). */
function withCell(text: string, id: string, index: number, value: string): string {
  return `${records(text)
    .map((r) => {
      if (!r.startsWith(`${id},`)) return r;
      const fields = r.split(",");
      fields[index] = value;
      return fields.join(",");
    })
    .join("\n")}\n`;
}

async function setup(): Promise<{ dir: string; db: string; write: (name: string, text: string) => string }> {
  const dir = tempDir();
  return {
    dir,
    db: await newTestDatabase(dir),
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

async function ingestBase(db: string, write: (name: string, text: string) => string): Promise<void> {
  const first = await zaz([
    "ingest",
    write("limesurvey-vier.csv", base),
    ...flags,
    "--nieuwe-school",
    "--db",
    db,
  ]);
  expect(first.code, first.stderr).toBe(0);
}

async function stored(db: string) {
  const store = await openStore(db);
  try {
    const responses = await store.selectResponses({ instrumentId: "ouderpopulatie" });
    return {
      imports: (await store.listImports()).map((r) => [r.fileName, r.responses]),
      ph1: Object.fromEntries(
        responses.map((r) => [r.key.split(":")[1], r.answers.find((a) => a.item === "erv_ph1")?.code]),
      ),
    };
  } finally {
    await store.close();
  }
}

describe("an edited response", () => {
  it("is refused with the count, the files and the rows; --vervang replaces it", async () => {
    const { db, write } = await setup();
    await ingestBase(db, write);
    const before = await stored(db);
    expect(before.ph1).toEqual({ "1": 3, "2": 5, "3": 3, "4": 4 });
    const edited = write("bewerkt.csv", withCell(withCell(base, "1", ph1, "1"), "3", ph1, "5"));

    const refused = await zaz(["ingest", edited, ...flags, "--db", db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("2 antwoorden gewijzigd sinds de vorige import");
    expect(refused.stderr).toContain(
      "bewerkt.csv bevat antwoordformulieren die al zijn ingelezen uit limesurvey-vier.csv",
    );
    expect(refused.stderr).toContain("rij 2 (was rij 2 in limesurvey-vier.csv)");
    expect(refused.stderr).toContain("--vervang");
    expect(refused.stderr).toContain("Er is niets opgeslagen");
    expect(await stored(db)).toEqual(before);

    const json = await zaz(["ingest", edited, ...flags, "--db", db, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      errors: [{ code: "responses-changed", file: "bewerkt.csv", row: 2 }],
    });

    const replaced = await zaz(["ingest", edited, ...flags, "--db", db, "--vervang"]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toMatch(/vervangen: +2 /);
    expect(await stored(db)).toEqual({
      imports: [
        ["limesurvey-vier.csv", 2],
        ["bewerkt.csv", 2],
      ],
      ph1: { "1": 1, "2": 5, "3": 5, "4": 4 },
    });
  });

  it("is reported when another export numbers its respondents the same but answers otherwise", async () => {
    const { db, write } = await setup();
    await ingestBase(db, write);
    // another export of the same school and wave whose ids 1–4 are other parents
    let other = base;
    for (const id of ["1", "2", "3", "4"]) other = withCell(other, id, ph1 + 1, "1");
    const run = await zaz(["ingest", write("andere-klas.csv", other), ...flags, "--db", db, "--json"]);
    expect(run.code).not.toBe(0);
    const reported = JSON.parse(run.stdout) as { errors: { code: string; message: string }[] };
    expect(reported.errors[0]?.code).toBe("responses-changed");
    expect(reported.errors[0]?.message).toContain("4 antwoorden gewijzigd sinds de vorige import");
    expect((await stored(db)).imports).toEqual([["limesurvey-vier.csv", 4]]);
  });

  it("is refused when the file holds two versions of it, naming both rows", async () => {
    const { db, write } = await setup();
    const [first] = records(base).slice(1);
    const twice = `${base.trimEnd()}\n${first
      ?.split(",")
      .map((f, i) => (i === ph1 ? "1" : f))
      .join(",")}\n`;
    const run = await zaz(["ingest", write("twee-keer.csv", twice), ...flags, "--nieuwe-school", "--db", db]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/rij 2 en rij \d+ zijn hetzelfde antwoordformulier/);
    expect(run.stderr).toContain("Er is niets opgeslagen");
  });
});

describe("a re-export with CRLF line endings, also inside the quoted answer", () => {
  it("adds nothing", async () => {
    const { db, write } = await setup();
    await ingestBase(db, write);
    const crlf = base.replaceAll("\n", "\r\n");
    expect(crlf).toContain("Fijne school.\r\nDe juf");
    const run = await zaz(["ingest", write("crlf.csv", crlf), ...flags, "--db", db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("Niets nieuws");
    expect((await stored(db)).imports).toEqual([
      ["limesurvey-vier.csv", 4],
      ["crlf.csv", 0],
    ]);
  });
});
