import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Instrument, parseInstrument, type SurveyResponse } from "@zaz/model";
import { type ColumnMapping, IngestRejected, openCsv, type PrepareOptions, prepareIngest } from "@zaz/survey";

export const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/ingest");

/** An instrument file of test/fixtures/ingest, parsed; `edit` changes its data first. */
export function fixtureInstrument(name: string, edit?: (data: { items: unknown[] }) => void): Instrument {
  const data = JSON.parse(readFileSync(join(fixtureDir, `${name}.json`), "utf8")) as { items: unknown[] };
  edit?.(data);
  const parsed = parseInstrument(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

export const testKey = new Uint8Array(32).fill(7);

/**
 * Reads a fixture export as `zaz ingest` does (reader, mapping, conversion): the stored responses,
 * or the errors that reject it, with every warning.
 */
export async function ingestFixture(
  file: string,
  instrument: Instrument,
  options: { columns?: ColumnMapping[]; allowRepeatedHeaders?: boolean } & Partial<PrepareOptions> = {},
) {
  const opened = await openCsv(readFileSync(join(fixtureDir, file)), {
    file,
    ...(options.allowRepeatedHeaders ? { allowRepeatedHeaders: true } : {}),
  });
  if (!opened.ok) return { ok: false as const, errors: opened.errors, warnings: opened.warnings };
  const reader = opened.value;
  const session = prepareIngest(
    { header: reader.header, roles: reader.roles, rows: () => reader.rows() },
    {
      file,
      instrument,
      context: { school: "De Regenboog", wave: "2026-najaar" },
      pseudonymKey: testKey,
      ...(options.columns ? { columns: options.columns } : {}),
    },
  );
  if (!session.ok) return { ok: false as const, errors: session.errors, warnings: session.warnings };
  const responses: SurveyResponse[] = [];
  try {
    for await (const r of session.value.responses()) responses.push(r);
  } catch (error) {
    if (!(error instanceof IngestRejected)) throw error;
    return { ok: false as const, errors: error.problems.errors, warnings: error.problems.warnings };
  }
  return {
    ok: true as const,
    responses,
    columns: session.value.columns,
    warnings: session.value.problems.warnings,
  };
}

/** The answers of one item in a response, without the item id. */
export function answersOf(response: SurveyResponse | undefined, item: string) {
  return (response?.answers ?? [])
    .filter((a) => a.item === item)
    .map(({ code, text, missing }) => ({ code, text, missing }));
}
