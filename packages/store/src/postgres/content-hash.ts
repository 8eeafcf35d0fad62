import type { Sql } from "./connection.js";

/**
 * A response's content hash on PostgreSQL: the same text as DuckDB's (duckdb/content-hash.ts, contract
 * C1 of issue 9) hashed the same way, so a response stored in either store has one hash. Per answer,
 * in seq order: item, code, missing, text, each of the first three ended by chr(31), the text as `~`
 * (none) or `<bytes>:<text>` with line endings as LF.
 *
 * The code is the one delicate part: DuckDB writes a DOUBLE as VARCHAR with the shortest digits that
 * read back the same, always with a fraction (12 → "12.0") and in fixed notation from 1e-4 up to
 * 1e16; PostgreSQL's float8 output has the same shortest digits (extra_float_digits = 1, the default,
 * set on the connection to be sure) but no ".0" and an exponent from 1e15. So whole numbers below 1e16
 * are written from their bigint, the non-whole ones in [1e15, 1e16) have their exponent undone, and
 * everything else is PostgreSQL's text as it is (exponents match: "1e+16", "1e-05").
 */

function duckDbDoubleText(code: string): string {
  return `CASE
    WHEN ${code} IS NULL THEN ''
    WHEN ${code} = trunc(${code}) AND abs(${code}) < 1e16 THEN CAST(CAST(${code} AS BIGINT) AS VARCHAR) || '.0'
    WHEN abs(${code}) >= 1e15 AND abs(${code}) < 1e16 THEN
      (CASE WHEN ${code} < 0 THEN '-' ELSE '' END)
      || left(replace(split_part(CAST(abs(${code}) AS VARCHAR), 'e', 1), '.', ''), 16) || '.'
      || substr(replace(split_part(CAST(abs(${code}) AS VARCHAR), 'e', 1), '.', ''), 17)
    ELSE CAST(${code} AS VARCHAR)
  END`;
}

/** Line endings as one: CRLF and a lone CR become LF. */
function textWithLf(column: string): string {
  return `replace(replace(${column}, chr(13) || chr(10), chr(10)), chr(13), chr(10))`;
}

function answerText(a: string): string {
  const text = textWithLf(`${a}.text`);
  return `${a}.item || chr(31) || ${duckDbDoubleText(`${a}.code`)} || chr(31)
    || coalesce(${a}.missing, '') || chr(31)
    || CASE WHEN ${a}.text IS NULL THEN '~' ELSE octet_length(convert_to(${text}, 'UTF8')) || ':' || ${text} END`;
}

/** sha256 as lower-case hex, as DuckDB's sha256() gives it */
function sha256Hex(text: string): string {
  return `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;
}

/** The aggregate over `answers` rows (alias `a`) of one response; use with `GROUP BY a.response_id`. */
export function contentHashSqlPg(a = "a"): string {
  return sha256Hex(`string_agg(${answerText(a)}, '' ORDER BY ${a}.seq)`);
}

export const emptyContentHashSqlPg = sha256Hex("''");

/** Fills `responses.content_hash` for the responses with ids in (low, high], from their stored answers. */
export async function fillContentHashesPg(db: Sql, low: bigint, high: bigint): Promise<void> {
  await db.run(
    `UPDATE responses SET content_hash = h.hash
     FROM (SELECT a.response_id, ${contentHashSqlPg("a")} AS hash FROM answers a
           WHERE a.response_id > $1 AND a.response_id <= $2 GROUP BY a.response_id) h
     WHERE responses.id = h.response_id AND responses.id > $1 AND responses.id <= $2`,
    [low, high],
  );
  await db.run(
    `UPDATE responses SET content_hash = ${emptyContentHashSqlPg}
     WHERE id > $1 AND id <= $2 AND content_hash IS NULL`,
    [low, high],
  );
}
