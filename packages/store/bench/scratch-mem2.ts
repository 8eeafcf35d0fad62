import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Answer, SurveyResponse } from "@zaz/model";
import { DuckDb } from "../src/duckdb/connection.js";
import { migrate } from "../src/duckdb/migrations.js";
import { importResponses } from "../src/duckdb/import-responses.js";
const n = Number(process.argv[2]); const chunk = Number(process.argv[3]); const mem = process.argv[4] ?? "64MB";
function* responses(): Generator<SurveyResponse> {
  for (let i = 0; i < n; i++) {
    const answers: Answer[] = [];
    for (let j = 0; j < 60; j++) answers.push({ item: `q${j}`, code: (i + j) % 5, text: null, missing: null });
    yield { key: `resp-${i}`, row: i + 2, submittedAt: null, context: { school: `S${i % 40}`, groep: String((i % 8) + 1), wave: "2024-1" }, answers };
  }
}
const mb = () => Math.round(process.memoryUsage().rss / 1e6);
const dir = await mkdtemp(join(tmpdir(), "zaz-scratch-"));
const db = await DuckDb.open(join(dir, "b.duckdb"), { memoryLimit: mem });
await migrate(db);
console.log("opened", mb());
await importResponses(db, { id: "b", fileName: "b", instrumentId: "o", instrumentVersion: "1", profile: "p", context: {}, rowsRead: n }, responses(), chunk);
console.log("after import rss", mb(), process.memoryUsage());
console.log(await db.all("SELECT tag, memory_usage_bytes//1000000 AS mb, temporary_storage_bytes//1000000 AS tmp FROM duckdb_memory() WHERE memory_usage_bytes > 0"));
console.log(await db.all("SELECT current_setting('memory_limit') ml, current_setting('allocator_background_threads') bg"));
db.close(); await rm(dir, { recursive: true });
