import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, tempDir, voorbeeld, zaz } from "./run-zaz.js";
import { newTestDatabase } from "./support/test-database.js";

interface ManifestEntry {
  file: string;
  instrument: string;
  flags: Record<string, string>;
  responses: number;
  answers: number;
  missing: { weet_niet: number; nvt: number; leeg: number };
}

const listed = JSON.parse(readFileSync(join(voorbeeld, "manifest.json"), "utf8")) as {
  besturen: { name: string }[];
  schools: { name: string; bestuur: string }[];
  files: ManifestEntry[];
};
const manifest = listed.files;
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

describe("the example exports", () => {
  let db = "";

  // The schools and boards the manifest lists are registered first, as a leerteam would.
  beforeAll(async () => {
    db = await newTestDatabase(tempDir(), "voorbeeld.duckdb");
    for (const b of listed.besturen) expect((await zaz(["bestuur", "add", b.name, "--db", db])).code).toBe(0);
    for (const s of listed.schools)
      expect((await zaz(["school", "add", s.name, "--bestuur", s.bestuur, "--db", db])).code).toBe(0);
  });

  it.each(manifest.map((m) => [m.file, m] as const))(
    "%s ingests with the counts the README states",
    async (_, m) => {
      const flags = Object.entries(m.flags).flatMap(([k, v]) => [`--${k}`, v]);
      const r = await zaz([
        "ingest",
        join(voorbeeld, m.file),
        "--instrument",
        m.instrument,
        ...flags,
        "--db",
        db,
        "--json",
      ]);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary).toMatchObject({
        status: "imported",
        rowsRead: m.responses,
        responses: m.responses,
        responsesAdded: m.responses,
        answers: m.answers,
        missing: m.missing,
      });
      const row = readme.split("\n").find((l) => l.includes(`\`${m.file}\``));
      expect(row, `README lists ${m.file}`).toBeDefined();
      const cells = (row ?? "").split("|").map((c) => c.trim());
      expect(cells.slice(-4, -1)).toEqual([
        String(m.responses),
        String(m.answers),
        `${m.missing.weet_niet} / ${m.missing.nvt} / ${m.missing.leeg}`,
      ]);
    },
  );

  it("adds nothing when an export is ingested again, and says so", async () => {
    const m = manifest[0];
    if (!m) throw new Error("empty manifest");
    const flags = Object.entries(m.flags).flatMap(([k, v]) => [`--${k}`, v]);
    const before = JSON.parse((await zaz(["imports", "--db", db, "--format", "json"])).stdout) as {
      fileName: string;
      rowsRead: number;
    }[];
    for (const entry of manifest)
      expect(before.find((i) => i.fileName === entry.file)?.rowsRead).toBe(entry.responses);
    const again = await zaz([
      "ingest",
      join(voorbeeld, m.file),
      "--instrument",
      m.instrument,
      ...flags,
      "--db",
      db,
    ]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("niets nieuw");
    const after = JSON.parse((await zaz(["imports", "--db", db, "--format", "json"])).stdout);
    expect(after).toEqual(before);
  });

  it("adds nothing for the same rows in another order, and says so", async () => {
    const m = manifest[0];
    if (!m) throw new Error("empty manifest");
    const [header, ...rows] = readFileSync(join(voorbeeld, m.file), "utf8").trimEnd().split("\r\n");
    const reordered = join(tempDir(), "omgekeerd.csv");
    writeFileSync(reordered, `${[header, ...rows.reverse()].join("\r\n")}\r\n`);
    const flags = Object.entries(m.flags).flatMap(([k, v]) => [`--${k}`, v]);
    const r = await zaz(["ingest", reordered, "--instrument", m.instrument, ...flags, "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      status: "imported",
      responsesAdded: 0,
      responsesSkipped: m.responses,
    });
    const text = await zaz(["ingest", reordered, "--instrument", m.instrument, ...flags, "--db", db]);
    expect(text.stderr).toContain("niets nieuw");
  });

  it("stores the roster", async () => {
    const r = await zaz(["roster", join(voorbeeld, "rooster.csv"), "--db", db, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(71);
  });
});
