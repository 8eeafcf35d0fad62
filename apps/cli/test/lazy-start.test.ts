import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath } from "../src/context.js";

// `zaz --help` and `zaz instrument list` must start without the heavy dependencies: DuckDB (a native
// module, ~600 ms to load), Vega and Vega-Lite (~650 ms) and the CSV reader. Each run is a fresh
// Node process on the TypeScript source with a resolve hook (./record-loads/) that records every
// module it resolves. `npm run bench:cli` measures the time of the built command.

const cliDir = join(import.meta.dirname, "..");
const logDir = mkdtempSync(join(tmpdir(), "zaz-lazy-start-"));

interface Resolution {
  specifier: string;
  url: string;
  parent?: string;
}

interface Start {
  status: number | null;
  stdout: string;
  stderr: string;
  /** the npm packages loaded, by name ("vega-lite", "@duckdb/node-api") */
  packages: Set<string>;
  resolutions: Resolution[];
}

/** Runs `zaz ARGS` from source in a fresh process and records what it loaded. */
function start(args: readonly string[]): Start {
  const log = join(logDir, `${args.join("-").replace(/[^a-z]/g, "") || "none"}.jsonl`);
  const run = spawnSync(
    process.execPath,
    [
      "--conditions=zaz-source",
      "--import",
      "tsx",
      "--import",
      "./test/record-loads/register.mjs",
      "src/bin.ts",
      ...args,
    ],
    {
      cwd: cliDir,
      env: { ...process.env, ZAZ_LOAD_LOG: log, NO_COLOR: "1" },
      encoding: "utf8",
      timeout: 30_000,
    },
  );
  const resolutions = readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Resolution);
  const packages = new Set(
    resolutions.flatMap(({ url }) => {
      const name = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
      return name === undefined ? [] : [name];
    }),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, packages, resolutions };
}

const heavy = ["@duckdb/node-api", "vega", "vega-lite", "csv-parse"];
const loaded = (run: Start, names: readonly string[]) => names.filter((n) => run.packages.has(n));

let help: Start;
let instrumentList: Start;

beforeAll(() => {
  help = start(["--help"]);
  instrumentList = start(["instrument", "list"]);
});

afterAll(() => {
  rmSync(logDir, { recursive: true, force: true });
});

describe("zaz starts without its heavy dependencies", () => {
  it("prints --help without loading DuckDB, Vega, Vega-Lite or csv-parse", () => {
    expect(help.stderr).toBe("");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Gebruik: zaz");
    expect(loaded(help, heavy), `loaded: ${[...help.packages].join(", ")}`).toEqual([]);
    // nothing of the command modules or the packages they use, only the program's declaration
    // (user.ts, registry.ts and actie.ts declare their subcommands and load their work when it runs)
    expect(
      help.resolutions.filter((r) => /\/commands\/(?!user\.ts|registry\.ts|actie\.ts)/.test(r.url)),
    ).toEqual([]);
    expect(help.resolutions.filter((r) => /\/packages\//.test(r.url))).toEqual([]);
  });

  it("lists the instruments without loading DuckDB, Vega or Vega-Lite", () => {
    expect(instrumentList.status).toBe(0);
    expect(instrumentList.stdout).toContain("versie");
    expect(loaded(instrumentList, ["@duckdb/node-api", "vega", "vega-lite"])).toEqual([]);
  });

  it("lists the instruments without loading csv-parse or iconv-lite", () => {
    expect(loaded(instrumentList, ["csv-parse", "iconv-lite"])).toEqual([]);
  });
});

describe("databasePath", () => {
  it("defaults to the same file as @zaz/store's defaultDatabasePath, without importing it", async () => {
    const { defaultDatabasePath } = await import("@zaz/store");
    const effects = {
      stdout: process.stdout,
      stderr: process.stderr,
      env: {},
      cwd: "/",
      now: () => new Date(),
    };
    expect(databasePath(effects, undefined)).toBe(defaultDatabasePath({}));
  });
});
