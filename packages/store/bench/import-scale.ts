/**
 * Scale run for the store (not a test): imports N synthetic responses of A answers each into a
 * fresh database and prints time, peak RSS and file size.
 *   node --conditions=zaz-source --import tsx packages/store/bench/import-scale.ts [N] [A] [memoryLimit]
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Answer, SurveyResponse } from "@zaz/model";
import { openDuckDbStore } from "../src/index.js";
import { syntheticInstrument } from "./synthetic-instrument.js";

const n = Number(process.argv[2] ?? 100_000);
const answersEach = Number(process.argv[3] ?? 60);
const memoryLimit = process.argv[4] ?? "256MB";
const threads = process.argv[5] === undefined ? undefined : Number(process.argv[5]);

function* responses(): Generator<SurveyResponse> {
  for (let i = 0; i < n; i++) {
    const answers: Answer[] = [];
    for (let j = 0; j < answersEach; j++) {
      answers.push(
        j % 20 === 19
          ? { item: `q${j}`, code: null, text: null, missing: "leeg" }
          : { item: `q${j}`, code: (i + j) % 5, text: null, missing: null },
      );
    }
    yield {
      key: `resp-${i}`,
      row: i + 2,
      submittedAt: "2024-05-01T10:00:00Z",
      context: { school: `S${i % 40}`, groep: String((i % 8) + 1), wave: "2024-1" },
      answers,
    };
  }
}

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 100);

const dir = await mkdtemp(join(tmpdir(), "zaz-bench-"));
const path = join(dir, "bench.duckdb");
try {
  const store = await openDuckDbStore(
    path,
    threads === undefined ? { memoryLimit } : { memoryLimit, threads },
  );
  const started = performance.now();
  const outcome = await store.importResponses(
    {
      id: "bench",
      fileName: "bench.csv",
      instrument: syntheticInstrument(answersEach),
      profile: "google-forms",
      context: {},
      rowsRead: n,
    },
    responses(),
    (count) => {
      sample();
      if (count % 100_000 === 0) {
        const m = process.memoryUsage();
        process.stderr.write(
          `${count} responses, rss ${(m.rss / 1e6).toFixed(0)} MB, heap ${(m.heapTotal / 1e6).toFixed(0)} MB, external ${(m.external / 1e6).toFixed(0)} MB\n`,
        );
      }
    },
  );
  const importMs = performance.now() - started;
  const countStarted = performance.now();
  const count = await store.countResponses({ instrumentId: "ouderpopulatie", where: { school: "S1" } });
  const countMs = performance.now() - countStarted;
  await store.close();
  sample();
  const size = (await stat(path)).size;
  console.log(
    JSON.stringify({
      responses: outcome.responsesAdded,
      answers: outcome.answersAdded,
      importSeconds: +(importMs / 1000).toFixed(1),
      answersPerSecond: Math.round(outcome.answersAdded / (importMs / 1000)),
      peakRssMB: Math.round(peakRss / 1e6),
      fileMB: Math.round(size / 1e6),
      countSchoolS1: count,
      countMs: Math.round(countMs),
    }),
  );
} finally {
  clearInterval(timer);
  await rm(dir, { recursive: true, force: true });
}
