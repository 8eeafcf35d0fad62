import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Answer, SurveyResponse } from "@zaz/model";
import type { NewImport } from "../src/index.js";

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

export function newImport(id: string, overrides: Partial<NewImport> = {}): NewImport {
  return {
    id,
    fileName: `${id}.csv`,
    instrumentId: "ouderpopulatie",
    instrumentVersion: "1.0",
    profile: "google-forms",
    context: {},
    rowsRead: 0,
    ...overrides,
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
