import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findRepoRoot, openDuckDbStore, researcherViewNames, type Store } from "../src/index.js";
import { generateResponses, newImport, onPostgres, type TempDir, tempDir } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const childScript = join(here, "child", "import-until-killed.ts");

let dir: TempDir;
let path: string;

beforeEach(async () => {
  dir = await tempDir();
  path = dir.file("zaz.duckdb");
});

afterEach(async () => {
  await dir.remove();
});

/** Starts the child import and SIGKILLs it once it has streamed `after` responses into its transaction. */
function importAndKill(after: number): Promise<{ seen: number; fileSizeAtKill: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=zaz-source", "--import", "tsx", childScript, path], {
      cwd: findRepoRoot(here),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let seen = 0;
    let fileSizeAtKill = 0;
    let stderr = "";
    let buffered = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^progress (\d+)$/.exec(line);
        if (match !== null) seen = Number(match[1]);
        if (line === "finished") reject(new Error("the child finished before it was killed"));
      }
      if (seen >= after && child.exitCode === null && !child.killed) {
        fileSizeAtKill = statSync(path).size;
        child.kill("SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve({ seen, fileSizeAtKill });
    });
  });
}

async function snapshot(store: Store) {
  return {
    imports: (await store.listImports()).map((r) => [r.id, r.responses, r.answers]),
    responses: await store.countResponses(),
    schools: await store.contextValues("ouderpopulatie", "school"),
    sample: (await store.selectResponses({ instrumentId: "ouderpopulatie", where: { school: "S1" } })).slice(
      0,
      3,
    ),
  };
}

/**
 * What a researcher sees who opens the file with plain DuckDB (R, Python, DBeaver), without zaz
 * cleaning up first: per documented view, its rows (count and an order-free checksum).
 */
async function researcherSees(file: string): Promise<Record<string, [number, string]>> {
  return readOnly(file, async (query) => {
    const seen: Record<string, [number, string]> = {};
    for (const view of researcherViewNames) {
      const [count, checksum] = (await query(
        `SELECT count(*)::INTEGER, coalesce(sum(hash(v))::VARCHAR, '') FROM ${view} v`,
      )) as [number, string];
      seen[view] = [count, checksum];
    }
    return seen;
  });
}

/** the raw table, which does show a killed import's committed chunks until zaz removes them */
function rawResponses(file: string): Promise<number> {
  return readOnly(file, async (query) => Number((await query("SELECT count(*) FROM responses"))[0]));
}

async function readOnly<T>(file: string, work: (query: (sql: string) => Promise<unknown[]>) => Promise<T>) {
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  try {
    const connection = await instance.connect();
    try {
      return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowsJS()[0] ?? []);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

// DuckDB only: the file's size and the chunks an import commits are DuckDB's; a PostgreSQL import is
// one transaction, killed in test/postgres-kill.test.ts
describe.skipIf(onPostgres)("an import killed half-way", () => {
  // early: rows still in memory; late: DuckDB has already written row groups of the open
  // transaction into the database file (checked below), which must not count after a restart
  it.each([
    { after: 2_000, written: false },
    { after: 150_000, written: true },
  ])(
    "leaves the database exactly as it was (killed after $after responses)",
    async ({ after, written }) => {
      let store = await openDuckDbStore(path);
      await store.importResponses(
        newImport("before", { context: { school: "S1" } }),
        generateResponses(200, 5),
      );
      const before = await snapshot(store);
      await store.close();
      const sizeBefore = statSync(path).size;
      const researcherBefore = await researcherSees(path);
      expect(researcherBefore.onderzoek_responses?.[0]).toBe(200);

      const { seen, fileSizeAtKill } = await importAndKill(after);
      expect(seen).toBeGreaterThanOrEqual(after);
      if (written) expect(fileSizeAtKill).toBeGreaterThan(sizeBefore);
      // before any zaz command removes the killed import: the documented views show the data as it was
      expect(await researcherSees(path)).toEqual(researcherBefore);
      // the control: after a committed chunk (50,000 responses) the raw tables do hold the import
      if (written) expect(await rawResponses(path)).toBeGreaterThan(200);

      store = await openDuckDbStore(path);
      try {
        expect(await snapshot(store)).toEqual(before);
        expect(await store.hasImport("killed")).toBe(false);
        const next = await store.importResponses(
          newImport("after"),
          generateResponses(100, 5, {}, 1_000_000),
        );
        expect(next).toMatchObject({ status: "imported", responsesAdded: 100, answersAdded: 500 });
        expect(await store.countResponses()).toBe(300);
      } finally {
        await store.close();
      }
    },
    60_000,
  );
});
