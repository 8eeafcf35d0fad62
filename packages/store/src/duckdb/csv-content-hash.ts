import { type DuckDb, sqlString } from "./connection.js";
import { answerText } from "./content-hash.js";
import { field } from "./csv-read.js";
import { byCodeSql, type CodedColumn } from "./csv-records.js";

/**
 * The fast path's content hashes (content-hash.ts defines them), computed per row while the
 * responses are written instead of from the stored answers afterwards: a response's hash text is
 * its answers' texts in seq order, and seq follows the item columns, so it is the concatenation of
 * each item cell's text. That text is made once per distinct converted cell (`cellTexts`), and each
 * row looks its cells up: by code in a list for a column the records give as codes, else a CASE
 * for a column with few distinct values, a join for a column with many (open answers), where a
 * CASE would grow with the file. Checked against the stored answers' hashes by
 * test/fast-path-equality.test.ts.
 */
export interface RowContentHash {
  /** select items computed above the file's scan (over the raw fields c0, c1 …) */
  lookups: string[];
  /** joins after the row's context (x) is joined */
  joins: string;
  /** the hash, over the lookups (r.…), the joins and the context's condition flags (x.a…) */
  hash: string;
}

/** distinct values of a column up to which its texts are a CASE in the query */
const literalLimit = 32;

/**
 * At most so many columns looked up by a join, and so many CASE branches in all. Measured in the
 * import's 96 MB: 36 columns of about 8 branches fit; 200 columns of about 7 did not.
 */
const joinLimit = 8;
const branchLimit = 320;

/**
 * At most so many distinct values in all the columns looked up by a join: each join's hash table
 * holds its column's texts. 200,000 different open answers of about 110 characters ran out of
 * memory in the responses' statement; 100,000 fitted (half that leaves room for longer texts).
 */
const joinValues = 50_000;

export async function rowContentHash(
  db: DuckDb,
  cells: string,
  cellTexts: string,
  items: readonly { column: number; condition: number | undefined }[],
  /** the item columns the records give as codes (Records.coded) */
  coded: ReadonlyMap<number, CodedColumn>,
): Promise<RowContentHash | undefined> {
  // per distinct (column position, value, whether the section applies): its answers' text in k
  // order (not string_agg(… ORDER BY k): an ordered aggregate takes a sort buffer per group).
  // Only a cell of several answers (a multiple choice) is aggregated: a list per group of 200,000
  // different open answers ran out of the import's 96 MB, and such a cell's text is its one answer's.
  const same = (x: string, y: string) =>
    ["p", "v", "a"].map((c) => `${x}.${c} IS NOT DISTINCT FROM ${y}.${c}`).join(" AND ");
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${cellTexts} AS
     WITH several AS (SELECT p, v, a FROM ${cells} GROUP BY p, v, a HAVING count(*) > 1)
     SELECT m.p, m.v, m.a, ${answerText("m")} AS t
     FROM ${cells} m ANTI JOIN several s ON ${same("s", "m")}
     UNION ALL
     SELECT m.p, m.v, m.a, array_to_string(list_transform(list_sort(list({'k': m.k, 't': ${answerText("m")}})),
       lambda x: x.t), '') AS t
     FROM ${cells} m SEMI JOIN several s ON ${same("s", "m")} GROUP BY m.p, m.v, m.a`,
  );
  const sizes = new Map<number, number>();
  for (const r of await db.all(`SELECT p, count(*) AS n FROM ${cellTexts} GROUP BY p`))
    sizes.set(Number(r.p), Number(r.n));
  // Each branch of a CASE and each join holds vectors or a hash table in the statement: for a wide
  // export the hashes are made afterwards from the stored answers instead (fillContentHashes),
  // which costs more time but no memory per column.
  // (counted alike for a column looked up by code: 196 columns as lists ran out of 96 MB too)
  const joined = [...sizes.values()].filter((n) => n > literalLimit);
  const branches = [...sizes.values()].reduce((sum, n) => sum + (n > literalLimit ? 0 : n + 1), 0);
  const joinedValues = joined.reduce((sum, n) => sum + n, 0);
  if (joined.length > joinLimit || joinedValues > joinValues || branches > branchLimit) return undefined;
  const codedAt = (p: number) => {
    const c = items[p];
    return c === undefined ? undefined : coded.get(c.column);
  };
  const listed = [...sizes].filter(([p, n]) => codedAt(p) !== undefined || n <= literalLimit).map(([p]) => p);
  const texts = new Map<string, string>();
  if (listed.length > 0)
    for (const r of await db.all(`SELECT p, v, a, t FROM ${cellTexts} WHERE p IN (${listed.join(", ")})`))
      texts.set(`${r.p}:${r.a}:${r.v}`, String(r.t));

  const lookups: string[] = [];
  const joins: string[] = [];
  const parts: string[] = [];
  items.forEach((c, p) => {
    const raw = `coalesce(${field(c.column)}, '')`;
    const flag = c.condition === undefined ? undefined : `x.a${c.condition}`;
    const size = sizes.get(p);
    if (size === undefined) return; // no answers from this column in any row
    const code = codedAt(p);
    if (code !== undefined || size <= literalLimit) {
      const literal = (applies: boolean) => {
        if (code !== undefined)
          return byCodeSql(code, "VARCHAR", (v) => {
            const t = texts.get(`${p}:${applies}:${v}`);
            return t === undefined ? undefined : sqlString(t);
          });
        const entries = [...texts].flatMap(([k, t]) => {
          const prefix = `${p}:${applies}:`;
          return k.startsWith(prefix)
            ? [`WHEN ${sqlString(k.slice(prefix.length))} THEN ${sqlString(t)}`]
            : [];
        });
        return entries.length === 0 ? "CAST(NULL AS VARCHAR)" : `CASE ${raw} ${entries.join(" ")} END`;
      };
      lookups.push(`${literal(true)} AS h${p}`);
      if (flag === undefined) parts.push(`r.h${p}`);
      else {
        lookups.push(`${literal(false)} AS h${p}_n`);
        parts.push(`CASE WHEN ${flag} THEN r.h${p} ELSE r.h${p}_n END`);
      }
    } else {
      lookups.push(`${raw} AS j${p}`);
      joins.push(
        `LEFT JOIN (SELECT v, max(t) FILTER (WHERE a) AS t, max(t) FILTER (WHERE NOT a) AS n
           FROM ${cellTexts} WHERE p = ${p} GROUP BY v) t${p} ON t${p}.v = r.j${p}`,
      );
      parts.push(flag === undefined ? `t${p}.t` : `CASE WHEN ${flag} THEN t${p}.t ELSE t${p}.n END`);
    }
  });
  // concat skips NULL: a cell without answers adds nothing, and no answers at all hash as ''
  return {
    lookups,
    joins: joins.join("\n"),
    hash: `sha256(concat(''${parts.map((part) => `, ${part}`).join("")}))`,
  };
}
