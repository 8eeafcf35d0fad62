import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Answer, SurveyResponse } from "@zaz/model";
import { openDuckDbStore } from "../src/index.js";
const n = Number(process.argv[2]); const chunk = Number(process.argv[3]); const mem = process.argv[4] ?? "64MB";
function* responses(): Generator<SurveyResponse> {
  for (let i = 0; i < n; i++) {
    const answers: Answer[] = [];
    for (let j = 0; j < 60; j++) answers.push({ item: `q${j}`, code: (i + j) % 5, text: null, missing: null });
    yield { key: `resp-${i}`, row: i + 2, submittedAt: null, context: { school: `S${i % 40}`, groep: String((i % 8) + 1), wave: "2024-1" }, answers };
  }
}
const mb = () => Math.round(process.memoryUsage().rss / 1e6);
let peak = 0; const t = setInterval(() => { peak = Math.max(peak, mb()); }, 50);
const dir = await mkdtemp(join(tmpdir(), "zaz-scratch-"));
console.log("start", mb());
const store = await openDuckDbStore(join(dir, "b.duckdb"), { memoryLimit: mem, importChunkSize: chunk });
console.log("opened", mb());
const s = performance.now();
const marks: number[] = [];
await store.importResponses({ id: "b", fileName: "b", instrumentId: "o", instrumentVersion: "1", profile: "p", context: {}, rowsRead: n }, responses(), (c) => { if (c % 50000 === 0) marks.push(mb()); });
console.log("marks", marks.join(" "), "secs", ((performance.now() - s) / 1000).toFixed(1), "peak", peak);
await store.close(); clearInterval(t); await rm(dir, { recursive: true });
