import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Answer, type Instrument, instrumentSchema, type SurveyResponse } from "@zaz/model";
import type { NewImport } from "../src/index.js";

// the store tests run once per store (vitest projects "duckdb" and "postgres"): see test/support
export { openTestAccounts, openTestStore } from "../../../test/support/open-test-store.js";
export { newTestDatabase, onPostgres } from "../../../test/support/test-database.js";

export interface TempDir {
  path: string;
  file(name: string): string;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), "zaz-store-"));
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** A small instrument for store tests: items q1…q12 on a 0–4 scale, dimensions school, groep and wave. */
export function testInstrument(id = "ouderpopulatie", version = "1.0"): Instrument {
  return instrumentSchema.parse({
    id,
    version,
    title: `Testinstrument ${id}`,
    dimensions: [
      { id: "school", label: "School", required: false },
      { id: "groep", label: "Groep", required: false },
      { id: "wave", label: "Meting", required: false },
    ],
    scales: [
      {
        id: "vijf",
        name: "vijf punten",
        labels: [0, 1, 2, 3, 4].map((code) => ({ code, label: `punt ${code}` })),
        missing: [{ kind: "weet_niet", label: "weet niet" }],
      },
    ],
    items: Array.from({ length: 12 }, (_, i) => ({
      id: `q${i + 1}`,
      text: `Vraag ${i + 1}`,
      type: "scale",
      scale: "vijf",
    })),
  });
}

export function newImport(
  id: string,
  overrides: Partial<NewImport> & { instrumentId?: string } = {},
): NewImport {
  const { instrumentId, ...rest } = overrides;
  return {
    id,
    fileName: `${id}.csv`,
    instrument: testInstrument(instrumentId),
    profile: "google-forms",
    context: {},
    rowsRead: 0,
    ...rest,
  };
}

export function answer(item: string, code: number | null, text: string | null = null): Answer {
  return { item, code, text, missing: null };
}

export function response(
  key: string,
  context: Record<string, string>,
  answers: Answer[] = [answer("q1", 1)],
  row = 2,
): SurveyResponse {
  return { key, row, submittedAt: "2024-05-01T10:00:00Z", context, answers };
}

/** n responses r<start>…, each with `answersEach` numbered answers; a generator, as the survey package streams them */
export function* generateResponses(
  n: number,
  answersEach: number,
  context: Record<string, string> = {},
  start = 0,
): Generator<SurveyResponse> {
  for (let i = start; i < start + n; i++) {
    const answers: Answer[] = [];
    for (let j = 0; j < answersEach; j++) answers.push(answer(`q${j + 1}`, (i + j) % 5));
    yield { key: `r${i}`, row: i + 2, submittedAt: null, context, answers };
  }
}
