import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findRepoRoot, openDuckDbStore, type Store } from "../src/index.js";
import { generateResponses, newImport, type TempDir, tempDir } from "./helpers.js";

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

describe("an import killed half-way", () => {
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

      const { seen, fileSizeAtKill } = await importAndKill(after);
      expect(seen).toBeGreaterThanOrEqual(after);
      if (written) expect(fileSizeAtKill).toBeGreaterThan(sizeBefore);

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
