import { type DuckDb, sqlString } from "./connection.js";
import type { CsvConversion } from "./csv-conversion.js";
import { type CsvFile, field, orderedRecordsSql } from "./csv-read.js";
import type { Records } from "./csv-records.js";
import { tables, types } from "./csv-work-tables.js";

/**
 * The fast path's stage (csv-import.ts): the file's records of answers, read once, on every core,
 * into a temp table whose rowid numbers them; the statements writing the store's tables read it
 * part by part, on every core too.
 */

/** How the records are staged: which item columns are packed as codes, in what order. */
export interface StageLayout {
  /** item columns as codes, each with its values (index = code) */
  coded: readonly (readonly [column: number, values: readonly string[]])[];
  /** item columns as text */
  text: readonly number[];
}

/**
 * Item columns of at most this many distinct values are staged as codes (a byte per cell); others
 * (open answers) as text. Measured at 200,000 responses of 36 items: staged as text, the stage took
 * 124 MB, and the statements reading it ran out of the import's 96 MB.
 */
const codedLimit = 255;

/** the stage's layout for the conversion's distinct values per item position (Converted.values) */
export function stageLayout(
  conv: CsvConversion,
  distinct: ReadonlyMap<number, readonly string[]>,
): StageLayout {
  // per column (positions may share one): '' first, so an empty field (NULL) and '' read alike
  const values = new Map<number, Set<string>>();
  conv.items.forEach((c, p) => {
    const set = values.get(c.column) ?? new Set<string>([""]);
    values.set(c.column, set);
    for (const v of distinct.get(p) ?? []) set.add(v);
  });
  const layout: { coded: [number, string[]][]; text: number[] } = { coded: [], text: [] };
  for (const [column, set] of values)
    if (set.size <= codedLimit) layout.coded.push([column, [...set]]);
    else layout.text.push(column);
  return layout;
}

/**
 * The converted cells of the coded item columns by their code (c), beside their value: the stage's
 * records give those fields as codes (Records.coded), and answersSql joins them on the code.
 */
export function codedCellsSql(conv: CsvConversion, layout: StageLayout): string {
  const coded = new Map(layout.coded);
  const codes = conv.items.flatMap((c, p) =>
    (coded.get(c.column) ?? []).map((v, i) => `(${p}, ${i}, ${sqlString(v)})`),
  );
  const rows =
    codes.length === 0
      ? "(CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR))"
      : codes.join(", ");
  return `CREATE OR REPLACE TEMP TABLE ${tables.codedCells} AS
    SELECT m.p, CAST(c.c AS UTINYINT) AS c, m.a, m.k, m.item, m.code, m.text, m.missing
    FROM ${tables.cells} m JOIN (VALUES ${rows}) c(p, c, v) ON c.p = m.p AND c.v = m.v`;
}

/**
 * A record's context without a join, which would not keep the records' order (DuckDB's joins, a
 * scalar subquery's cross product too, give up insertion order; projections and filters keep it): SQL of
 * the context's position (0 for ctx 1) over the record's raw fields, and of the context's ctx and
 * key parts over that position (`r.p`).
 */
export interface ContextLookup {
  position: string;
  ctx: string;
  before: string;
  after: string;
}

/**
 * The contexts (ctx 1…k, csv-conversion.ts's convertContexts) as ENUM types, in ctx order: one of
 * their fields, to which a record's fields are cast for its context's position, and one of each key
 * part, read by that position from enum_range(). An ENUM's values must differ, so each key part is
 * prefixed by its position; an ENUM of the fields needs no literal in the SQL, however many contexts
 * there are. Measured: 5,000 contexts cost about 0.1 s per million records.
 */
export async function contextLookup(db: DuckDb, conv: CsvConversion): Promise<ContextLookup> {
  const numbered = await db.all(
    `SELECT count(*) AS n, coalesce(min(ctx), 1) AS low, coalesce(max(ctx), 0) AS high FROM ${tables.contexts}`,
  );
  const { n, low, high } = numbered[0] ?? {};
  if (Number(low) !== 1 || Number(high) !== Number(n)) throw new Error("contexts are not numbered 1…k");
  // a record's fields as one text, the same SQL over the contexts' fields and the file's:
  // each field's length before it, so no two combinations give the same text
  const key = (fields: readonly string[]) =>
    fields.length === 1
      ? (fields[0] ?? "")
      : `concat(${fields.map((f) => `length(${f}), ':', ${f}`).join(", ")})`;
  const byPosition = (part: "before" | "after") =>
    `substr((enum_range(NULL::${types[part]}))[r.p + 1], ${positionWidth + 1})`;
  for (const part of ["before", "after"] as const)
    await db.run(
      `CREATE TEMP TYPE ${types[part]} AS ENUM (SELECT concat(lpad(CAST(ctx - 1 AS VARCHAR), ${positionWidth}, '0'), ${part})
       FROM ${tables.contexts} ORDER BY ctx)`,
    );
  const lookup = {
    ctx: "CAST(r.p + 1 AS INTEGER)",
    before: byPosition("before"),
    after: byPosition("after"),
  };
  if (conv.dimensions.length === 0) return { position: "0", ...lookup };
  await db.run(
    `CREATE TEMP TYPE ${types.context} AS ENUM (SELECT ${key(conv.dimensions.map((_, i) => `d${i}`))}
     FROM ${tables.contexts} ORDER BY ctx)`,
  );
  const fields = conv.dimensions.map((c) => `coalesce(${field(c)}, '')`);
  return { position: `CAST(enum_code(CAST(${key(fields)} AS ${types.context})) AS INTEGER)`, ...lookup };
}

const positionWidth = 10;

/**
 * The file's records of answers, in its order, into a temp table (the stage): per record its
 * context, the given per-row values (key, submission time, pseudonym) and the raw item fields. The
 * stage's rowid numbers the records (orderedRecordsSql): the file is read once, on every core, and
 * the statements writing the store's tables read it part by part by rowid. Raw identifier fields
 * are read only by the select items and never staged (the stage spills to the database's temp
 * directory beyond the memory limit).
 *
 * Only projections over the scan, no join (contextLookup): a table keeps its rows in the order they
 * come only when every operator keeps it.
 *
 * A temp table is not compressed and gives every column of every row group blocks of its own, so
 * the item fields of few distinct values are packed side by side as one array of byte codes, which
 * the statements read by code (stageRecords).
 */
export function stageSql(
  file: CsvFile,
  layout: StageLayout,
  /** per-record values by name, over the raw fields (r); ctx is the context's */
  values: Readonly<Record<string, string>> & { ctx: string },
  /** select items computed right above the scan (their alias is read as r.<alias> by `values`) */
  expressions: readonly string[],
): string {
  const codes = layout.coded.map(
    ([c, members]) => `enum_code(CAST(${field(c)} AS ENUM(${members.map(sqlString).join(", ")})))`,
  );
  const packed =
    codes.length === 0 ? [] : [`CAST([${codes.join(", ")}] AS UTINYINT[${codes.length}]) AS codes`];
  const staged = [...(packed.length === 0 ? [] : ["r.codes"]), ...layout.text.map((c) => `r.${field(c)}`)];
  return `CREATE OR REPLACE TEMP TABLE ${tables.stage} AS
    SELECT ${[...Object.entries(values).map(([name, v]) => `${v} AS ${name}`), ...staged].join(", ")}
    FROM ${orderedRecordsSql(file, [...expressions, ...packed, ...layout.text.map((c) => field(c))])} r`;
}

/**
 * The staged records: rn is the record's position (rowid + 1), a part reads its rows by rowid; the
 * coded item fields as their codes only (Records.coded), the other item fields as text, beside the
 * stage's other columns (key, submitted …). Reading the stage runs on every core.
 */
export function stageRecords(layout: StageLayout): Records {
  const numbered = (select: readonly string[], part?: { from: number; to: number }) =>
    `(SELECT rowid + 1 AS rn${select.map((s) => `, ${s}`).join("")} FROM ${tables.stage}${
      part === undefined ? "" : ` WHERE rowid >= ${part.from} AND rowid < ${part.to}`
    })`;
  return {
    coded: new Map(
      layout.coded.map(([c, values], i) => [c, { code: `coalesce(codes[${i + 1}], 0)`, values }]),
    ),
    numbered,
    rows: (select, part) =>
      `${numbered(["ctx", ...select], part)} r JOIN ${tables.contexts} x ON x.ctx = r.ctx`,
  };
}
