import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashPassword } from "@zaz/accounts";
import { listen, MemoryUserRepository, type Serving, StoreResultsService } from "@zaz/dashboard";
import { fastScryptParams } from "@zaz/dashboard/testing";
import { groepMessages } from "@zaz/model";
import { openStore, type Store } from "@zaz/store";
import { privacySettings } from "@zaz/survey";
import type { View } from "@zaz/views";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login } from "../apps/dashboard/bench/http.js";
import { repoRoot, reportJson, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * A school whose groepen are combinations (data/voorbeeld, De Wilgenhoek): parents wrote "groep
 * 1-2A", "combinatiegroep 5/6", "gr. 3/4B"; the roster says "Groep 1/2A". End to end with the CLI —
 * ingest, roster, the klassen report — and the director's class overview in the dashboard.
 */

const file = "ouderpopulatie-de-wilgenhoek-2026-voorjaar-microsoft-forms.csv";
const school = "De Wilgenhoek";
const wave = "2026-voorjaar";
const flags = ["--instrument", "ouderpopulatie", "--bestuur", "Stichting Dorpsscholen", "--school", school];
// in school order: first year, then the narrower, then the letter
const groepen = ["1/2A", "1/2B", "3", "3/4B", "5/6", "7", "8"];
const labels = groepen.map((g) => `Groep ${g}`);

interface ManifestEntry {
  file: string;
  responses: number;
  answers: number;
}
const entry = (
  JSON.parse(readFileSync(join(voorbeeld, "manifest.json"), "utf8")) as { files: ManifestEntry[] }
).files.find((f) => f.file === file)!;
// The school's rows of the example roster, as its administration wrote them ("Groep 1/2A").
const rosterLines = readFileSync(join(voorbeeld, "rooster.csv"), "utf8")
  .replace(/^\uFEFF/, "")
  .split("\r\n");
const ownRoster = rosterLines.filter((l) => l.startsWith(`${school};`));
const families = new Map(ownRoster.map((l) => l.split(";")).map(([, g, , n]) => [g!, Number(n)]));

const dir = tempDir("zaz-combinatie-");
let db = "";

beforeAll(async () => {
  db = await newTestDatabase(dir);
  const r = await zaz([
    "ingest",
    join(voorbeeld, file),
    ...flags,
    "--wave",
    wave,
    "--nieuwe-school",
    "--db",
    db,
    "--json",
  ]);
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({
    status: "imported",
    responses: entry.responses,
    answers: entry.answers,
  });
  const roster = join(dir, "rooster.csv");
  writeFileSync(roster, `${[rosterLines[0], ...ownRoster].join("\r\n")}\r\n`);
  const stored = await zaz(["roster", roster, "--db", db, "--format", "json"]);
  expect(stored.code, stored.stderr).toBe(0);
  expect(JSON.parse(stored.stdout)).toEqual(
    groepen.map((g) => ({ school: "de-wilgenhoek", groep: g, wave, families: families.get(`Groep ${g}`) })),
  );
}, 120_000);

describe("combination groepen with the CLI", () => {
  it("the example's roster holds every groep of the school, as written by its administration", () => {
    expect([...families.keys()]).toEqual(labels);
  });

  it("the klassen report lists the groepen in school order, each with its families and response rate", async () => {
    const text = await zaz(["report", "klassen", "--school", school, "--wave", wave, "--db", db]);
    expect(text.code, text.stderr).toBe(0);
    const table = text.stdout.split("Respons per groep")[2] ?? "";
    const rows = table
      .split("\n")
      .filter((l) => l.startsWith("Groep "))
      .map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => r[0])).toEqual(labels);
    // a groep with enough answers: ingevuld, gezinnen, respons
    const first = rows[0]!;
    expect(first[2]).toBe(String(families.get("Groep 1/2A")));
    expect(first[3]).toBe(`${Math.round((100 * Number(first[1])) / families.get("Groep 1/2A")!)}%`);

    const view = await reportJson<View>(db, ["report", "klassen", "--school", school, "--wave", wave]);
    const respons = view.sections.find((s) => s.id === "respons")!;
    const own = respons.tables[0]!.rows.slice(0, -1);
    expect(own.map((r) => r.groep)).toEqual(labels);
    for (const row of own) {
      const rate = row.respons as { status: string; value?: number; n?: number };
      if (rate.status !== "shown") continue;
      expect(row.gezinnen).toBe(families.get(String(row.groep)));
      expect(rate.value).toBeCloseTo((row.n as { value: number }).value / Number(row.gezinnen), 2);
    }
    expect(own.filter((r) => (r.respons as { status: string }).status === "shown").length).toBe(5);
    // the chart draws them in the same order
    const chartRows = respons.charts[0]!.table.rows.map((r) => Object.values(r)[0]);
    expect(chartRows).toEqual(labels);
    expect(view.links.map((l) => l.params.groep)).toEqual(groepen);
  });

  it("the groep report opens a combination however it is written", async () => {
    for (const written of ["3/4B", "groep 3-4B", "Groep 3/4 b"]) {
      const view = await reportJson<View>(db, [
        "report",
        "groep",
        "--school",
        school,
        "--wave",
        wave,
        "--groep",
        written,
      ]);
      expect(view.about.groep).toEqual({ id: "3/4B", name: "Groep 3/4B" });
    }
  });

  it("refuses a row whose groep is no groep, naming row and column, with a hint instead of 'bedoelde u'", async () => {
    const lines = readFileSync(join(voorbeeld, file), "latin1").split("\r\n");
    const klas = lines[0]!.split(";").indexOf("Klas");
    const broken = lines.map((line, i) => {
      if (i !== 3 && i !== 5) return line;
      const fields = line.split(";");
      fields[klas] = i === 3 ? "kleuters" : "Groep 2/4";
      return fields.join(";");
    });
    const path = join(dir, "geen-groep.csv");
    writeFileSync(path, broken.join("\r\n"), "latin1");
    const r = await zaz(["ingest", path, ...flags, "--wave", wave, "--db", db, "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { errors: Record<string, unknown>[] };
    expect(report.errors).toEqual([
      expect.objectContaining({
        code: "dimension-unknown",
        row: 4,
        column: "Klas",
        value: "kleuters",
        expected: groepMessages.expected,
        hint: groepMessages.hint("not-a-groep"),
      }),
      expect.objectContaining({ row: 6, column: "Klas", hint: groepMessages.hint("not-adjacent") }),
    ]);
    const text = await zaz(["validate", path, ...flags, "--wave", wave]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('rij 4, kolom "Klas"');
    expect(text.stderr).not.toContain("bedoelde u");
  });

  it("refuses a roster row that is no groep, naming row and column", async () => {
    const roster = join(dir, "rooster-fout.csv");
    writeFileSync(
      roster,
      `School;Groep;Meting;Gezinnen\r\n${school};Groep 1/2;${wave};20\r\n${school};groep 9;${wave};18\r\n`,
    );
    const r = await zaz(["roster", roster, "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rij 3, kolom "Groep"');
    expect(r.stderr).toContain(groepMessages.hint("year-out-of-range"));
    expect(r.stderr).not.toContain("bedoelde u");
  });
});

describe("combination groepen in the director's class overview", () => {
  const password = "een lang genoeg wachtwoord";
  let store: Store;
  let serving: Serving;
  let cookie = "";

  beforeAll(async () => {
    store = await openStore(db);
    const privacy = privacySettings();
    if (!privacy.ok) throw new Error("privacy settings rejected");
    const passwordHash = await hashPassword(password, fastScryptParams);
    const users = new MemoryUserRepository([
      { username: "directeur", role: "directeur", scopes: { schools: ["de-wilgenhoek"] }, passwordHash },
    ]);
    serving = await listen(
      {
        results: new StoreResultsService({ store, privacy: privacy.value }),
        users,
        config: { sessionSecret: "combinatie-test-secret-0123456789abcdef", secureCookies: false },
        log: (error) => console.error(error),
      },
      { host: "127.0.0.1", port: 0 },
    );
    cookie = await login(serving.url, "directeur", password);
  }, 120_000);

  afterAll(async () => {
    await serving?.close();
    await store?.close();
  });

  const api = async <T>(path: string, query: Record<string, string>) => {
    const reply = await call(`${serving.url}${path}?${new URLSearchParams(query)}`, {
      headers: { cookie, accept: "application/json" },
    });
    return { status: reply.status, body: JSON.parse(reply.body) as T };
  };

  it("offers the groepen as filter in school order", async () => {
    const { status, body } = await api<{ groepen: { id: string; name: string }[] }>("/api/filters/school", {
      school: "de-wilgenhoek",
    });
    expect(status).toBe(200);
    expect(body.groepen).toEqual(groepen.map((g) => ({ id: g, name: `Groep ${g}` })));
  });

  it("shows the response rate per groep in that order, and opens a combination's page", async () => {
    const { status, body } = await api<View>("/api/class-overview", { school: "de-wilgenhoek", wave });
    expect(status).toBe(200);
    const rows = body.sections.find((s) => s.id === "respons")!.tables[0]!.rows;
    expect(rows.slice(0, -1).map((r) => r.groep)).toEqual(labels);
    // the roster's families beside every groep whose response is shown (not beside 7 and 8: too few)
    const shown = rows.slice(0, -1).filter((r) => r.gezinnen !== null);
    expect(shown.map((r) => [r.groep, r.gezinnen])).toEqual(
      labels.slice(0, 5).map((l) => [l, families.get(l)]),
    );
    const page = await api<View>("/api/groep", { school: "de-wilgenhoek", wave, groep: "1/2A" });
    expect(page.status).toBe(200);
    expect(page.body.about.groep).toEqual({ id: "1/2A", name: "Groep 1/2A" });
  });
});

describe("a database from before the groep type", () => {
  const oldDir = tempDir("zaz-oude-groep-");
  let oldDb = "";
  beforeAll(async () => {
    oldDb = await newTestDatabase(oldDir);
  });
  // The ouderpopulatie instrument as it was: groep an enum of 1–8.
  const current = JSON.parse(
    readFileSync(join(repoRoot, "data", "instrumenten", "ouderpopulatie.json"), "utf8"),
  ) as {
    dimensions: Record<string, unknown>[];
  };
  const old = {
    ...current,
    $schema: undefined,
    dimensions: current.dimensions.map((d) =>
      d.id === "groep"
        ? {
            ...d,
            type: "enum",
            values: [1, 2, 3, 4, 5, 6, 7, 8].map((g) => ({
              code: String(g),
              label: `Groep ${g}`,
              aliases: [`gr ${g}`],
            })),
          }
        : d,
    ),
  };
  const oldInstrument = join(oldDir, "ouderpopulatie-oud.json");
  writeFileSync(oldInstrument, JSON.stringify(old));
  const regenboog = ["--bestuur", "Stichting Samen Leren", "--school", "De Regenboog"];

  it("keeps its groepen 1–8 beside new imports, in one class overview and its change since then", async () => {
    const first = await zaz([
      "ingest",
      join(voorbeeld, "ouderpopulatie-de-regenboog-2025-najaar-google-forms.csv"),
      "--instrument",
      oldInstrument,
      ...regenboog,
      "--wave",
      "2025-najaar",
      "--nieuwe-school",
      "--db",
      oldDb,
    ]);
    expect(first.code, first.stderr).toBe(0);
    const second = await zaz([
      "ingest",
      join(voorbeeld, "ouderpopulatie-de-regenboog-2026-voorjaar-google-forms.csv"),
      "--instrument",
      "ouderpopulatie",
      ...regenboog,
      "--wave",
      "2026-voorjaar",
      "--db",
      oldDb,
    ]);
    expect(second.code, second.stderr).toBe(0);
    const eight = [1, 2, 3, 4, 5, 6, 7, 8].map((g) => `Groep ${g}`);
    for (const w of ["2025-najaar", "2026-voorjaar"]) {
      const view = await reportJson<View>(oldDb, [
        "report",
        "klassen",
        "--school",
        "De Regenboog",
        "--wave",
        w,
      ]);
      const rows = view.sections.find((s) => s.id === "respons")!.tables[0]!.rows;
      expect(rows.slice(0, -1).map((r) => r.groep)).toEqual(eight);
    }
    const latest = await reportJson<View>(oldDb, [
      "report",
      "klassen",
      "--school",
      "De Regenboog",
      "--wave",
      wave,
    ]);
    const change = latest.sections.find((s) => s.id === "verandering");
    const perGroep = (change?.tables ?? []).flatMap((t) => t.rows).map((r) => r.groep);
    expect(perGroep.filter((g) => g !== undefined && g !== "Totaal")).toEqual(eight);
  });

  it("an instrument copy with the old enum refuses a combination with advice, not 'bedoelde u Groep 1'", async () => {
    const r = await zaz([
      "validate",
      join(voorbeeld, file),
      "--instrument",
      oldInstrument,
      ...flags.slice(2),
      "--wave",
      wave,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(groepMessages.enumCombination("Groep"));
    expect(r.stderr).not.toContain("bedoelde u");
  });
});
