import type { Answer } from "@zaz/model";
import { FactsBuffer } from "../analysis/facts-encoder.js";
import type { FactsLayout } from "../analysis/facts-layout.js";
import type { DuckDb, SqlRow } from "./connection.js";
import { type CsvFile, field, jsTrimSql, orderedRecordsSql, readCsvSql } from "./csv-read.js";
import { fileRecords, withContextsBuilt } from "./csv-records.js";
import { itemGroups, unpivotWidth } from "./csv-sql.js";
import { appender, tables } from "./csv-work-tables.js";

/**
 * The fast path's conversion (csv-import.ts): every distinct value of every item column, and every
 * distinct context, converted once by the JavaScript functions of the streaming path (survey's
 * distinct-conversion.ts), into the work tables that SQL joins back to the rows.
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

/**
 * Reads the file and converts its distinct values into temp tables; `reason` when the import must
 * take the streaming path. Nothing is written to the store's tables.
 */
export async function convertDistinct(
  db: DuckDb,
  file: CsvFile,
  conv: CsvConversion,
  layout?: FactsLayout,
): Promise<string | Converted> {
  if (!(await headAgrees(db, file))) return "head-differs";
  const scan = await scanRecords(db, file, conv);
  if (typeof scan === "string") return scan;
  const cells = await convertCells(db, conv, layout, scan.distinct);
  if (typeof cells === "string") return cells;
  const reason = await convertContexts(db, conv, scan.contexts);
  if (reason !== undefined) return reason;
  if (cells.warned.length > 0) {
    const warned = await warnRows(db, file, conv, cells.warned);
    if (warned !== undefined) return warned;
  }
  return { facts: cells.facts, rows: scan.rows, counted: cells.counted, values: cells.values };
}

/**
 * Whether DuckDB reads the file's first records as the streaming reader did (file.head), field for
 * field: a line the reader leaves out, header rows or quoting read otherwise would shift or change
 * every record after them. Above a SurveyMonkey export's two header rows, Excel's "sep=," line made
 * DuckDB (skipping the header lines) read no rows at all, and the import stored none. Here, read
 * from the file's start, that line is an error (too few fields) or a record unlike the reader's
 * first: either way the file takes the streaming path.
 */
async function headAgrees(db: DuckDb, file: CsvFile): Promise<boolean> {
  const fields = Array.from({ length: file.columns }, (_, i) => `coalesce(${field(i)}, '')`);
  const read = await db.all(
    `SELECT ${fields.map((f, i) => `${f} AS f${i}`).join(", ")} FROM ${readCsvSql(file)} LIMIT ${file.head.length}`,
  );
  return (
    read.length === file.head.length &&
    file.head.every((record, r) => {
      const row = read[r];
      return record.length === file.columns && record.every((f, i) => row?.[`f${i}`] === f);
    })
  );
}

/**
 * The records, their distinct contexts (each distinct combination of the context columns; one
 * context when there are none) and the distinct values of the item columns with how often each
 * occurs, and in the same scan the records the reader and DuckDB would not count alike, that the
 * reader would reject, or that JavaScript would not read back as they are:
 * - blank (the reader skips them) and damaged (NUL, U+FFFD in any field, identifiers too: the
 *   reader reports them);
 * - with a U+FEFF anywhere: DuckDB's Node client decodes text with a TextDecoder, which drops a
 *   U+FEFF at the start of a value, so a distinct value, a context or an identifier starting
 *   with one would come back changed (the values would no longer match the file's);
 * - longer than the reader's record limit (file.maxRecordChars), which it rejects: measured in
 *   UTF-8 bytes, never fewer than the reader's UTF-16 characters, so a record near the limit
 *   takes the streaming path and the reader decides.
 * The first scan unpivots the context and the failed checks beside the first item columns, as two
 * more columns (contextAt, checksAt): one read of the file where there were two (at 200,000
 * responses 0.44 → 0.32 s). A wider export's further item columns are read in further scans
 * (itemGroups). The scans need no record's position: they run on every core.
 */
async function scanRecords(
  db: DuckDb,
  file: CsvFile,
  conv: CsvConversion,
): Promise<string | { rows: number; contexts: SqlRow[]; distinct: unknown[][] }> {
  const all = Array.from({ length: file.columns }, (_, i) => i);
  // every field, identifiers too: the reader checks them all (this scan writes nothing)
  const joined = `concat(${all.map((i) => field(i)).join(", ")})`;
  // each check over the record's fields joined (j), and the reason when any record fails it
  const checks: (readonly [reason: string, failing: string])[] = [
    ["blank-rows", blankSql("j")],
    ["damaged-text", "strpos(j, chr(0)) > 0 OR strpos(j, chr(65533)) > 0"],
    ["byte-order-mark", "strpos(j, chr(65279)) > 0"],
    ["long-record", `strlen(j) > ${file.maxRecordChars}`],
  ];
  const failing = `concat(${checks.map(([, f], i) => `CASE WHEN ${f} THEN '${i},' ELSE '' END`).join(", ")})`;
  const dims = conv.dimensions.map((c) => `coalesce(${field(c)}, '')`);
  // several context fields as one value: a JSON array, read back field for field
  const context =
    dims.length === 0 ? "''" : dims.length === 1 ? dims[0] : `CAST(to_json([${dims.join(", ")}]) AS VARCHAR)`;
  const items = (group: readonly number[]) =>
    group.map((p) => `coalesce(${field(conv.items[p]!.column)}, '') AS "${p}"`);
  const groups = itemGroups(conv.items.length);
  const budget = { chars: distinctChars };
  const first = await distinctValues(
    db,
    [`${context} AS "${contextAt}"`, `${failing} AS "${checksAt}"`, ...items(groups[0] ?? [])],
    `(SELECT *, ${joined} AS j FROM ${orderedRecordsSql(file, all.map(field))})`,
    budget,
  );
  if (first === undefined) return "many-values";
  let rows = 0;
  const failed = new Set<number>();
  const contexts: SqlRow[] = [];
  const distinct: unknown[][] = [];
  for (const row of first) {
    const [p, v, n] = row as [number, string, bigint];
    if (p === checksAt) {
      rows += Number(n);
      for (const i of v.split(",")) if (i !== "") failed.add(Number(i));
    } else if (p === contextAt) {
      const values: unknown[] = dims.length > 1 ? JSON.parse(v) : [v];
      contexts.push(Object.fromEntries([...dims.map((_, i) => [`d${i}`, values[i]]), ["n", n]]));
    } else distinct.push(row);
  }
  const reason = checks.find((_, i) => failed.has(i));
  if (reason !== undefined) return reason[0];
  for (const group of groups.slice(1)) {
    const values = await distinctValues(
      db,
      items(group),
      orderedRecordsSql(
        file,
        group.map((p) => field(conv.items[p]!.column)),
      ),
      budget,
    );
    if (values === undefined) return "many-values";
    distinct.push(...values);
  }
  // without context columns, one context however many records (none too)
  return { rows, contexts: dims.length === 0 ? [{ n: BigInt(rows) }] : contexts, distinct };
}

/** the pseudo item positions of the first scan: a record's context, and the checks it fails */
const contextAt = -1;
const checksAt = -2;

/**
 * Characters of distinct item values (open answers, mostly) up to which an import takes the fast
 * path. Each distinct value is converted in JavaScript and joined back in SQL, so the work tables,
 * the joins' hash tables and the conversion grow with them: 200,000 different open answers of
 * about 110 characters (22 million) ran out of the import's memory, 100,000 (11 million) fitted.
 * Beyond this the streaming path reads the file, whose memory does not grow with them.
 */
const distinctChars = 8_000_000;

/**
 * Each distinct value (v) of each select item (named by its position, p), with how often it
 * occurs (n); undefined once the item values (p >= 0) exceed the budget's characters, which it
 * spends. Read in chunks, so a file of a million different answers is not first held whole.
 */
async function distinctValues(
  db: DuckDb,
  select: readonly string[],
  from: string,
  budget: { chars: number },
): Promise<unknown[][] | undefined> {
  const rows: unknown[][] = [];
  for await (const row of db.stream(
    `SELECT CAST(p AS INTEGER) AS p, v, count(*) AS n FROM (
       UNPIVOT (SELECT ${select.join(", ")} FROM ${from})
       ON COLUMNS(*) INTO NAME p VALUE v) GROUP BY ALL`,
  )) {
    const r = row as [number, string, bigint];
    if (r[0] >= 0) {
      budget.chars -= r[1].length + 1;
      if (budget.chars < 0) return undefined;
    }
    rows.push(r);
  }
  return rows;
}

/** What converting the item cells found (convertCells) */
interface ConvertedCells {
  facts: CellFacts;
  counted: AnswerCounts | undefined;
  values: Map<number, string[]>;
  warned: { p: number; v: string; applies: boolean }[];
}

/**
 * Item cells: every distinct value of every item column, converted once into `cells` (and, for a
 * value that gives other than one answer, `counts`).
 */
async function convertCells(
  db: DuckDb,
  conv: CsvConversion,
  layout: FactsLayout | undefined,
  /** scanRecords's distinct values: [position, value, count] */
  distinct: readonly unknown[][],
): Promise<string | ConvertedCells> {
  const factsOf = layout === undefined ? undefined : cellFacts(layout);
  // the answers every row's cells give, from how often each distinct value occurs; in a section with
  // a condition an empty cell's answers depend on the row's context, so those are counted by query
  const found: ConvertedCells = {
    facts: new Map(),
    counted: conv.items.some((c) => c.condition !== undefined)
      ? undefined
      : { answers: 0, missing: { weet_niet: 0, nvt: 0, leeg: 0 } },
    values: new Map(),
    warned: [],
  };
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${tables.cells} (p INTEGER, v VARCHAR, a BOOLEAN, k INTEGER, item VARCHAR,
       code DOUBLE, text VARCHAR, missing VARCHAR, fv DOUBLE, fm DOUBLE)`,
  );
  await db.run(`CREATE OR REPLACE TEMP TABLE ${tables.counts} (p INTEGER, v VARCHAR, n INTEGER)`);
  if (conv.items.length === 0) return found;
  const cells = await appender(db, tables.cells);
  const counts = await appender(db, tables.counts);
  try {
    for (const row of distinct) {
      const [p, v, n] = row as [number, string, bigint];
      const position = conv.items[p];
      if (position === undefined) return "unknown-column";
      const seen = found.values.get(p) ?? [];
      found.values.set(p, seen);
      seen.push(v);
      for (const applies of position.condition === undefined ? [true] : [true, false]) {
        const answers = conv.cell(p, v, applies);
        if (answers === undefined) return "cell-problem";
        if (conv.warned(p, v, applies)) found.warned.push({ p, v, applies });
        if (found.counted !== undefined && applies) addAnswerCounts(found.counted, answers, Number(n));
        if (applies && answers.length !== 1) {
          counts.appendInteger(p);
          counts.appendVarchar(v);
          counts.appendInteger(answers.length);
          counts.endRow();
        }
        const fact = factsOf?.(answers);
        if (fact !== undefined) {
          const facts = found.facts.get(p) ?? new Map<string, [number, number]>();
          found.facts.set(p, facts);
          facts.set(factKey(v, applies), fact);
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
  return found;
}

/** Contexts: each distinct combination of the context columns, through the same conversion. */
async function convertContexts(
  db: DuckDb,
  conv: CsvConversion,
  scanned: readonly SqlRow[],
): Promise<string | undefined> {
  const conditionColumns = Array.from({ length: conv.conditions }, (_, i) => `a${i} BOOLEAN`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${tables.contexts} (ctx INTEGER, ${conv.dimensions
      .map((_, i) => `d${i} VARCHAR, `)
      .join("")}${conditionColumns.map((c) => `${c}, `).join("")}before VARCHAR, after VARCHAR)`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${tables.contextRows} (ctx INTEGER, ord INTEGER, dimension VARCHAR, value VARCHAR)`,
  );
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
  return undefined;
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
  const records = fileRecords(file, conv);
  const rows = conditional
    ? `(SELECT r.rn, ${positions.map((p) => `v${p}`).join(", ")}, ${flags.join(", ")} FROM ${records.rows(values)})`
    : `(SELECT rn, ${positions.map((p) => `v${p}`).join(", ")}, ${flags.join(", ")} FROM ${records.numbered(values)})`;
  await withContextsBuilt(db, async () => {
    for await (const row of db.stream(
      `SELECT u.rn, CAST(u.p AS INTEGER) AS p, u.v, u.a FROM (
       UNPIVOT ${rows} ON ${positions.map((p) => `(v${p}, a${p}) AS "${p}"`).join(", ")} INTO NAME p VALUE v, a
     ) u SEMI JOIN ${tables.warned} w ON w.p = CAST(u.p AS INTEGER) AND w.v = u.v AND w.a = u.a
     ORDER BY u.rn, p`,
    )) {
      const [rn, p, v, a] = row as [bigint, number, string, boolean];
      conv.warnAt(p, v, a, file.firstRow - 1 + Number(rn));
    }
  });
  return undefined;
}

interface AnswerCounts {
  /** answers that are not missing */
  answers: number;
  missing: CsvCounts["missing"];
}

/** What the conversion found: analysis values per cell, records, and the answers when counted exactly */
export interface Converted {
  facts: CellFacts;
  rows: number;
  counted: AnswerCounts | undefined;
  /** per item position, its distinct values (an empty field as '') */
  values: ReadonlyMap<number, readonly string[]>;
}

function addAnswerCounts(counted: AnswerCounts, answers: readonly Answer[], times: number): void {
  for (const a of answers) {
    if (a.missing === null) counted.answers += times;
    else if (a.missing === "weet_niet" || a.missing === "nvt" || a.missing === "leeg")
      counted.missing[a.missing] += times;
  }
}

/** per item position, the analysis values of its distinct cells, by factKey */
export type CellFacts = Map<number, Map<string, [number, number]>>;

/** the key of a cell in its column's map: the value, marked when the row's section does not apply */
export function factKey(value: string, applies: boolean): string {
  return applies ? value : `\u0001${value}`;
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

/** A record (`joined`: its fields joined) of whitespace only (the reader skips it); trimmed only when it does not start visibly. */
function blankSql(joined: string): string {
  return `CASE WHEN unicode(${joined}) BETWEEN 33 AND 126 THEN false ELSE ${jsTrimSql(joined)} = '' END`;
}

/** per variable item position, its values whose cells give other than one answer, with how many */
export type VariableCounts = Map<number, Map<string, number>>;

export async function variableCounts(db: DuckDb): Promise<VariableCounts> {
  const counts: VariableCounts = new Map();
  for (const r of await db.all(`SELECT p, v, n FROM ${tables.counts}`)) {
    const p = Number(r.p);
    const values = counts.get(p) ?? new Map<string, number>();
    counts.set(p, values);
    values.set(String(r.v), Number(r.n));
  }
  return counts;
}
