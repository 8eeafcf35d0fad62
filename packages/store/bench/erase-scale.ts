/**
 * Scale run for erasure (not a test): a database with N synthetic responses of A answers each, then
 * one small import removed again, which rewrites the whole file. Prints the time and peak RSS.
 *   node --conditions=zaz-source --import tsx packages/store/bench/erase-scale.ts [N] [A]
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Answer, SurveyResponse } from "@zaz/model";
import { type NewImport, openDuckDbStore } from "../src/index.js";
import { syntheticInstrument } from "./synthetic-instrument.js";

const n = Number(process.argv[2] ?? 100_000);
const answersEach = Number(process.argv[3] ?? 60);

function* responses(count: number, prefix: string): Generator<SurveyResponse> {
  for (let i = 0; i < count; i++) {
    const answers: Answer[] = [];
    for (let j = 0; j < answersEach; j++)
      answers.push({ item: `q${j}`, code: (i + j) % 5, text: null, missing: null });
    yield {
      key: `${prefix}-${i}`,
      row: i + 2,
      submittedAt: null,
      context: { school: `S${i % 40}` },
      answers,
    };
  }
}

const record = (id: string, rowsRead: number): NewImport => ({
  id,
  fileName: `${id}.csv`,
  instrument: syntheticInstrument(answersEach),
  profile: "google-forms",
  context: {},
  rowsRead,
});

let peakRss = 0;
const timer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const dir = await mkdtemp(join(tmpdir(), "zaz-bench-"));
const path = join(dir, "bench.duckdb");
try {
  const store = await openDuckDbStore(path);
  await store.importResponses(record("big", n), responses(n, "big"));
  await store.importResponses(record("small", 10), responses(10, "small"));
  const sizeBefore = (await stat(path)).size;
  peakRss = 0;
  const started = performance.now();
  const erased = await store.removeImport("small");
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  console.log(
    JSON.stringify({
      responses: n,
      erased,
      eraseSeconds: +seconds.toFixed(1),
      peakRssDuringEraseMB: Math.round(peakRss / 1e6),
      fileMBBefore: Math.round(sizeBefore / 1e6),
      fileMBAfter: Math.round((await stat(path)).size / 1e6),
    }),
  );
} finally {
  clearInterval(timer);
  await rm(dir, { recursive: true, force: true });
}
