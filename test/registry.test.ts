import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "@zaz/store";
import type { View } from "@zaz/views";
import { beforeAll, describe, expect, it } from "vitest";
import { userAdd } from "../apps/cli/src/commands/user.js";
import type { Effects } from "../apps/cli/src/effects.js";
import { reportJson, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * Issue 10: a school is a registered entity with a stable id, not its name. Two boards with a
 * "De Regenboog" each stay apart, a case variant is refused unless registered on purpose (then it
 * is a school of its own), and a rename changes the label only.
 */
const regenboogFile = join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv");
const paletFile = join(voorbeeld, "ouderpopulatie-het-palet-2025-najaar-microsoft-forms.csv");
const wave = "2025-najaar";

async function run(db: string, args: readonly string[]) {
  return zaz([...args, "--db", db]);
}

async function mustRun(db: string, args: readonly string[]) {
  const r = await run(db, args);
  if (r.code !== 0) throw new Error(`zaz ${args.join(" ")}: ${r.code}\n${r.stderr}`);
  return r;
}

function ingestArgs(file: string, flags: readonly string[]): string[] {
  return ["ingest", file, "--instrument", "ouderpopulatie", "--wave", wave, ...flags];
}

/** Everything a refused command must leave as it was, the registry included. */
async function databaseState(db: string): Promise<string> {
  const store = await openStore(db);
  try {
    return JSON.stringify({
      registry: await store.registry.list(),
      imports: await store.listImports(),
      responses: await store.countResponses(),
      roster: await store.roster(),
    });
  } finally {
    await store.close();
  }
}

const respondents = (view: View) =>
  view.sections.find((s) => s.id === "respons")!.tables[0]!.rows.at(-1)?.n as { value?: number };

describe("two boards, each with a school called De Regenboog", () => {
  let db = "";

  beforeAll(async () => {
    db = await newTestDatabase(tempDir(), "zaz.duckdb");
    await mustRun(db, ["bestuur", "add", "Stichting Noord"]);
    await mustRun(db, ["bestuur", "add", "Stichting Zuid"]);
    await mustRun(db, ["school", "add", "De Regenboog", "--bestuur", "Stichting Noord"]);
    await mustRun(db, ["school", "add", "De Regenboog", "--bestuur", "Stichting Zuid"]);
    // two different exports, one per school of that name
    await mustRun(
      db,
      ingestArgs(regenboogFile, ["--bestuur", "Stichting Noord", "--school", "De Regenboog"]),
    );
    await mustRun(db, ingestArgs(paletFile, ["--bestuur", "Stichting Zuid", "--school", "De Regenboog"]));
  }, 120_000);

  it("registers them with ids of their own, listed with their boards", async () => {
    const listed = JSON.parse((await mustRun(db, ["school", "list", "--format", "json"])).stdout);
    expect(listed).toEqual([
      { id: "de-regenboog", name: "De Regenboog", bestuur: "stichting-noord", brin: null },
      { id: "de-regenboog-2", name: "De Regenboog", bestuur: "stichting-zuid", brin: null },
    ]);
    const table = (await mustRun(db, ["school", "list"])).stdout;
    expect(table).toContain("Stichting Zuid");
  });

  it("keeps their responses apart: each class overview has its own export only", async () => {
    const noord = await reportJson(db, ["report", "klassen", "--school", "de-regenboog", "--wave", wave]);
    const zuid = await reportJson(db, ["report", "klassen", "--school", "de-regenboog-2", "--wave", wave]);
    expect(respondents(noord)).toMatchObject({ value: 101 });
    expect(respondents(zuid)).toMatchObject({ value: 100 });
    // each board's overview lists its own school only
    const board = await reportJson(db, ["report", "scholen", "--bestuur", "Stichting Zuid"]);
    expect(JSON.stringify(board)).toContain("de-regenboog-2");
    expect(JSON.stringify(board)).not.toContain('"de-regenboog"');
  });

  it("refuses the shared name without a board, listing the schools by id", async () => {
    const before = await databaseState(db);
    const other = join(voorbeeld, "ouderpopulatie-het-palet-2026-voorjaar-microsoft-forms.csv");
    const r = await run(db, ingestArgs(other, ["--school", "De Regenboog"]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Er zijn 2 scholen met de naam");
    expect(r.stderr).toContain("de-regenboog (De Regenboog, bestuur Stichting Noord)");
    expect(r.stderr).toContain("de-regenboog-2 (De Regenboog, bestuur Stichting Zuid)");
    expect(await databaseState(db)).toBe(before);
    // a report by that name is refused too, rather than showing one of them
    expect((await run(db, ["report", "klassen", "--school", "De Regenboog", "--wave", wave])).code).toBe(1);
  });

  it("scopes an account to one of them by id, and refuses the ambiguous name", async () => {
    const add = (name: string, school: string) =>
      captured((effects) =>
        userAdd(name, { role: "directeur", school: [school], passwordStdin: true, db }, effects, {
          readStdin: async () => "een lang genoeg wachtwoord voor de test\n",
        }),
      );
    const ambiguous = await add("noord", "De Regenboog");
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain("Er zijn 2 scholen met de naam");
    expect(ambiguous.stderr).toContain("de-regenboog-2");
    const near = await add("noord", "de regenbog");
    expect(near.code).toBe(1);
    expect(near.stderr).toContain("bedoelde u");
    const byId = await add("zuid", "de-regenboog-2");
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stderr).toContain("school: de-regenboog-2");
  });
});

/** Runs a command function with captured output (for commands that read a password). */
async function captured(work: (effects: Effects) => Promise<number>) {
  let stdout = "";
  let stderr = "";
  const code = await work({
    stdout: {
      write: (t) => {
        stdout += t;
      },
      isTTY: false,
    },
    stderr: {
      write: (t) => {
        stderr += t;
      },
      isTTY: false,
    },
    env: { NO_COLOR: "1" },
    cwd: process.cwd(),
    now: () => new Date("2026-11-23T12:00:00Z"),
  }).catch((error: unknown) => {
    stderr += String(error);
    return 1;
  });
  return { code, stdout, stderr };
}

describe("a case variant of a registered school", () => {
  const dir = tempDir();
  let db = "";

  beforeAll(async () => {
    db = await newTestDatabase(dir, "zaz.duckdb");
    await mustRun(db, ["school", "add", "De Regenboog", "--bestuur", "Stichting Noord"]);
    await mustRun(
      db,
      ingestArgs(regenboogFile, ["--bestuur", "Stichting Noord", "--school", "De Regenboog"]),
    );
  }, 120_000);

  it('is refused with "bedoelde u", also with --nieuwe-school, and nothing changes', async () => {
    const before = await databaseState(db);
    for (const extra of [[], ["--nieuwe-school"]]) {
      const r = await run(db, ingestArgs(paletFile, ["--school", "DE REGENBOOG", ...extra]));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('bedoelde u "De Regenboog" (id de-regenboog)?');
      expect(r.stderr).toContain("Er is niets opgeslagen");
    }
    expect(await databaseState(db)).toBe(before);
  });

  it("is refused per row, naming row and column, when an export's own column has it", async () => {
    const [header, ...rows] = readFileSync(paletFile, "latin1").trimEnd().split("\r\n");
    const withColumn = join(dir, "met-schoolkolom.csv");
    writeFileSync(
      withColumn,
      `${[`School;${header}`, ...rows.map((row, i) => `${i === 2 ? "DE REGENBOOG" : "De Regenboog"};${row}`)].join("\r\n")}\r\n`,
      "latin1",
    );
    const before = await databaseState(db);
    const r = await run(db, [
      "ingest",
      withColumn,
      "--instrument",
      "ouderpopulatie",
      "--wave",
      wave,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { errors: { row?: number; column?: string; hint?: string }[] };
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ row: 4, column: "School" });
    expect(report.errors[0]?.hint).toContain('bedoelde u "De Regenboog"');
    expect(await databaseState(db)).toBe(before);
  });

  it("is refused by the roster too", async () => {
    const roster = join(dir, "rooster.csv");
    writeFileSync(roster, "School;Groep;Meting;Gezinnen\r\nDE REGENBOOG;3;2025-najaar;20\r\n");
    const r = await run(db, ["roster", roster]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("rij 2");
    expect(r.stderr).toContain('bedoelde u "De Regenboog"');
  });

  it("gets an id of its own when registered on purpose; the original school's data stay its own", async () => {
    const added = await mustRun(db, ["school", "add", "DE REGENBOOG", "--bestuur", "Stichting Noord"]);
    expect(added.stderr).toContain('lijkt op "De Regenboog"');
    expect(added.stderr).toContain("id de-regenboog-2");
    await mustRun(db, ingestArgs(paletFile, ["--bestuur", "Stichting Noord", "--school", "DE REGENBOOG"]));
    const original = await reportJson(db, ["report", "klassen", "--school", "de-regenboog", "--wave", wave]);
    expect(respondents(original)).toMatchObject({ value: 101 });
    const variant = await reportJson(db, ["report", "klassen", "--school", "DE REGENBOOG", "--wave", wave]);
    expect(respondents(variant)).toMatchObject({ value: 100 });
    expect(variant.title).toContain("DE REGENBOOG");
  });
});

describe("renaming a school", () => {
  let db = "";
  beforeAll(async () => {
    db = await newTestDatabase(tempDir(), "zaz.duckdb");
  });

  it("changes its name only: id, data and the roster stay", async () => {
    await mustRun(
      db,
      ingestArgs(regenboogFile, [
        "--bestuur",
        "Stichting Noord",
        "--school",
        "De Regenboog",
        "--nieuwe-school",
      ]),
    );
    const before = await reportJson(db, ["report", "klassen", "--school", "de-regenboog", "--wave", wave]);
    const renamed = await mustRun(db, ["school", "rename", "De Regenboog", "De Regenboog-Noord"]);
    expect(renamed.stderr).toContain('de-regenboog heet nu "De Regenboog-Noord"');
    const after = await reportJson(db, ["report", "klassen", "--school", "de-regenboog", "--wave", wave]);
    expect(after.title).toContain("De Regenboog-Noord");
    expect(respondents(after)).toEqual(respondents(before));
    // the old name no longer finds it; new imports use the new name (or the id)
    expect((await run(db, ingestArgs(paletFile, ["--school", "De Regenboog"]))).code).toBe(1);
    const listed = JSON.parse((await mustRun(db, ["school", "list", "--format", "json"])).stdout);
    expect(listed).toEqual([
      { id: "de-regenboog", name: "De Regenboog-Noord", bestuur: "stichting-noord", brin: null },
    ]);
  });
});

describe("ingest --nieuwe-school", () => {
  const dir = tempDir();
  let db = "";
  beforeAll(async () => {
    db = await newTestDatabase(dir, "zaz.duckdb");
  });

  it("registers nothing when the import is refused, and the school and board with a good one", async () => {
    const [header, first] = readFileSync(regenboogFile, "utf8").split("\r\n");
    const bad = join(dir, "fout.csv");
    writeFileSync(bad, `${header}\r\n${first?.replace("Mee eens", "Mee eenss")}\r\n`);
    const flags = ["--bestuur", "Stichting Noord", "--school", "De Regenboog", "--nieuwe-school"];
    const before = await databaseState(db);
    expect((await run(db, ingestArgs(bad, flags))).code).toBe(1);
    expect(await databaseState(db)).toBe(before);
    await mustRun(db, ingestArgs(regenboogFile, flags));
    const listed = JSON.parse((await mustRun(db, ["school", "list", "--format", "json"])).stdout);
    expect(listed).toEqual([
      { id: "de-regenboog", name: "De Regenboog", bestuur: "stichting-noord", brin: null },
    ]);
  });

  it("takes a BRIN as the id of a school registered with one", async () => {
    await mustRun(db, ["school", "add", "Het Palet", "--bestuur", "Stichting Noord", "--brin", "12ab 00"]);
    const listed = JSON.parse((await mustRun(db, ["school", "list", "--format", "json"])).stdout);
    expect(listed).toContainEqual({
      id: "12AB00",
      name: "Het Palet",
      bestuur: "stichting-noord",
      brin: "12AB00",
    });
    const unknown = await run(db, ingestArgs(paletFile, ["--school", "Het Kompas"]));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('zaz school add "Het Kompas"');
  });
});
