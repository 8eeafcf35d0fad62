import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type CsvReader, type CsvRow, type OpenCsvOptions, openCsv } from "@zaz/survey";

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root: the nearest folder upwards that holds turbo.json. */
export function repoRoot(): string {
  let dir = here;
  while (!existsSync(join(dir, "turbo.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("repository root not found");
    dir = up;
  }
  return dir;
}

export const fixtureDir = resolve(here, "../fixtures/read");

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Yields the bytes in chunks of `size`, to exercise boundaries inside characters and line ends. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function open(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  options: OpenCsvOptions = {},
): Promise<CsvReader> {
  const opened = await openCsv(source, { file: "export.csv", ...options });
  if (!opened.ok) throw new Error(`openCsv failed: ${JSON.stringify(opened.errors)}`);
  return opened.value;
}

export async function allRows(reader: CsvReader): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of reader.rows()) rows.push(row);
  return rows;
}
