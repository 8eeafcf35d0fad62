import { DuckDBScalarFunction, VARCHAR } from "@duckdb/node-api";
import type { Answer } from "@zaz/model";
import { FactsBuffer } from "../analysis/facts-encoder.js";
import { type FactsLayout, factsLayout } from "../analysis/facts-layout.js";
import { quoteIdent } from "../analysis/sql-dialect.js";
import { ConflictingResponsesError } from "../changed-responses.js";
import type { ImportOutcome, NewImport } from "../store.js";
import { ImportStatus } from "../store.js";
import { refuseChangedResponses, replaceChangedResponses } from "./changed-responses.js";
import { markNeedsCompaction } from "./compact.js";
import { DuckDb, dropTempTable, sqlString } from "./connection.js";
import { fillContentHashes } from "./content-hash.js";
import { rowContentHash } from "./csv-content-hash.js";
import { type CsvFile, field, jsTrimSql, jsWhitespaceClass, numberedRecordsSql } from "./csv-read.js";
import { bumpDataVersion } from "./data-version.js";
import { insertImportRecord } from "./import-responses.js";
import { registerInstrument } from "./instruments.js";
import { insertEntities } from "./registry.js";
import { changedTable, removeDuplicates, startChangedResponses } from "./remove-duplicates.js";

/**
 * The DuckDB fast path of an import: DuckDB parses the file (csv-read.ts) and does the bulk of the
 * per-cell work in SQL; JavaScript converts each DISTINCT value of a column once (the conversion
 * below, survey's distinct-conversion.ts), and SQL joins the results back, unpivots them to the
 * long answer table, and fills the analysis table from what was stored.
 *
 * Raw identifier columns are read by one streaming query only, whose rows go to the conversion for
 * the pseudonym: they are never written to a table, temp table or spill file. Every temp table
 * here holds converted values, pseudonyms or the export's response ids.
 *
 * Which path an import takes is decided by checks, never by chance: a value with an error, a
 * record DuckDB reads differently from the reader (blank or damaged rows), or a file DuckDB
 * rejects sends the import to the streaming path, which reports the problems as it always has.
 * A value with warnings converts; its warnings are handed to the conversion for every record
 * that holds it, in the streaming path's order (warnRows).
 */
export interface CsvConversion {
  items: readonly { column: number; item: string; condition: number | undefined }[];
  dimensions: readonly number[];
  conditions: number;
  submittedAt: number | undefined;
  responseId: number | undefined;
  identifiers: readonly number[];
  cell(position: number, raw: string, applies: boolean): Answer[] | undefined;
  warned(position: number, raw: string, applies: boolean): boolean;
  warnAt(position: number, raw: string, applies: boolean, row: number): void;
  context(values: readonly string[]): { context: Record<string, string>; applies: boolean[] } | undefined;
  keyContext(context: Readonly<Record<string, string>>): { before: string; after: string };
  submitted(raw: string): string | null;
  respondent(values: readonly string[]): string | undefined;
  /** the response id as the key holds it (folded), for a non-empty id cell */
  responseKeyId(raw: string): string;
}

/** What the streaming path would have counted (IngestStats) */
export interface CsvCounts {
  rowsRead: number;
  responses: number;
  /** answers that are not missing */
  answers: number;
  missing: { weet_niet: number; nvt: number; leeg: number };
}

export type CsvCheck = { ok: true; counts: CsvCounts } | { ok: false; reason: string };

const tables = {
  cells: "zaz_csv_cells",
  counts: "zaz_csv_counts",
  contexts: "zaz_csv_contexts",
  contextRows: "zaz_csv_context_rows",
  factDims: "zaz_csv_fact_dims",
  cellTexts: "zaz_csv_cell_texts",
  warned: "zaz_csv_warned",
} as const;

/** an appender on a temp table */
function appender(db: DuckDb, table: string) {
  return db.connection.createAppender(table, null, "temp");
}

async function dropTables(db: DuckDb): Promise<void> {
  for (const t of Object.values(tables)) await dropTempTable(db, t);
}

/**
 * Reads the file and converts its distinct values into temp tables; `reason` when the import must
 * take the streaming path. Nothing is written to the store's tables.
 */
async function convertDistinct(
  db: DuckDb,
  file: CsvFile,
  conv: CsvConversion,
  layout?: FactsLayout,
): Promise<string | Converted> {
  const facts = layout === undefined ? undefined : cellFacts(layout);
  const factValues: CellFacts = new Map();
  const all = Array.from({ length: file.columns }, (_, i) => i);
  const notIdentifier = all.filter((i) => !conv.identifiers.includes(i));
  // Records the reader and DuckDB would not count alike, or that the reader would reject, counted
  // in the same scan that finds the distinct contexts (each distinct combination of the context
  // columns; one context when there are none).
  const joined = `concat(${notIdentifier.map((i) => field(i)).join(", ")})`;
  const dims = conv.dimensions.map((c, i) => `coalesce(${field(c)}, '') AS d${i}`);
  const scanned = await db.all(
    `SELECT ${dims.map((d) => `${d}, `).join("")}count(*) AS n,
       count(*) FILTER (WHERE ${blankSql(all.map((i) => field(i)))}) AS blank,
       count(*) FILTER (WHERE strpos(${joined}, chr(0)) > 0 OR strpos(${joined}, chr(65533)) > 0) AS damaged
     FROM ${numberedRecordsSql(file, all)}${dims.length === 0 ? "" : " GROUP BY ALL"}`,
  );
  const scan = { n: 0, blank: 0, damaged: 0 };
  for (const r of scanned) {
    scan.n += Number(r.n);
    scan.blank += Number(r.blank);
    scan.damaged += Number(r.damaged);
  }
  if (scan.blank > 0) return "blank-rows";
  if (scan.damaged > 0) return "damaged-text";
  const rows = scan.n;
  // the answers every row's cells give, from how often each distinct value occurs; in a section with
  // a condition an empty cell's answers depend on the row's context, so those are counted by query
  let warnedCells: { p: number; v: string; applies: boolean }[] = [];
  const counted: AnswerCounts | undefined = conv.items.some((c) => c.condition !== undefined)
    ? undefined
    : { answers: 0, missing: { weet_niet: 0, nvt: 0, leeg: 0 } };

  // Item cells: every distinct value of every item column, converted once.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${tables.cells} (p INTEGER, v VARCHAR, a BOOLEAN, k INTEGER, item VARCHAR,
       code DOUBLE, text VARCHAR, missing VARCHAR, fv DOUBLE, fm DOUBLE)`,
  );
  await db.run(`CREATE OR REPLACE TEMP TABLE ${tables.counts} (p INTEGER, v VARCHAR, n INTEGER)`);
  if (conv.items.length > 0) {
    const cells = await appender(db, tables.cells);
    const counts = await appender(db, tables.counts);
    const variable = new Set<number>();
    const warned: { p: number; v: string; applies: boolean }[] = [];
    const distinct = async (group: readonly number[]) => {
      const unpivoted = group.map((p) => `coalesce(${field(conv.items[p]!.column)}, '') AS "${p}"`);
      return rowsOf(
        db,
        `SELECT CAST(p AS INTEGER) AS p, v, count(*) AS n FROM (
           UNPIVOT (SELECT ${unpivoted.join(", ")} FROM ${numberedRecordsSql(
             file,
             group.map((p) => conv.items[p]!.column),
           )}) ON COLUMNS(*) INTO NAME p VALUE v) GROUP BY ALL`,
      );
    };
    const found: unknown[][] = [];
    for (const group of itemGroups(conv.items.length)) found.push(...(await distinct(group)));
    try {
      for (const row of found) {
        const [p, v, n] = row as [number, string, bigint];
        const position = conv.items[p];
        if (position === undefined) return "unknown-column";
        for (const applies of position.condition === undefined ? [true] : [true, false]) {
          const answers = conv.cell(p, v, applies);
          if (answers === undefined) return "cell-problem";
          if (conv.warned(p, v, applies)) warned.push({ p, v, applies });
          if (answers.length !== 1) variable.add(p);
          if (counted !== undefined && applies) countInto(counted, answers, Number(n));
          if (applies && answers.length !== 1) {
            counts.appendInteger(p);
            counts.appendVarchar(v);
            counts.appendInteger(answers.length);
            counts.endRow();
          }
          const fact = facts?.(answers);
          if (fact !== undefined) {
            const values = factValues.get(p) ?? new Map<string, [number, number]>();
            factValues.set(p, values);
            values.set(factKey(v, applies), fact);
          }
          answers.forEach((a, k) => {
            cells.appendInteger(p);
            cells.appendVarchar(v);
            cells.appendBoolean(applies);
            cells.appendInteger(k);
            cells.appendVarchar(a.item);
            if (a.code === null) cells.appendNull();
            else cells.appendDouble(a.code);
            if (a.text === null) cells.appendNull();
            else cells.appendVarchar(a.text);
            if (a.missing === null) cells.appendNull();
            else cells.appendVarchar(a.missing);
            for (const f of [fact?.[0], fact?.[1]]) {
              if (f === undefined || Number.isNaN(f)) cells.appendNull();
              else cells.appendDouble(f);
            }
            cells.endRow();
          });
        }
      }
    } finally {
      cells.closeSync();
      counts.closeSync();
    }
    warnedCells = warned;
  }

  // Contexts: each distinct combination of the context columns, through the same conversion.
  const conditionColumns = Array.from({ length: conv.conditions }, (_, i) => `a${i} BOOLEAN`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${tables.contexts} (ctx INTEGER, ${conv.dimensions
      .map((_, i) => `d${i} VARCHAR, `)
      .join("")}${conditionColumns.map((c) => `${c}, `).join("")}before VARCHAR, after VARCHAR)`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${tables.contextRows} (ctx INTEGER, ord INTEGER, dimension VARCHAR, value VARCHAR)`,
  );
  {
    const contexts = await appender(db, tables.contexts);
    const rows = await appender(db, tables.contextRows);
    let ctx = 0;
    try {
      for (const row of scanned) {
        const values = conv.dimensions.map((_, i) => String(row[`d${i}`]));
        const converted = conv.context(values);
        if (converted === undefined) return "context-problem";
        ctx++;
        contexts.appendInteger(ctx);
        for (const v of values) contexts.appendVarchar(v);
        for (const a of converted.applies) contexts.appendBoolean(a);
        const key = conv.keyContext(converted.context);
        contexts.appendVarchar(key.before);
        contexts.appendVarchar(key.after);
        contexts.endRow();
        Object.entries(converted.context).forEach(([dimension, value], ord) => {
          rows.appendInteger(ctx);
          rows.appendInteger(ord);
          rows.appendVarchar(dimension);
          rows.appendVarchar(value);
          rows.endRow();
        });
      }
    } finally {
      contexts.closeSync();
      rows.closeSync();
    }
  }

  if (warnedCells.length > 0) {
    const reason = await warnRows(db, file, conv, warnedCells);
    if (reason !== undefined) return reason;
  }
  return { facts: factValues, rows, counted };
}

/**
 * Hands the warnings of the warned values to the conversion, for each record that holds one, in
 * the streaming path's order: by row, then by column. Needs the contexts (for the section flags).
 */
async function warnRows(
  db: DuckDb,
  file: CsvFile,
  conv: CsvConversion,
  warned: readonly { p: number; v: string; applies: boolean }[],
): Promise<string | undefined> {
  const positions = [...new Set(warned.map((w) => w.p))].sort((a, b) => a - b);
  // one unpivot keeps the order; so many warned columns are rare enough to leave to the streaming path
  if (positions.length > unpivotWidth) return "warned-columns";
  await db.run(`CREATE OR REPLACE TEMP TABLE ${tables.warned} (p INTEGER, v VARCHAR, a BOOLEAN)`);
  const append = await appender(db, tables.warned);
  try {
    for (const w of warned) {
      append.appendInteger(w.p);
      append.appendVarchar(w.v);
      append.appendBoolean(w.applies);
      append.endRow();
    }
  } finally {
    append.closeSync();
  }
  const items = conv.items;
  const values = positions.map((p) => `coalesce(${field(items[p]!.column)}, '') AS v${p}`);
  const flags = positions.map((p) => {
    const condition = items[p]?.condition;
    return `${condition === undefined ? "TRUE" : `x.a${condition}`} AS a${p}`;
  });
  const conditional = positions.some((p) => items[p]?.condition !== undefined);
  const rows = conditional
    ? `(SELECT r.rn, ${positions.map((p) => `v${p}`).join(", ")}, ${flags.join(", ")} FROM ${rowsSql(file, conv, values)})`
    : `(SELECT rn, ${positions.map((p) => `v${p}`).join(", ")}, ${flags.join(", ")} FROM ${numberedRecordsSql(file, values)})`;
  for await (const row of db.stream(
    `SELECT u.rn, CAST(u.p AS INTEGER) AS p, u.v, u.a FROM (
       UNPIVOT ${rows} ON ${positions.map((p) => `(v${p}, a${p}) AS "${p}"`).join(", ")} INTO NAME p VALUE v, a
     ) u SEMI JOIN ${tables.warned} w ON w.p = CAST(u.p AS INTEGER) AND w.v = u.v AND w.a = u.a
     ORDER BY u.rn, p`,
  )) {
    const [rn, p, v, a] = row as [bigint, number, string, boolean];
    conv.warnAt(p, v, a, file.firstRow - 1 + Number(rn));
  }
  return undefined;
}

interface AnswerCounts {
  /** answers that are not missing */
  answers: number;
  missing: CsvCounts["missing"];
}

/** What the conversion found: analysis values per cell, records, and the answers when counted exactly */
interface Converted {
  facts: CellFacts;
  rows: number;
  counted: AnswerCounts | undefined;
}

function countInto(counted: AnswerCounts, answers: readonly Answer[], times: number): void {
  for (const a of answers) {
    if (a.missing === null) counted.answers += times;
    else if (a.missing === "weet_niet" || a.missing === "nvt" || a.missing === "leeg")
      counted.missing[a.missing] += times;
  }
}

/** per item position, the analysis values of its distinct cells, by factKey */
type CellFacts = Map<number, Map<string, [number, number]>>;

/** the key of a cell in its column's map: the value, marked when the row's section does not apply */
function factKey(value: string, applies: boolean): string {
  return applies ? value : `\u0001${value}`;
}

/** A MAP literal of one column's analysis values (slot 0 the value, 1 a number's missing code). */
function factLookupSql(values: ReadonlyMap<string, [number, number]>, slot: 0 | 1, key: string): string {
  const entries = [...values].filter(([, f]) => !Number.isNaN(f[slot]));
  if (entries.length === 0) return "CAST(NULL AS DOUBLE)";
  return `(MAP {${entries.map(([k, f]) => `${sqlString(k)}: CAST(${f[slot]} AS DOUBLE)`).join(", ")}})[${key}]`;
}

/**
 * The analysis-table values of one cell's answers (an item's value and, for a number item, its
 * missing code), encoded by the very FactsBuffer the streaming path uses: with one column per
 * item, a response's analysis row is its cells' values side by side.
 */
function cellFacts(layout: FactsLayout): (answers: readonly Answer[]) => [number, number] | undefined {
  const buffer = new FactsBuffer(layout, 1);
  // the buffer's value slots: one per item, two for a number item (facts-encoder.ts)
  const slot = new Map<string, number>();
  let width = 0;
  for (const item of layout.items) {
    slot.set(item.id, width);
    width += item.kind === "number" ? 2 : 1;
  }
  return (answers) => {
    const at = answers[0] === undefined ? undefined : slot.get(answers[0].item);
    if (at === undefined) return undefined;
    buffer.clear();
    buffer.push(0n, { key: "", row: 0, submittedAt: null, context: {}, answers: [...answers] }, {});
    return [buffer.values[at] ?? Number.NaN, buffer.values[at + 1] ?? Number.NaN];
  };
}

/** A record of whitespace only (the reader skips it); trimmed only when it does not start visibly. */
function blankSql(fields: readonly string[]): string {
  const joined = `concat(${fields.join(", ")})`;
  return `CASE WHEN unicode(${joined}) BETWEEN 33 AND 126 THEN false ELSE ${jsTrimSql(joined)} = '' END`;
}

let registered = 0;

/**
 * Per-row values only JavaScript computes exactly, as DuckDB scalar functions over the raw fields
 * (DuckDB calls them on the JavaScript thread, a chunk of rows at a time): the submission time, the
 * folded response id and the respondent's pseudonym. The raw identifiers thus go from the file's
 * scan to the pseudonym and nowhere else: no table, temp table or spill file holds them.
 * Returns SQL expressions (NULL where the export has no such column).
 */
async function rowFunctions(
  db: DuckDb,
  conv: CsvConversion,
): Promise<{ submitted: string; respondent: string; rid: string }> {
  const n = ++registered;
  const define = (
    name: string,
    parameters: number,
    compute: (values: string[]) => string | null,
    cached: boolean,
  ) => {
    const cache = new Map<string, string | null>();
    db.connection.registerScalarFunction(
      DuckDBScalarFunction.create({
        name,
        returnType: VARCHAR,
        parameterTypes: Array.from({ length: parameters }, () => VARCHAR),
        mainFunction: (_info, input, output) => {
          const columns = Array.from({ length: parameters }, (_, i) => input.getColumnVector(i));
          for (let row = 0; row < input.rowCount; row++) {
            const values = columns.map((c) => {
              const v = c.getItem(row);
              return v === null ? "" : String(v);
            });
            const key = cached ? values.join("\u0000") : "";
            let result = cached ? cache.get(key) : undefined;
            if (result === undefined) {
              result = compute(values);
              // a small cache: repeated values (a school's respondents) cost one computation
              if (cached) {
                if (cache.size >= 10_000) cache.clear();
                cache.set(key, result);
              }
            }
            output.setItem(row, result);
          }
          output.flush();
        },
      }),
    );
    return name;
  };
  const call = (name: string, columns: readonly number[]) =>
    `${name}(${columns.map((c) => `coalesce(${field(c)}, '')`).join(", ")})`;
  const submitted =
    conv.submittedAt === undefined
      ? "CAST(NULL AS VARCHAR)"
      : call(
          define(`zaz_submitted_${n}`, 1, ([v]) => conv.submitted(v ?? ""), false),
          [conv.submittedAt],
        );
  const respondent =
    conv.identifiers.length === 0
      ? "CAST(NULL AS VARCHAR)"
      : call(
          define(
            `zaz_respondent_${n}`,
            conv.identifiers.length,
            (values) => conv.respondent(values) ?? null,
            true,
          ),
          conv.identifiers,
        );
  const rid =
    conv.responseId === undefined
      ? "CAST(NULL AS VARCHAR)"
      : call(
          define(
            `zaz_rid_${n}`,
            1,
            ([v]) => ((v ?? "").trim() === "" ? null : conv.responseKeyId(v ?? "")),
            false,
          ),
          [conv.responseId],
        );
  return { submitted, respondent, rid };
}

/**
 * The numbered records, as `expressions` over their raw fields (c0, c1 …) and the context columns
 * (d0, d1 …), joined to their context (x: ctx, condition flags, key parts).
 * The expressions are computed right above the file's scan, so only narrow rows pass through the
 * joins: a wide export's hundreds of fields would fill the memory limit in every operator.
 */
function rowsSql(
  file: CsvFile,
  conv: CsvConversion,
  expressions: readonly string[],
  part?: { from: number; to: number },
): string {
  const dims = conv.dimensions.map((c, i) => `coalesce(${field(c)}, '') AS d${i}`);
  const on =
    conv.dimensions.length === 0 ? "TRUE" : conv.dimensions.map((_, i) => `x.d${i} = r.d${i}`).join(" AND ");
  return `${numberedRecordsSql(file, [...dims, ...expressions], part)} r JOIN ${tables.contexts} x ON ${on}`;
}

/**
 * The row's fields as the response key hashes them (survey's response-key.ts), joined by NUL (no
 * field holds one: such a file takes the streaming path) and trimmed by one regular expression
 * over the whole row (trim() per field costs more), only in a row with a field to trim; line
 * endings as LF only in a row with a CR.
 */
function keyFieldsSql(file: CsvFile): string {
  const joined = `concat(${Array.from({ length: file.columns }, (_, i) => `chr(0), ${field(i)}`).join(", ")})`;
  const lf = `CASE WHEN strpos(${joined}, chr(13)) > 0 THEN regexp_replace(${joined}, '\\r\\n?', chr(10), 'g') ELSE ${joined} END`;
  // most rows have no field to trim: a match is cheaper than a replacement that changes nothing
  const padded = `'${jsWhitespaceClass}(\\x00|$)|\\x00${jsWhitespaceClass}'`;
  return `CASE WHEN regexp_matches(${lf}, ${padded})
    THEN regexp_replace(${lf}, '${jsWhitespaceClass}*(\\x00|$)${jsWhitespaceClass}*', '\\1', 'g') ELSE ${lf} END`;
}

/** SQL of the response key, from the context (x) and r.respondent, r.rid and r.fields. */
function keySql(): string {
  const context = `x.before || coalesce(chr(0) || '_respondent=' || r.respondent, '') || x.after`;
  return `CASE WHEN r.rid IS NOT NULL THEN 'id:' || r.rid || ':' || left(sha256(${context}), 12)
    ELSE 'row:' || left(sha256(concat(${context}, chr(1), r.fields)), 32) END`;
}

/** a MAP literal lookup of text keys; `otherwise` where the map has no entry */
function mapLookupSql(entries: readonly [string, number][], key: string, otherwise: string): string {
  if (entries.length === 0) return otherwise;
  return `coalesce((MAP {${entries.map(([k, n]) => `${sqlString(k)}: ${n}`).join(", ")}})[${key}], ${otherwise})`;
}

/**
 * The answers of every row: item cells unpivoted and joined to their converted values. A cell's
 * first answer's seq is its position plus what the variable cells before it (a multiple choice
 * gives one answer per choice) added; those counts are looked up per distinct value.
 */
function answersSql(
  file: CsvFile,
  conv: CsvConversion,
  counts: VariableCounts,
  part: { from: number; to: number },
  /** the item positions unpivoted (itemGroups) */
  group: readonly number[],
): string {
  const items = conv.items;
  const value = (p: number) => `coalesce(${field(items[p]!.column)}, '')`;
  const extra = (q: number) => `(${mapLookupSql([...(counts.get(q) ?? [])], value(q), "1")} - 1)`;
  const last = Math.max(...group);
  const variable = [...counts.keys()].filter((q) => q < last).sort((a, b) => a - b);
  // each variable cell's extra answers looked up once per row (e), then summed into the offsets
  const values = [
    ...group.map((p) => `${value(p)} AS v${p}`),
    ...variable.map((q) => `${extra(q)} AS e${q}`),
  ];
  const offsets = group.map((p) => {
    const before = variable.filter((q) => q < p).map((q) => ` + e${q}`);
    return `v${p}, ${p}${before.join("")} AS o${p}`;
  });
  // The row's context matters only for an empty cell of an item in a section with a condition: its
  // flags are joined to the narrow row before the unpivot, so the join's probe side is the file's
  // rows and never the (many times larger) unpivoted cells.
  const conditional = group.some((p) => items[p]?.condition !== undefined);
  const flags = group.map((p) => {
    const condition = items[p]?.condition;
    return `${condition === undefined ? "TRUE" : `x.a${condition}`} AS a${p}`;
  });
  const rows = conditional
    ? `(SELECT r.rn, ${offsets.join(", ")}, ${flags.join(", ")}
        FROM ${rowsSql(file, conv, values, part)})`
    : `(SELECT rn, ${offsets.join(", ")}, ${flags.join(", ")} FROM ${numberedRecordsSql(file, values, part)})`;
  return `SELECT u.rn, u.o + m.k AS seq, m.item, m.code, m.text, m.missing FROM (
    UNPIVOT ${rows}
    ON ${group.map((p) => `(v${p}, o${p}, a${p}) AS "${p}"`).join(", ")}
    INTO NAME p VALUE v, o, a
  ) u JOIN ${tables.cells} m ON m.p = CAST(u.p AS INTEGER) AND m.v = u.v AND m.a = u.a`;
}

/**
 * Item positions unpivoted per statement. UNPIVOT builds a list of every unpivoted column per row,
 * so a statement's memory grows with the columns: measured in the import's 96 MB, 36 columns of
 * 200,000 rows fit; 196 columns of 9,200 rows did not. A wider export is unpivoted in groups, each
 * reading the file again.
 */
const unpivotWidth = 48;

export function itemGroups(items: number): number[][] {
  const groups: number[][] = [];
  for (let from = 0; from < items; from += unpivotWidth)
    groups.push(Array.from({ length: Math.min(unpivotWidth, items - from) }, (_, i) => from + i));
  return groups;
}

/** Per context, the analysis table's dimension values: the row's own, else the flags' (as FactsBuffer). */
function factDimsSql(layout: FactsLayout, flags: Readonly<Record<string, string>>): string {
  const dims = layout.dimensions.map((d) => {
    const flag = flags[d.id];
    return `coalesce(max(c.value) FILTER (WHERE c.dimension = ${sqlString(d.id)}), ${
      flag === undefined ? "CAST(NULL AS VARCHAR)" : sqlString(flag)
    }) AS ${quoteIdent(d.column)}`;
  });
  return `CREATE OR REPLACE TEMP TABLE ${tables.factDims} AS
    SELECT x.ctx${dims.map((d) => `, ${d}`).join("")}
    FROM ${tables.contexts} x LEFT JOIN ${tables.contextRows} c ON c.ctx = x.ctx GROUP BY x.ctx`;
}

/**
 * The analysis rows straight from the file: each item column's cell looked up in the converted
 * cells (their analysis values were encoded per distinct value), the dimensions per context.
 */
function factsSql(
  layout: FactsLayout,
  file: CsvFile,
  conv: CsvConversion,
  facts: CellFacts,
  importId: string,
  low: bigint,
  part: { from: number; to: number },
): string {
  const position = new Map(conv.items.map((c, p) => [c.item, p]));
  const values: string[] = [];
  const columns: string[] = [];
  const lookups: string[] = [];
  for (const item of layout.items) {
    const p = position.get(item.id);
    const c = p === undefined ? undefined : conv.items[p];
    columns.push(quoteIdent(item.column));
    if (item.kind === "number") columns.push(quoteIdent(item.missingColumn));
    if (p === undefined || c === undefined) {
      values.push("NULL");
      if (item.kind === "number") values.push("NULL");
      continue;
    }
    // looked up right above the scan; where the section's condition decides, both ways
    const raw = `coalesce(${field(c.column)}, '')`;
    const cells = facts.get(p) ?? new Map<string, [number, number]>();
    for (const slot of item.kind === "number" ? ([0, 1] as const) : ([0] as const)) {
      const name = `f${p}_${slot}`;
      if (c.condition === undefined) {
        lookups.push(`${factLookupSql(cells, slot, raw)} AS ${name}`);
        values.push(`r.${name}`);
      } else {
        lookups.push(`${factLookupSql(cells, slot, raw)} AS ${name}`);
        lookups.push(`${factLookupSql(cells, slot, `chr(1) || ${raw}`)} AS ${name}_n`);
        values.push(`CASE WHEN x.a${c.condition} THEN r.${name} ELSE r.${name}_n END`);
      }
    }
  }
  const dims = layout.dimensions.map((d) => quoteIdent(d.column));
  return `INSERT INTO ${quoteIdent(layout.table)} (response_id, import_id${dims.map((d) => `, ${d}`).join("")}${columns
    .map((c) => `, ${c}`)
    .join("")})
    SELECT CAST(${low} AS BIGINT) + r.rn, ${sqlString(importId)}${dims.map((d) => `, g.${d}`).join("")}${values
      .map((v) => `, ${v}`)
      .join("")}
    FROM ${rowsSql(file, conv, lookups, part)} JOIN ${tables.factDims} g ON g.ctx = x.ctx`;
}

/** per variable item position, its values whose cells give other than one answer, with how many */
type VariableCounts = Map<number, Map<string, number>>;

async function variableCounts(db: DuckDb): Promise<VariableCounts> {
  const counts: VariableCounts = new Map();
  for (const r of await db.all(`SELECT p, v, n FROM ${tables.counts}`)) {
    const p = Number(r.p);
    const values = counts.get(p) ?? new Map<string, number>();
    counts.set(p, values);
    values.set(String(r.v), Number(r.n));
  }
  return counts;
}

/** Counts of the answers as the streaming path counts them, from an answers query. */
async function countAnswers(db: DuckDb, from: string, params: readonly (bigint | string)[] = []) {
  const rows = await db.all(`SELECT missing, count(*) AS n FROM (${from}) GROUP BY missing`, [...params]);
  const missing = { weet_niet: 0, nvt: 0, leeg: 0 };
  let answers = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (r.missing === null) answers += n;
    else if (r.missing === "weet_niet" || r.missing === "nvt" || r.missing === "leeg")
      missing[r.missing] += n;
  }
  return { answers, missing };
}

/** A DuckDB error reading the file (quoting, field counts, encoding): the streaming path reports it. */
function readFailure(error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  return /Invalid Input Error|Invalid unicode|Conversion Error/.test(text) ? "duckdb-rejected" : undefined;
}

/** `zaz validate` on the fast path: the same checks, nothing written. */
export async function checkCsv(db: DuckDb, file: CsvFile, conv: CsvConversion): Promise<CsvCheck> {
  try {
    const converted = await convertDistinct(db, file, conv);
    if (typeof converted === "string") return { ok: false, reason: converted };
    const rows = converted.rows;
    if (converted.counted !== undefined)
      return { ok: true, counts: { rowsRead: rows, responses: rows, ...converted.counted } };
    const variable = await variableCounts(db);
    // in parts, as the import writes them: one statement over a million responses' answers
    // would not fit in the memory limit
    const counted = { answers: 0, missing: { weet_niet: 0, nvt: 0, leeg: 0 } };
    for (let from = 0; from < rows; from += answerPart)
      for (const group of itemGroups(conv.items.length)) {
        const part = await countAnswers(
          db,
          answersSql(file, conv, variable, { from, to: from + answerPart }, group),
        );
        counted.answers += part.answers;
        for (const kind of ["weet_niet", "nvt", "leeg"] as const) counted.missing[kind] += part.missing[kind];
      }
    return { ok: true, counts: { rowsRead: rows, responses: rows, ...counted } };
  } catch (error) {
    const reason = readFailure(error);
    if (reason === undefined) throw error;
    return { ok: false, reason };
  } finally {
    await dropTables(db);
  }
}

export type CsvImport =
  | { ok: true; outcome: ImportOutcome; counts: CsvCounts }
  | { ok: false; reason: string };

/**
 * One import on the fast path, all or nothing: its tables are written in steps that each commit
 * (DuckDB keeps a transaction's rows within its memory limit), under an import that says pending
 * until the last step, as the streaming path's chunks are (write() says how).
 */
export async function importCsv(
  db: DuckDb,
  record: NewImport,
  file: CsvFile,
  conv: CsvConversion,
  memoryLimit: string,
): Promise<CsvImport> {
  return db.withSetting("memory_limit", memoryLimit, async () => {
    try {
      let converted: string | Converted | undefined;
      try {
        converted = await convertDistinct(db, file, conv, factsLayout(0, record.instrument));
      } catch (error) {
        converted = readFailure(error);
        if (converted === undefined) throw error;
      }
      if (typeof converted === "string") return { ok: false, reason: converted };
      return { ok: true, ...(await write(db, record, file, conv, converted.facts, converted.rows)) };
    } finally {
      await dropTables(db);
    }
  });
}

/** responses whose answers are written in one statement (a million-response file: 34M rows) */
const answerPart = 250_000;

/**
 * Analysis rows written per statement. A transaction's new rows stay in memory per column, so a
 * wide instrument writes them in parts of about a million values. Measured in the import's 96 MB:
 * a million rows of a 45-column parent survey fit in one statement; 27,600 observation forms (211
 * columns) did not, in parts of 4,700 they do.
 */
function factRows(layout: FactsLayout, rows: number): number {
  const columns =
    layout.dimensions.length + layout.items.reduce((n, i) => n + (i.kind === "number" ? 2 : 1), 0);
  return columns <= 64 ? Math.max(1, rows) : Math.max(1000, Math.floor(1_000_000 / columns));
}

/** responses whose duplicates are looked for in one statement, as the streaming path's chunks */
const duplicateChunk = 50_000n;

async function write(
  db: DuckDb,
  record: NewImport,
  file: CsvFile,
  conv: CsvConversion,
  facts: CellFacts,
  rows: number,
): Promise<{ outcome: ImportOutcome; counts: CsvCounts }> {
  const low = BigInt((await db.scalar("SELECT coalesce(max(id), 0)::BIGINT FROM responses")) as bigint);
  const variable = await variableCounts(db);
  let inTransaction = false;
  // Each large insert commits on its own: DuckDB keeps a transaction's rows in its memory limit.
  // Until the last step flips it, the import says pending (pending-imports.ts): no reader sees
  // it, and after a failure or a kill the store removes it, as with the streaming path's chunks.
  const step = <T>(work: () => Promise<T>): Promise<T> => db.transaction(work);
  try {
    const instrumentKey = await step(async () => {
      const key = await registerInstrument(db, record.instrument);
      await insertImportRecord(db, { ...record, rowsRead: rows }, key);
      return key;
    });
    await startChangedResponses(db);
    const high = low + BigInt(rows);
    const id = (rn: string) => `CAST(${low} AS BIGINT) + ${rn}`;
    const fn = await rowFunctions(db, conv);
    const content = await rowContentHash(db, tables.cells, tables.cellTexts, conv.items);
    await step(() =>
      db.run(
        `INSERT INTO responses (id, import_id, instrument_id, key, row, submitted_at, content_hash)
         SELECT ${id("r.rn")}, ${sqlString(record.id)}, ${sqlString(record.instrument.id)}, ${keySql()},
           CAST(${file.firstRow - 1} + r.rn AS INTEGER), r.submitted, ${content?.hash ?? "NULL"}
         FROM ${rowsSql(file, conv, [
           `${keyFieldsSql(file)} AS fields`,
           `${fn.submitted} AS submitted`,
           `${fn.respondent} AS respondent`,
           `${fn.rid} AS rid`,
           ...(content?.lookups ?? []),
         ])}
         ${content?.joins ?? ""}`,
      ),
    );
    await writeContext(db, record, file, conv, fn.respondent, low);
    // the answers of so many responses at a time (each part reads the file again)
    for (let from = 0; from < rows; from += answerPart)
      for (const group of itemGroups(conv.items.length))
        await step(() =>
          db.run(
            `INSERT INTO answers (response_id, seq, item, code, text, missing)
             SELECT ${id("rn")}, seq, item, code, text, missing
             FROM (${answersSql(file, conv, variable, { from, to: from + answerPart }, group)})`,
          ),
        );
    const counted = await countAnswers(db, "SELECT missing FROM answers WHERE response_id > $1", [low]);
    const layout = factsLayout(instrumentKey, record.instrument);
    await db.run(factDimsSql(layout, record.context));
    const factPart = factRows(layout, rows);
    for (let from = 0; from < rows; from += factPart)
      await step(() =>
        db.run(factsSql(layout, file, conv, facts, record.id, low, { from, to: from + factPart })),
      );
    // identity as in the streaming path, chunk by chunk: content hashes (unless written with the
    // responses), then duplicates and changed responses
    if (content === undefined)
      for (let from = low; from < high; from += duplicateChunk) {
        const to = from + duplicateChunk < high ? from + duplicateChunk : high;
        await step(() => fillContentHashes(db, record.instrument.id, from, to));
      }
    await db.run("BEGIN TRANSACTION");
    inTransaction = true;
    const removed = { responses: 0, answers: 0, ids: [] as bigint[], changed: 0 };
    for (let from = low; from < high; from += duplicateChunk) {
      const to = from + duplicateChunk < high ? from + duplicateChunk : high;
      const chunk = await removeDuplicates(db, record.instrument.id, from, to, { importId: record.id });
      if (chunk.conflictCount > 0)
        throw new ConflictingResponsesError(record.fileName, chunk.conflictCount, chunk.conflicts);
      removed.responses += chunk.responses;
      removed.answers += chunk.answers;
      removed.changed += chunk.changed;
      removed.ids.push(...chunk.ids);
    }
    if (removed.changed > 0 && record.replaceChanged !== true) await refuseChangedResponses(db, record);
    // the analysis rows of responses removed as duplicates go with them
    for (let i = 0; i < removed.ids.length; i += 1000)
      await db.run(
        `DELETE FROM ${quoteIdent(layout.table)} WHERE response_id IN (${removed.ids.slice(i, i + 1000).join(", ")})`,
      );
    const responsesAdded = rows - removed.responses;
    const answersAdded = counted.answers + countMissing(counted.missing) - removed.answers;
    await db.run(
      "UPDATE imports SET responses = $1, answers = $2, rows_read = $3, pending = false WHERE id = $4",
      [responsesAdded, answersAdded, rows, record.id],
    );
    // the stored versions of changed responses leave with the same commit that shows the new ones
    const responsesReplaced = removed.changed > 0 ? await replaceChangedResponses(db) : 0;
    await insertEntities(db, record.register ?? []);
    await bumpDataVersion(db);
    await db.run("COMMIT");
    inTransaction = false;
    return {
      outcome: {
        status: ImportStatus.imported,
        importId: record.id,
        responsesAdded,
        responsesSkipped: removed.responses,
        answersAdded,
        responsesReplaced,
      },
      counts: { rowsRead: rows, responses: rows, ...counted },
    };
  } catch (error) {
    if (inTransaction) await db.run("ROLLBACK").catch(() => undefined);
    // a rolled-back insert may have written row groups: their bytes stay in the file until compacted
    await markNeedsCompaction(db).catch(() => undefined);
    throw error;
  } finally {
    await dropTempTable(db, changedTable);
  }
}

/**
 * The responses' context: flags fill in what the file does not say (a value in the file itself
 * wins), then the file's context in its own order, and the pseudonym, as the streaming path
 * writes them.
 */
async function writeContext(
  db: DuckDb,
  record: NewImport,
  file: CsvFile,
  conv: CsvConversion,
  respondent: string,
  low: bigint,
): Promise<void> {
  const id = (rn: string) => `CAST(${low} AS BIGINT) + ${rn}`;
  const flags = Object.entries(record.context);
  await db.run(
    `INSERT INTO ${tables.contextRows}
     SELECT x.ctx, -${flags.length} + f.i, f.dimension, f.value
     FROM ${tables.contexts} x, (VALUES ${
       flags.length === 0
         ? "(0, NULL, NULL)"
         : flags.map(([d, v], i) => `(${i}, ${sqlString(d)}, ${sqlString(v)})`).join(", ")
     }) AS f(i, dimension, value)
     WHERE f.dimension IS NOT NULL AND NOT EXISTS
       (SELECT 1 FROM ${tables.contextRows} c WHERE c.ctx = x.ctx AND c.dimension = f.dimension)`,
  );
  await db.transaction(() =>
    db.run(
      `INSERT INTO response_context (response_id, dimension, value)
       SELECT ${id("r.rn")}, c.dimension, c.value FROM ${rowsSql(file, conv, [])}
       JOIN ${tables.contextRows} c ON c.ctx = x.ctx
       ${
         conv.identifiers.length === 0
           ? ""
           : `UNION ALL SELECT ${id("rn")}, '_respondent', respondent
              FROM ${numberedRecordsSql(file, [`${respondent} AS respondent`])} WHERE respondent IS NOT NULL`
       }`,
    ),
  );
}

function countMissing(missing: CsvCounts["missing"]): number {
  return missing.weet_niet + missing.nvt + missing.leeg;
}

/**
 * `zaz validate` on the fast path, without a store: a private in-memory DuckDB. Its temp tables
 * hold converted values only; what does not fit in `memoryLimit` spills to the system's temp
 * directory.
 */
export async function checkCsvFile(
  file: CsvFile,
  conv: CsvConversion,
  memoryLimit = "96MB",
): Promise<CsvCheck> {
  const { tmpdir } = await import("node:os");
  const db = await DuckDb.open(":memory:", { memoryLimit });
  try {
    await db.run(`SET temp_directory = ${sqlString(`${tmpdir()}/zaz-validate-${process.pid}`)}`);
    return await checkCsv(db, file, conv);
  } finally {
    db.close();
  }
}

/** a query's rows as arrays */
async function rowsOf(db: DuckDb, sql: string): Promise<unknown[][]> {
  const reader = await db.connection.runAndReadAll(sql);
  return reader.getRowsJS() as unknown[][];
}
