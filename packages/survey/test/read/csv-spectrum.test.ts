import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allRows, open, repoRoot } from "./helpers.js";

// CI clones the repository beside shared/, so the suite is found relative to the repository root.
const spectrum = join(repoRoot(), "../shared/csv-spectrum");
const names = readdirSync(join(spectrum, "csvs"))
  .filter((f) => f.endsWith(".csv"))
  .map((f) => f.slice(0, -4));
// Inconsistent upstream (see its README): only check that it reads without error.
const inconsistent = "location_coordinates";

describe("csv-spectrum", () => {
  it("has the suite's files", () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of names) {
    it(`reads ${name}.csv as ${name}.json`, async () => {
      const bytes = readFileSync(join(spectrum, "csvs", `${name}.csv`));
      const reader = await open(bytes, { delimiter: "," });
      const rows = await allRows(reader);
      expect(reader.problems.errors).toEqual([]);
      if (name === inconsistent) {
        expect(rows.length).toBe(1);
        return;
      }
      const expected = JSON.parse(readFileSync(join(spectrum, "json", `${name}.json`), "utf8")) as Record<
        string,
        string
      >[];
      const actual = rows.map((r) => Object.fromEntries(reader.header.map((h, i) => [h, r.fields[i]])));
      expect(actual).toEqual(expected);
    });
  }

  it("sniffs the comma in every file of the suite", async () => {
    for (const name of names) {
      const reader = await open(readFileSync(join(spectrum, "csvs", `${name}.csv`)));
      expect(reader.delimiter, name).toBe(",");
      await reader.close();
    }
  });
});
