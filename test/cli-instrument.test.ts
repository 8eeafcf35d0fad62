import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createProgram } from "@zaz/cli";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir, zaz } from "./run-zaz.js";

describe("zaz instrument", () => {
  it("lists the three default instruments with version and item counts", async () => {
    const r = await zaz(["instrument", "list"]);
    expect(r.code).toBe(0);
    for (const id of ["ouderpopulatie", "opleidingsouders", "observatie"]) expect(r.stdout).toContain(id);
    const json = JSON.parse((await zaz(["instrument", "list", "--format", "json"])).stdout) as {
      id: string;
      items: number;
    }[];
    expect(json.map((i) => i.id).sort()).toEqual(["observatie", "opleidingsouders", "ouderpopulatie"]);
    // 98 JA/NEE items on the six observation forms of seed 003 §3.2–3.7.
    expect(json.find((i) => i.id === "observatie")?.items).toBe(98);
    for (const line of r.stdout.trimEnd().split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("shows an instrument's items in Dutch, and the whole instrument as JSON", async () => {
    const r = await zaz(["instrument", "show", "ouderpopulatie"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Ouderpopulatie");
    expect(r.stdout).toContain("erv_hc1");
    expect(r.stdout).toContain("Eens (5");
    const json = JSON.parse(
      (await zaz(["instrument", "show", "opleidingsouders", "--format", "json"])).stdout,
    );
    expect(json.id).toBe("opleidingsouders");
    // seed 003 §4.3: five open questions (no scale), four with an optional short answer
    expect(json.items.filter((i: { type: string }) => i.type === "text")).toHaveLength(5);
    expect(json.items.filter((i: { type: string }) => i.type === "scale")).toHaveLength(0);
  });

  it("says nothing and exits 0 for a good file; names file, field path, found and expected for a broken one", async () => {
    const original = join(repoRoot, "data", "instrumenten", "ouderpopulatie.json");
    const good = await zaz(["instrument", "check", original]);
    expect(good).toMatchObject({ code: 0, stdout: "", stderr: "" });

    const dir = tempDir();
    const data = JSON.parse(readFileSync(original, "utf8"));
    data.items[4].scale = "vijfpunt";
    const broken = join(dir, "kapot.json");
    writeFileSync(broken, JSON.stringify(data, null, 2));
    const r = await zaz(["instrument", "check", broken]);
    expect(r.code).toBe(1);
    const problems = r.stderr.split("\n").filter((l) => l.startsWith("fout:"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(broken);
    expect(problems[0]).toContain("items[4].scale");
    expect(r.stderr).toContain('gevonden: "vijfpunt"');
    expect(r.stderr).toMatch(/verwacht: .*eens5/);

    const json = JSON.parse((await zaz(["instrument", "check", broken, "--format", "json"])).stdout);
    expect(json).toEqual([
      expect.objectContaining({ path: "items[4].scale", value: "vijfpunt", file: broken }),
    ]);
  });

  it("exits 2 on usage errors, in Dutch", async () => {
    expect((await zaz(["instrument", "show"])).code).toBe(2);
    const unknown = await zaz(["bestaat-niet"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("onbekende opdracht");
    expect((await zaz([])).code).toBe(2);
  });

  it("has --help on every command, exit 0", async () => {
    const program = createProgram(
      { stdout: { write: () => {} }, stderr: { write: () => {} }, env: {}, cwd: ".", now: () => new Date() },
      () => {},
    );
    const paths: string[][] = [];
    const walk = (c: typeof program, prefix: string[]) => {
      for (const sub of c.commands) {
        if (sub.name() === "help") continue;
        paths.push([...prefix, sub.name()]);
        walk(sub, [...prefix, sub.name()]);
      }
    };
    walk(program, []);
    expect(paths.length).toBeGreaterThan(5);
    for (const path of [[], ...paths]) {
      const r = await zaz([...path, "--help"]);
      expect(r.code, path.join(" ")).toBe(0);
      expect(r.stdout, path.join(" ")).toContain("Gebruik:");
    }
  });
});
