import type { FactsBuffer } from "../analysis/facts-encoder.js";
import type { DuckDb } from "./connection.js";

/**
 * Writes a chunk's analysis rows with an Appender, in transactions of their own (after the chunk's
 * own commit): the wide table's open row group must not share the import's small memory limit with
 * the three long tables. A transaction's rows stay in memory per column, so a wide instrument's
 * rows commit in parts of about a million values (27,600 observation forms did not fit in one). Rows of
 * responses removed as duplicates are left out.
 */
export async function appendFacts(
  db: DuckDb,
  buffer: FactsBuffer,
  importId: string,
  removed: ReadonlySet<bigint>,
): Promise<void> {
  if (buffer.length === 0) return;
  const { layout } = buffer;
  const kinds = layout.items.flatMap((item) =>
    item.kind === "number"
      ? (["double", "smallint"] as const)
      : item.kind === "multiple"
        ? (["bigint"] as const)
        : (["smallint"] as const),
  );
  const part = Math.max(1000, Math.floor(1_000_000 / (2 + buffer.dims.length + buffer.width)));
  for (let from = 0; from < buffer.length; from += part)
    await appendPart(db, buffer, importId, removed, kinds, from, Math.min(buffer.length, from + part));
}

async function appendPart(
  db: DuckDb,
  buffer: FactsBuffer,
  importId: string,
  removed: ReadonlySet<bigint>,
  kinds: readonly ("double" | "smallint" | "bigint")[],
  from: number,
  to: number,
): Promise<void> {
  await db.transaction(async () => {
    const appender = await db.connection.createAppender(buffer.layout.table);
    try {
      let appended = 0;
      for (let row = from; row < to; row++) {
        const id = buffer.ids[row]!;
        if (removed.has(id)) continue;
        // An Appender buffers outside DuckDB's memory limit; hand rows over often, as the import does.
        if (++appended % 2000 === 0) appender.flushSync();
        appender.appendBigInt(id);
        appender.appendVarchar(importId);
        for (const column of buffer.dims) {
          const value = column[row] ?? null;
          if (value === null) appender.appendNull();
          else appender.appendVarchar(value);
        }
        const base = row * buffer.width;
        for (let c = 0; c < buffer.width; c++) {
          const value = buffer.values[base + c]!;
          const kind = kinds[c];
          if (Number.isNaN(value)) appender.appendNull();
          else if (kind === "double") appender.appendDouble(value);
          else if (kind === "bigint") appender.appendBigInt(BigInt(value));
          else appender.appendSmallInt(value);
        }
        appender.endRow();
      }
      appender.closeSync();
    } catch (error) {
      try {
        appender.clear();
        appender.closeSync();
      } catch {
        // the transaction is rolled back anyway
      }
      throw error;
    }
  });
}
