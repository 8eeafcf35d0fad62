import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDuckDbStore } from "@zaz/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir, zaz } from "./run-zaz.js";
import { onPostgres } from "./support/test-database.js";

const fixture = join(import.meta.dirname, "fixtures", "fast-path", "ouderpopulatie-kenmerken.csv");
const ingestArgs = ["--instrument", "ouderpopulatie", "--school", "De Regenboog", "--wave", "2026-voorjaar"];

/** what a user reads for `zaz imports --db path` and for an ingest into it: a Dutch error, exit 1 */
async function refused(path: string): Promise<string[]> {
  const messages: string[] = [];
  for (const args of [
    ["imports", "--db", path],
    ["ingest", fixture, ...ingestArgs, "--nieuwe-school", "--db", path],
  ]) {
    const run = await zaz(args);
    expect(run.code, `${args[0]}: ${run.stderr}`).toBe(1);
    expect(run.stderr).toMatch(/^fout: /);
    expect(run.stderr).not.toContain("Onverwachte fout");
    expect(run.stderr).not.toMatch(/IO Error|ENOTDIR|EEXIST|EACCES/);
    messages.push(run.stderr);
  }
  return messages;
}

// DuckDB only: these are files given with --db
describe.skipIf(onPostgres)("a --db that cannot be the database", () => {
  let dir = "";
  beforeEach(() => {
    dir = tempDir();
  });

  it("is a folder", async () => {
    const folder = join(dir, "gegevens");
    mkdirSync(folder);
    for (const message of await refused(folder)) expect(message).toContain(`${folder} is een map`);
  });

  // DuckDB would open a CSV or JSON file as an in-memory database with a view of it: the import
  // would be told as stored, and nothing kept
  it.each(["ouders.csv", "ouders.json", "ouders.txt"])("is another kind of file (%s)", async (name) => {
    const file = join(dir, name);
    const content = name.endsWith(".json") ? '{"a": 1}\n' : readFileSync(fixture, "utf8");
    writeFileSync(file, content);
    for (const message of await refused(file))
      expect(message).toContain(`Het bestand ${file} is geen database van Zij aan Zij`);
    // and the file is left as it was
    expect(readFileSync(file, "utf8")).toBe(content);
  });

  it("has a damaged pseudonym key beside it", async () => {
    const path = join(dir, "zaz.duckdb");
    writeFileSync(`${path}.key`, "kort");
    const run = await zaz(["ingest", fixture, ...ingestArgs, "--nieuwe-school", "--db", path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^fout: De pseudonimiseringssleutel .*zaz\.duckdb\.key is beschadigd \(4 bytes, verwacht 32\)/,
    );
    expect(readFileSync(`${path}.key`, "utf8")).toBe("kort");
  });

  it("is a damaged database (its header changed), not told as a database in use", async () => {
    const path = join(dir, "zaz.duckdb");
    await (await openDuckDbStore(path)).close();
    const bytes = readFileSync(path);
    bytes.writeBigUInt64LE(999n, 12); // the storage version, under the header's checksum
    writeFileSync(path, bytes);
    for (const message of await refused(path)) {
      expect(message).toContain(`Het databasebestand ${path} is beschadigd`);
      expect(message).not.toContain("al geopend");
    }
  });

  it("lies below a file, not a folder", async () => {
    const file = join(dir, "ouders.csv");
    writeFileSync(file, "x");
    const path = join(file, "zaz.duckdb");
    for (const message of await refused(path)) expect(message).toContain(`${file} is een bestand, geen map`);
  });

  it.skipIf(!existsSync("/sys/kernel"))("lies where nobody may write (sysfs), root too", async () => {
    for (const path of ["/sys/zaz-test.duckdb", "/sys/zaz-test/zaz.duckdb"])
      for (const message of await refused(path)) expect(message).toMatch(/geen toegang/);
  });
});

/** a 2 MiB tmpfs at `dir`, when this process may mount one (root with CAP_SYS_ADMIN), else false */
function smallDisk(dir: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", dir]).status === 0;
}

describe.skipIf(onPostgres)("a full disk", () => {
  let disk = "";
  let mounted = false;
  beforeEach(() => {
    disk = join(tempDir(), "disk");
    mounted = smallDisk(disk);
  });
  afterEach(() => {
    if (mounted) spawnSync("umount", [disk]);
  });

  it("stops an import with a Dutch message, and nothing is stored", async (test) => {
    if (!mounted) test.skip("mounting a small tmpfs is not allowed here");
    const db = join(disk, "zaz.duckdb");
    // an export too large for 2 MiB: the fixture's answers many times over
    // (each copy of a record with its own id, so none is a duplicate)
    const [header, ...records] = readFileSync(fixture, "utf8").trimEnd().split("\n");
    const copies = Array.from({ length: 400 }, (_, copy) =>
      records.map((r) => r.replace(/^(\d+);/, (_, id) => `${copy * 1000 + Number(id)};`)),
    );
    const many = join(tempDir(), "veel.csv");
    writeFileSync(many, `${[header, ...copies.flat()].join("\n")}\n`);
    const run = await zaz(["ingest", many, ...ingestArgs, "--nieuwe-school", "--db", db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^fout: De schijf is vol: .*zaz\.duckdb.* kon niet worden geschreven/);
    expect(run.stderr).not.toContain("Onverwachte fout");
    // opening it while the disk is still full (what the WAL holds goes into the file) says so too
    const opening = await zaz(["imports", "--db", db]);
    expect(opening.code).toBe(1);
    expect(opening.stderr).toMatch(/^fout: De schijf is vol: .*zaz\.duckdb.* kon niet worden geschreven/);
    // with room again, the database holds no trace of the import
    expect(spawnSync("mount", ["-o", "remount,size=64m", disk]).status).toBe(0);
    const after = await zaz(["imports", "--format", "json", "--db", db]);
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual([]);
  });
});
