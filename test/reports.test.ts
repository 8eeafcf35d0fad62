import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleDatabase } from "./example-db.js";
import { reportJson, tempDir, zaz } from "./run-zaz.js";

/**
 * Golden tests of the four reports on the example data: the text a director, leerteam, lecturer
 * and student read. A change in any number shows up here; review it, then `npx vitest -u`.
 */
let db = "";
let student = "";

beforeAll(async () => {
  db = await exampleDatabase();
  const first = readFileSync(
    join(
      import.meta.dirname,
      "..",
      "data",
      "voorbeeld",
      "opleidingsouders-cohorten-2023-2024-google-forms.csv",
    ),
    "utf8",
  )
    .split("\r\n")[1]
    ?.split(",")[1];
  student = (await zaz(["pseudoniem", first ?? "", "--db", db])).stdout.trim();
}, 120_000);

const reports = () =>
  [
    ["klassen", ["report", "klassen", "--school", "De Regenboog", "--wave", "2026-voorjaar"]],
    ["scholen", ["report", "scholen", "--bestuur", "Stichting Samen Leren"]],
    ["leerlijn", ["report", "leerlijn", "--opleiding", "Pabo HvA"]],
    ["ontwikkeling", ["report", "ontwikkeling", "--student", student]],
  ] as const;

describe("reports on the example data", () => {
  it("render as text within 80 columns, matching the golden files", async () => {
    for (const [name, args] of reports()) {
      const r = await zaz([...args, "--db", db]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      for (const line of r.stdout.split("\n"))
        expect(line.length, `${name}: ${line}`).toBeLessThanOrEqual(80);
      // The pseudonym depends on this installation's key, which every test database makes anew.
      await expect(r.stdout.replaceAll(student, "p-<pseudoniem>")).toMatchFileSnapshot(`golden/${name}.txt`);
    }
  });

  it("give JSON whose every shown number carries its n, and no suppressed value", async () => {
    for (const [name, args] of reports()) {
      const report = await reportJson<{
        sections: { tables: { rows: Record<string, unknown>[] }[] }[];
      }>(db, args);
      for (const section of report.sections)
        for (const table of section.tables)
          for (const row of table.rows)
            for (const cell of Object.values(row)) {
              if (typeof cell !== "object" || cell === null) continue;
              const c = cell as { status?: string; value?: unknown; n?: unknown };
              if (c.status === "suppressed" || c.status === "empty") expect(c.value ?? c.n).toBeUndefined();
              if (c.status === "shown" && typeof c.value === "number" && name !== "ontwikkeling")
                expect(typeof c.n, `${name}: ${JSON.stringify(cell)}`).toBe("number");
            }
    }
  });

  it("writes a self-contained HTML file with inline SVG charts, data tables and a method section", async () => {
    const out = join(tempDir(), "klassen.html");
    const r = await zaz([...reports()[0][1], "--db", db, "--format", "html", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("Toon tabel");
    expect(html).toContain("Privacy en afscherming");
    expect(html).not.toMatch(/<script|src="http|href="http/);
  });

  it("exports aggregates as CSV for Dutch Excel: BOM, semicolons, formulas neutralised", async () => {
    const r = await zaz([
      "export",
      "klassen",
      "--school",
      "De Regenboog",
      "--wave",
      "2026-voorjaar",
      "--db",
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout.startsWith(
        "\uFEFFrapport;sectie;tabel;rij;kolom;waarde;n;ondergrens;bovengrens;status;toelichting",
      ),
    ).toBe(true);
    expect(r.stdout).toContain(";Groep 5;");
    for (const line of r.stdout.split("\r\n").slice(1)) expect(line).not.toMatch(/(^|;)[=+@]/);
  });

  it("refuses a report for a school that has no data, naming what there is", async () => {
    const r = await zaz([
      "report",
      "klassen",
      "--school",
      "Bestaat Niet",
      "--wave",
      "2026-voorjaar",
      "--db",
      db,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("De Regenboog");
  });

  it("never sets k below 3", async () => {
    const r = await zaz([...reports()[0][1], "--db", db, "--k", "2"]);
    expect(r.code).toBe(2);
  });
});
