import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findRepoRoot, openStore, researcherViewNames, type Store } from "../../src/index.js";
import { generateResponses, newImport } from "../helpers.js";
import { newPgDatabase, skipWithoutPostgres } from "./pg-database.js";

const here = dirname(fileURLToPath(import.meta.url));
const childScript = join(here, "import-until-killed.ts");

/** Starts the child import and SIGKILLs it once it has streamed `after` responses into its transaction. */
function importAndKill(url: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=zaz-source", "--import", "tsx", childScript, url], {
      cwd: findRepoRoot(here),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let seen = 0;
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
      if (seen >= after && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve(seen);
    });
  });
}

async function snapshot(store: Store) {
  return {
    imports: (await store.listImports()).map((r) => [r.id, r.responses, r.answers]),
    responses: await store.countResponses(),
    schools: await store.contextValues("ouderpopulatie", "school"),
    version: await store.dataVersion(),
    sample: (await store.selectResponses({ instrumentId: "ouderpopulatie", where: { school: "S1" } })).slice(
      0,
      3,
    ),
  };
}

/** Rows per raw table and researcher view, as anyone connecting to the database sees them. */
async function rows(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of [
      "imports",
      "responses",
      "response_context",
      "answers",
      "facts_1",
      ...researcherViewNames,
    ])
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

describe.skipIf(skipWithoutPostgres)("a PostgreSQL import killed with SIGKILL", () => {
  it("leaves the database as it was, and the next import runs at once", async () => {
    const url = await newPgDatabase();
    const before = await openStore(url);
    await before.importResponses(newImport("kept"), generateResponses(2_000, 10, { school: "S1" }));
    const expected = await snapshot(before);
    await before.close();
    const counts = await rows(url);

    const seen = await importAndKill(url, 30_000);
    expect(seen).toBeGreaterThanOrEqual(30_000);

    expect(await rows(url)).toEqual(counts);
    const after = await openStore(url);
    try {
      expect(await snapshot(after)).toEqual(expected);
      // the killed import's lock went with its connection: the next import does not wait for it
      const next = await after.importResponses(
        newImport("next"),
        generateResponses(10, 2, { school: "S2" }, 9_000_000),
      );
      expect(next.responsesAdded).toBe(10);
      expect(await after.hasImport("killed")).toBe(false);
    } finally {
      await after.close();
    }
  }, 120_000);
});
