import { DuckDBScalarFunction, VARCHAR } from "@duckdb/node-api";
import type { FactsLayout } from "../analysis/facts-layout.js";
import { quoteIdent } from "../analysis/sql-dialect.js";
import { type DuckDb, sqlString } from "./connection.js";
import { type CellFacts, type CsvConversion, factKey, type VariableCounts } from "./csv-conversion.js";
import { type CsvFile, field, jsWhitespaceClass } from "./csv-read.js";
import { byCodeSql, type Records } from "./csv-records.js";
import { submittedSql } from "./csv-submitted.js";
import { tables } from "./csv-work-tables.js";

/**
 * The fast path's SQL (csv-import.ts): the statements that read the file and join the converted
 * values back, built from the conversion's columns.
 */
let registered = 0;

/**
 * Per-row values only JavaScript computes exactly, as DuckDB scalar functions over the raw fields
 * (DuckDB calls them on the JavaScript thread, a chunk of rows at a time): the submission time, the
 * folded response id and the respondent's pseudonym. The raw identifiers thus go from the file's
 * scan to the pseudonym and nowhere else: no table, temp table or spill file holds them.
 * Returns SQL expressions (NULL where the export has no such column).
 */
export async function rowFunctions(
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
      : submittedSql(
          `coalesce(${field(conv.submittedAt)}, '')`,
          call(
            define(`zaz_submitted_${n}`, 1, ([v]) => conv.submitted(v ?? ""), false),
            [conv.submittedAt],
          ),
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
 * The row's fields as the response key hashes them (survey's response-key.ts), joined by NUL (no
 * field holds one: such a file takes the streaming path) and trimmed by one regular expression
 * over the whole row (trim() per field costs more), only in a row with a field to trim; line
 * endings as LF only in a row with a CR.
 */
export function keyFieldsSql(file: CsvFile): string {
  const joined = `concat(${Array.from({ length: file.columns }, (_, i) => `chr(0), ${field(i)}`).join(", ")})`;
  const lf = `CASE WHEN strpos(${joined}, chr(13)) > 0 THEN regexp_replace(${joined}, '\\r\\n?', chr(10), 'g') ELSE ${joined} END`;
  // most rows have no field to trim: a match is cheaper than a replacement that changes nothing
  const padded = `'${jsWhitespaceClass}(\\x00|$)|\\x00${jsWhitespaceClass}'`;
  return `CASE WHEN regexp_matches(${lf}, ${padded})
    THEN regexp_replace(${lf}, '${jsWhitespaceClass}*(\\x00|$)${jsWhitespaceClass}*', '\\1', 'g') ELSE ${lf} END`;
}

/** SQL of the id of the response at position `rn` (1 for the first), the import's ids following `low` */
export function responseIdSql(low: bigint, rn: string): string {
  return `CAST(${low} AS BIGINT) + ${rn}`;
}

/** SQL of the response key, from the context's key parts and r.respondent, r.rid and r.fields. */
export function keySql(parts: { before: string; after: string }): string {
  const context = `${parts.before} || coalesce(chr(0) || '_respondent=' || r.respondent, '') || ${parts.after}`;
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
export function answersSql(
  records: Records,
  conv: CsvConversion,
  counts: VariableCounts,
  part: { from: number; to: number },
  /** the item positions unpivoted (itemGroups) */
  group: readonly number[],
): string {
  const items = conv.items;
  const coded = (p: number) => records.coded.get(items[p]!.column);
  const text = (p: number) => `coalesce(${field(items[p]!.column)}, '')`;
  const extra = (q: number) => {
    const answers = counts.get(q) ?? new Map<string, number>();
    const c = coded(q);
    return c === undefined
      ? `(${mapLookupSql([...answers], text(q), "1")} - 1)`
      : byCodeSql(c, "INTEGER", (v) => String((answers.get(v) ?? 1) - 1));
  };
  const last = Math.max(...group);
  const variable = [...counts.keys()].filter((q) => q < last).sort((a, b) => a - b);
  // each variable cell's extra answers looked up once per row (e), then summed into the offsets
  const values = [
    ...group.map((p) => `${coded(p)?.code ?? text(p)} AS v${p}`),
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
        FROM ${records.rows(values, part)})`
    : `(SELECT rn, ${offsets.join(", ")}, ${flags.join(", ")} FROM ${records.numbered(values, part)})`;
  // Cells given as codes join their converted values on the code, the others on their text: a
  // join on a byte costs a fraction of one on text.
  const unpivoted = (positions: readonly number[], cells: string, key: string) =>
    positions.length === 0
      ? []
      : [
          `SELECT u.rn, u.o + m.k AS seq, m.item, m.code, m.text, m.missing FROM (
            UNPIVOT ${rows}
            ON ${positions.map((p) => `(v${p}, o${p}, a${p}) AS "${p}"`).join(", ")}
            INTO NAME p VALUE v, o, a
          ) u JOIN ${cells} m ON m.p = CAST(u.p AS INTEGER) AND m.${key} = u.v AND m.a = u.a`,
        ];
  return [
    ...unpivoted(
      group.filter((p) => coded(p) !== undefined),
      tables.codedCells,
      "c",
    ),
    ...unpivoted(
      group.filter((p) => coded(p) === undefined),
      tables.cells,
      "v",
    ),
  ].join(" UNION ALL ");
}

/**
 * Item positions unpivoted per statement. UNPIVOT builds a list of every unpivoted column per row,
 * so a statement's memory grows with the columns: measured in the import's 96 MB, 36 columns of
 * 200,000 rows fit; 196 columns of 9,200 rows did not. A wider export is unpivoted in groups, each
 * reading the file again.
 */
export const unpivotWidth = 48;

export function itemGroups(items: number): number[][] {
  const groups: number[][] = [];
  for (let from = 0; from < items; from += unpivotWidth)
    groups.push(Array.from({ length: Math.min(unpivotWidth, items - from) }, (_, i) => from + i));
  return groups;
}

/** Per context, the analysis table's dimension values: the row's own, else the flags' (as FactsBuffer). */
export function factDimsSql(layout: FactsLayout, flags: Readonly<Record<string, string>>): string {
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
export function factsSql(
  layout: FactsLayout,
  records: Records,
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
    const coded = records.coded.get(c.column);
    const cells = facts.get(p) ?? new Map<string, [number, number]>();
    const lookup = (slot: 0 | 1, applies: boolean) =>
      coded === undefined
        ? factLookupSql(cells, slot, applies ? raw : `chr(1) || ${raw}`)
        : byCodeSql(coded, "DOUBLE", (v) => {
            const f = cells.get(factKey(v, applies))?.[slot];
            return f === undefined || Number.isNaN(f) ? undefined : String(f);
          });
    for (const slot of item.kind === "number" ? ([0, 1] as const) : ([0] as const)) {
      const name = `f${p}_${slot}`;
      lookups.push(`${lookup(slot, true)} AS ${name}`);
      if (c.condition === undefined) values.push(`r.${name}`);
      else {
        lookups.push(`${lookup(slot, false)} AS ${name}_n`);
        values.push(`CASE WHEN x.a${c.condition} THEN r.${name} ELSE r.${name}_n END`);
      }
    }
  }
  const dims = layout.dimensions.map((d) => quoteIdent(d.column));
  return `INSERT INTO ${quoteIdent(layout.table)} (response_id, import_id${dims.map((d) => `, ${d}`).join("")}${columns
    .map((c) => `, ${c}`)
    .join("")})
    SELECT ${responseIdSql(low, "r.rn")}, ${sqlString(importId)}${dims.map((d) => `, g.${d}`).join("")}${values
      .map((v) => `, ${v}`)
      .join("")}
    FROM ${records.rows(lookups, part)} JOIN ${tables.factDims} g ON g.ctx = x.ctx`;
}

/**
 * A MAP literal of one column's analysis values (slot 0 the value, 1 a number's missing code),
 * keyed by factKey (a value where the section does not apply is marked by chr(1)).
 */
function factLookupSql(values: ReadonlyMap<string, [number, number]>, slot: 0 | 1, key: string): string {
  const entries = [...values].filter(([, f]) => !Number.isNaN(f[slot]));
  if (entries.length === 0) return "CAST(NULL AS DOUBLE)";
  return `(MAP {${entries.map(([k, f]) => `${sqlString(k)}: CAST(${f[slot]} AS DOUBLE)`).join(", ")}})[${key}]`;
}
