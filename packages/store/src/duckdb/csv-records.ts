import type { DuckDb } from "./connection.js";
import type { CsvConversion } from "./csv-conversion.js";
import { type CsvFile, field, numberedRecordsSql } from "./csv-read.js";
import { tables } from "./csv-work-tables.js";

/**
 * Where the fast path's statements read the numbered records (csv-sql.ts): the file itself, or the
 * stage. Both give `rn` and the raw item fields by their names (c0, c1 …), so a statement is
 * written once for either.
 */
export interface Records {
  /**
   * The item columns whose fields these records give as codes (the stage's packed columns), and
   * only so, not as text: by column, the code's SQL (0 for an empty field) and the values in code
   * order, '' first.
   */
  coded: ReadonlyMap<number, CodedColumn>;
  /** `(SELECT rn, <select> …)`, only the records with from < rn <= to when a part is given */
  numbered(select: readonly string[], part?: { from: number; to: number }): string;
  /** the numbered records (r) joined to their context (x: ctx, condition flags, key parts) */
  rows(select: readonly string[], part?: { from: number; to: number }): string;
}

/** an item column given as codes: `code` is SQL of its field's code, the index into `values` */
export interface CodedColumn {
  code: string;
  values: readonly string[];
}

/**
 * SQL of what a coded field's value stands for, from a list indexed by its code: `of` gives the
 * SQL of each value's entry, undefined for NULL. NULL of `type` when no value has an entry.
 */
export function byCodeSql(
  coded: CodedColumn,
  type: string,
  of: (value: string) => string | undefined,
): string {
  const list = coded.values.map(of);
  if (list.every((entry) => entry === undefined)) return `CAST(NULL AS ${type})`;
  return `(CAST([${list.map((entry) => entry ?? "NULL").join(", ")}] AS ${type}[]))[${coded.code} + 1]`;
}

/**
 * Runs `work`, whose statements join the file's records to their contexts, with the contexts as the
 * join's build side, as the SQL is written. DuckDB estimates a CSV scan at a few dozen rows, so with
 * more contexts than that it would build its hash table from the file's records instead, every
 * record with its fields: 27,600 observation forms (92 contexts) ran out of 96 MB that way.
 */
export function withContextsBuilt<T>(db: DuckDb, work: () => Promise<T>): Promise<T> {
  return db.withSetting("disabled_optimizers", "build_side_probe_side", work);
}

/**
 * The file, read by every statement (run those that join its records under withContextsBuilt).
 * The select items are computed right above the file's scan, so only narrow rows pass through the
 * joins: a wide export's hundreds of fields would fill the memory limit in every operator.
 */
export function fileRecords(file: CsvFile, conv: CsvConversion): Records {
  return {
    coded: new Map(),
    numbered: (select, part) => numberedRecordsSql(file, select, part),
    rows: (select, part) => {
      const dims = conv.dimensions.map((c, i) => `coalesce(${field(c)}, '') AS d${i}`);
      const on =
        conv.dimensions.length === 0
          ? "TRUE"
          : conv.dimensions.map((_, i) => `x.d${i} = r.d${i}`).join(" AND ");
      return `${numberedRecordsSql(file, [...dims, ...select], part)} r JOIN ${tables.contexts} x ON ${on}`;
    },
  };
}
