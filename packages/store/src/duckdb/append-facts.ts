import type { FactsBuffer } from "../analysis/facts-encoder.js";
import type { DuckDb } from "./connection.js";

/**
 * Writes a chunk's analysis rows with an Appender, in a transaction of its own (after the chunk's
 * own commit): the wide table's open row group must not share the import's small memory limit with
 * the three long tables. Rows of responses removed as duplicates are left out.
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
  await db.transaction(async () => {
    const appender = await db.connection.createAppender(layout.table);
    try {
      let appended = 0;
      for (let row = 0; row < buffer.length; row++) {
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
