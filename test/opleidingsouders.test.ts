import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { View } from "@zaz/views";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "./example-db.js";
import { fixtures, repoRoot, reportJson, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

/**
 * Opleidingsouders as seed 003 §4 frames them: open questions, no score, no judgement, only the
 * regular conversations of §4.1 — and the source cited by its title, never as a "seed".
 */
let db = "";
let student = "";

beforeAll(async () => {
  db = await exampleDatabase();
  const first = readFileSync(
    join(voorbeeld, "opleidingsouders-obs-de-linde-2025-microsoft-forms.csv"),
    "latin1",
  ).split("\r\n")[1];
  // Microsoft Forms: Id;Begintijd;Tijd van voltooien;E-mail;Naam;<student>;…
  student = (await zaz(["pseudoniem", first?.split(";")[5] ?? "", "--db", db])).stdout.trim();
}, 120_000);

const leerlijn = () => reportJson<View>(db, ["report", "leerlijn", "--opleiding", "Pabo HvA"]);

/** Every text of a view a person reads: title, facts, headings, intros, captions, columns, cells, notes, charts, method. */
function texts(view: View): string[] {
  const out = [view.title, view.subtitle, ...view.method.flatMap((m) => [m.heading, m.text])];
  for (const f of view.facts) out.push(f.label, f.cell.text, f.cell.title ?? "");
  for (const s of view.sections) out.push(...sectionTexts(s));
  return out;
}

function sectionTexts(s: View["sections"][number]): string[] {
  const out = [s.heading, s.intro ?? ""];
  for (const t of s.tables) {
    out.push(t.caption, ...(t.notes ?? []), ...t.columns.map((c) => c.title));
    for (const row of t.rows)
      for (const cell of Object.values(row))
        if (typeof cell === "string") out.push(cell);
        else if (typeof cell === "object" && cell !== null) out.push(cell.text, cell.title ?? "");
  }
  for (const c of s.charts) out.push(c.title, c.description, JSON.stringify(c.spec));
  return out;
}

/** The user-facing message modules: their string literals, comments removed. */
function messageSources(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === "node_modules" || name === "dist" || name === "test") continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/(messages|texts)\.ts$/.test(name)) found.push(path);
    }
  };
  walk(join(repoRoot, "packages"));
  walk(join(repoRoot, "apps"));
  return found;
}

describe("opleidingsouders in the views", () => {
  it("cite the source by its title: no user-facing text says 'seed'", async () => {
    const views = [
      await leerlijn(),
      await reportJson<View>(db, ["report", "ontwikkeling", "--student", student]),
    ];
    for (const view of views) for (const text of texts(view)) expect(text).not.toMatch(/seed/i);
    const sources = messageSources();
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/seed/i);
    }
    for (const file of readdirSync(join(repoRoot, "data", "instrumenten")))
      expect(readFileSync(join(repoRoot, "data", "instrumenten", file), "utf8"), file).not.toMatch(/seed/i);
  });

  it("never call the parents' feedback a judgement and never average it", async () => {
    const view = await leerlijn();
    const section = view.sections.find((s) => s.id === "opleidingsouders");
    expect(section).toBeDefined();
    if (section === undefined) return;
    for (const text of sectionTexts(section)) expect(text).not.toMatch(/oordeel/i);
    expect(section.charts).toEqual([]);
    expect(JSON.stringify(section)).not.toMatch(/gemiddelde \(|Beleving van/);
    // the five questions, each with its count of open answers per fase
    const answered = section.tables.find((t) => t.id === "oo-vragen");
    expect(answered?.rows).toHaveLength(5);
    // the texts themselves, where the whole selection reaches kText
    expect(section.tables.filter((t) => t.id.startsWith("open-"))).toHaveLength(5);
    const own = await reportJson<View>(db, ["report", "ontwikkeling", "--student", student]);
    const feedback = own.sections.find((s) => s.id === "opleidingsouders");
    for (const text of sectionTexts(feedback ?? { ...section, tables: [], charts: [] }))
      expect(text).not.toMatch(/oordeel/i);
    // the student reads the parents' own words, without a score
    const words = feedback?.tables[0]?.rows.map((r) => r.antwoord).filter((a) => a !== "");
    expect(words?.length).toBeGreaterThan(0);
    expect(feedback?.tables.map((t) => t.id)).toEqual(["feedback"]);
  });

  it("count distinct students and forms in the leerlijn facts, each its own n", async () => {
    const view = await leerlijn();
    const fact = (id: string) => view.facts.find((f) => f.id === id)?.cell;
    const forms = fact("feedback");
    const students = fact("feedback-studenten");
    const observed = fact("studenten");
    for (const cell of [forms, students, observed]) {
      expect(cell?.status).toBe("shown");
      if (cell?.status === "shown") expect(cell.n).toBe(cell.value);
    }
    if (forms?.status === "shown" && students?.status === "shown")
      expect(students.value).toBeLessThan(forms.value);
  });

  it("lists the cohorts, not the opleidingen, for a cohort without data", async () => {
    const r = await zaz(["report", "leerlijn", "--opleiding", "Pabo HvA", "--cohort", "2030", "--db", db]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('cohort "2030"');
    expect(r.stderr).toContain("cohort 2023, cohort 2024");
    expect(r.stderr).not.toContain("UPvA");
  });
});

describe("opleidingsouders at ingest", () => {
  it("refuses a slechtnieuwsgesprek with its row, its column and the reason of §4.1", async () => {
    const source = join(voorbeeld, "opleidingsouders-cohorten-2023-2024-google-forms.csv");
    const lines = readFileSync(source, "utf8").split("\r\n");
    const row = lines.findIndex((l, i) => i > 0 && l.includes(",Voortgangsgesprek,"));
    lines[row] = (lines[row] ?? "").replace(",Voortgangsgesprek,", ",Slechtnieuwsgesprek,");
    const file = join(tempDir(), "slechtnieuws.csv");
    writeFileSync(file, lines.join("\r\n"));
    const fresh = await newTestDatabase(tempDir(), "zaz.duckdb");
    const r = await zaz(["ingest", file, "--instrument", "opleidingsouders", "--db", fresh, "--json"]);
    expect(r.code).not.toBe(0);
    const summary = JSON.parse(r.stdout) as {
      errors: { code: string; row?: number; column?: string; message: string }[];
    };
    const refused = summary.errors.find((e) => e.code === "dimension-refused");
    expect(refused).toMatchObject({ row: row + 1, column: "Gesprekssoort" });
    expect(refused?.message).toContain("Slechtnieuwsgesprek");
    expect(refused?.message).toContain("10-minutengesprek");
  });

  it("reads a database with the older four-point version as counts, never as a mean", async () => {
    const old = await newTestDatabase(tempDir(), "oud.duckdb");
    const r = await zaz([
      "ingest",
      join(fixtures, "opleidingsouders-1.0-google-forms.csv"),
      "--instrument",
      join(fixtures, "opleidingsouders-1.0.json"),
      "--db",
      old,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const view = await reportJson<View>(old, ["report", "leerlijn", "--opleiding", "Pabo HvA"]);
    const section = view.sections.find((s) => s.id === "opleidingsouders");
    const closed = section?.tables.find((t) => t.id === "oo-kort");
    expect(closed?.rows.length).toBeGreaterThan(0);
    for (const text of sectionTexts(section ?? { id: "", heading: "", tables: [], charts: [] }))
      expect(text).not.toMatch(/oordeel/i);
    // the old construct ("Beleving") and its means are gone from the view
    expect(JSON.stringify(section)).not.toMatch(/gemiddelde \(|Beleving van|"value":2\.\d/);
  });
});
