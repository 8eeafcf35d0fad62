import { sqlString } from "./connection.js";
import type { CsvConversion } from "./csv-conversion.js";
import { type CsvFile, field } from "./csv-read.js";
import { fileRecords, type Records } from "./csv-records.js";
import { tables } from "./csv-work-tables.js";

/**
 * The fast path's stage (csv-import.ts): one part of the file, numbered once into a temp table
 * that the statements writing the store's tables then read on every core.
 */

/** How a part is staged: which item columns are packed as codes, in what order. */
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
 * One part of the file, numbered once, into a temp table (the stage): per record its position, its
 * context, the given per-row values (key, submission time, pseudonym) and the raw item fields.
 * Raw identifier fields are read only by the select items and never staged (the stage may spill
 * to the database's temp directory).
 *
 * A temp table is not compressed and gives every column of every row group blocks of its own, so
 * the item fields of few distinct values are packed side by side as one array of byte codes, which
 * the statements read by code (stageRecords).
 */
export function stageSql(
  file: CsvFile,
  conv: CsvConversion,
  layout: StageLayout,
  /** per-record values by name, over the raw fields and the context (x) */
  values: Readonly<Record<string, string>>,
  /** select items computed above the scan (their alias is read as r.<alias> by `values`) */
  expressions: readonly string[],
  part: { from: number; to: number },
): string {
  const codes = layout.coded.map(
    ([c, members]) => `enum_code(CAST(${field(c)} AS ENUM(${members.map(sqlString).join(", ")})))`,
  );
  // packed right above the scan, so one narrow column passes through the context's join: 196
  // item fields packed after it ran out of 96 MB with a part of 1,000 observation forms
  const packed =
    codes.length === 0 ? [] : [`CAST([${codes.join(", ")}] AS UTINYINT[${codes.length}]) AS codes`];
  const staged = [...(packed.length === 0 ? [] : ["r.codes"]), ...layout.text.map((c) => `r.${field(c)}`)];
  return `CREATE OR REPLACE TEMP TABLE ${tables.stage} AS
    SELECT r.rn, x.ctx${[...Object.entries(values).map(([name, v]) => `${v} AS ${name}`), ...staged]
      .map((v) => `, ${v}`)
      .join("")}
    FROM ${fileRecords(file, conv).rows([...expressions, ...packed, ...layout.text.map((c) => field(c))], part)}`;
}

/**
 * The staged part as records: the coded item fields as their codes only (Records.coded), the other
 * item fields as text, beside the stage's other columns (`staged`: key, submitted …). Reading the
 * stage runs on every core, where each statement over the file runs on one (row_number() numbers
 * the records in one ordered stream).
 */
export function stageRecords(layout: StageLayout, staged: readonly string[]): Records {
  const codes = layout.coded.length === 0 ? [] : ["codes"];
  const fields = layout.text.map((c) => field(c));
  const source = `(SELECT rn, ctx${[...staged, ...codes, ...fields].map((s) => `, ${s}`).join("")} FROM ${tables.stage})`;
  const numbered = (select: readonly string[], part?: { from: number; to: number }) =>
    `(SELECT rn${select.map((s) => `, ${s}`).join("")} FROM ${source}${
      part === undefined ? "" : ` WHERE rn > ${part.from} AND rn <= ${part.to}`
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
