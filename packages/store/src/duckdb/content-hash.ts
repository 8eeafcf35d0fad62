import type { DuckDb } from "./connection.js";

/**
 * A response's content hash: what its answers say, as stored (contract C1 of issue 9). Defined once,
 * here, in SQL, so every way rows reach `answers` (the streaming import, the DuckDB fast path, the
 * migration that backfilled older rows) hashes them alike. It is computed from the stored rows, not
 * from the file, so a re-export that only differs in how a value was written (12 or 12,0; CRLF or LF
 * inside a quoted answer) hashes the same when it stores the same answers.
 *
 * Per answer, in seq order: item, code, missing, text. Item ids (lower-case letters, digits, _),
 * codes (a DOUBLE written by DuckDB, so 12 and 12.0 are one value and one text) and missing kinds
 * cannot hold the unit separator (chr 31) that ends them; the text, which can hold anything, is
 * written last as `~` (none) or `<bytes>:<text>`, so where it ends, and the next answer begins, is
 * never in doubt.
 */

/** Line endings as one: CRLF and a lone CR become LF (the common text without CR is left as it is). */
function textWithLf(column: string): string {
  return `CASE WHEN contains(${column}, chr(13))
    THEN replace(replace(${column}, chr(13) || chr(10), chr(10)), chr(13), chr(10)) ELSE ${column} END`;
}

/** one answer row (alias `a`) as the content hash reads it; a response's text is its answers' in seq order */
export function answerText(a: string): string {
  const text = textWithLf(`${a}.text`);
  return `${a}.item || chr(31) || coalesce(CAST(${a}.code AS VARCHAR), '') || chr(31)
    || coalesce(${a}.missing, '') || chr(31)
    || CASE WHEN ${a}.text IS NULL THEN '~' ELSE strlen(${text}) || ':' || ${text} END`;
}

/**
 * The aggregate expression over `answers` rows (alias `a`) of one response: use it with
 * `GROUP BY a.response_id`. A response without answers has no group; its hash is `emptyContentHashSql`.
 *
 * Not `string_agg(… ORDER BY seq)`: DuckDB gives an ordered aggregate a sort buffer per group, and
 * 5,000 responses already exceeded the import's 96 MB. A plain `list` of (seq, answer), sorted by
 * seq afterwards, is the same sequence (and measured faster than a text prefix to sort on).
 */
export function contentHashSql(a = "a"): string {
  return `sha256(array_to_string(list_transform(
    list_sort(list({'s': ${a}.seq, 'v': ${answerText(a)}})), lambda x: x.v), ''))`;
}

/** the hash of a response without answers: of the empty answer list */
export const emptyContentHashSql = "sha256('')";

/**
 * Responses hashed per statement: the aggregate holds the answers of every response of the
 * statement at once, and 50,000 responses of 30 answers ran out of the import's 96 MB memory
 * limit, so a chunk is hashed in slices of this many responses.
 */
export const hashStep = 5_000n;

/**
 * Answers hashed per statement, at most: the slice is this many answers' worth of responses
 * (5,000 responses of a 34-item parent survey; measured: 5,000 observation forms of 196 items ran
 * out of the import's 96 MB).
 */
const hashAnswers = 170_000;

export interface ContentHashOptions {
  /** responses per statement (default: about hashAnswers answers' worth) */
  step?: bigint;
}

/**
 * Fills `responses.content_hash` for the responses with ids in (low, high], from their stored
 * answers. Both import paths call it for each chunk after the chunk's answers are written (flushed)
 * and before duplicates are looked for (remove-duplicates.ts), in the chunk's transaction.
 * `instrumentId` is there so every chunk-level step has the same shape; the hash depends on answers
 * only. The id ranges let DuckDB skip every row group outside the slice.
 */
export async function fillContentHashes(
  db: DuckDb,
  _instrumentId: string,
  low: bigint,
  high: bigint,
  options: ContentHashOptions = {},
): Promise<void> {
  const step = options.step ?? (await sliceFor(db, low, high));
  for (let from = low; from < high; from += step) {
    const to = from + step < high ? from + step : high;
    await db.run(
      `UPDATE responses SET content_hash = h.hash
       FROM (SELECT a.response_id, ${contentHashSql("a")} AS hash FROM answers a
             WHERE a.response_id > $1 AND a.response_id <= $2 GROUP BY a.response_id) h
       WHERE responses.id = h.response_id AND responses.id > $1 AND responses.id <= $2`,
      [from, to],
    );
  }
  await db.run(
    `UPDATE responses SET content_hash = ${emptyContentHashSql}
     WHERE id > $1 AND id <= $2 AND content_hash IS NULL`,
    [low, high],
  );
}

/** responses per slice for the range's answers per response: about hashAnswers answers */
async function sliceFor(db: DuckDb, low: bigint, high: bigint): Promise<bigint> {
  const answers = Number(
    await db.scalar("SELECT count(*) FROM answers WHERE response_id > $1 AND response_id <= $2", [low, high]),
  );
  const perResponse = answers / Math.max(1, Number(high - low));
  return BigInt(
    Math.max(100, Math.min(Number(hashStep), Math.floor(hashAnswers / Math.max(1, perResponse)))),
  );
}

/**
 * Migration 7: copies `responses` into `target` (the same columns and `content_hash` last, made by
 * the migration's statements) with every response's hash, then puts the copy in its place. Not an
 * UPDATE: DuckDB keeps updates of committed rows in memory, and hashing a 1M-response database in
 * place ran out of the store's 64 MB (also when committed in steps); inserting the copy slice by
 * slice stays within it (measured: 1M responses of 30 answers, 9 s). Runs in the migration's
 * transaction, so a kill leaves the database at version 6.
 *
 * A database may hold forms of very different widths, so each slice of hashStep responses is cut
 * in halves until it holds at most hashAnswers answers: 5,000 observation forms (196 answers each)
 * in one statement ran out of 64 MB, and the store could then not open the database at all.
 */
export async function backfillContentHashes(db: DuckDb, target: string): Promise<void> {
  const top = BigInt((await db.scalar("SELECT coalesce(max(id), 0)::BIGINT FROM responses")) as bigint);
  for (let low = 0n; low < top; low += hashStep) {
    const high = low + hashStep < top ? low + hashStep : top;
    await copyWithHashes(db, target, low, high);
  }
  await db.run("DROP TABLE responses");
  await db.run(`ALTER TABLE ${target} RENAME TO responses`);
}

/** the responses with ids in (low, high] into `target` with their hashes, in slices of at most hashAnswers answers */
async function copyWithHashes(db: DuckDb, target: string, low: bigint, high: bigint): Promise<void> {
  if (high - low > 1n) {
    const answers = Number(
      await db.scalar("SELECT count(*) FROM answers WHERE response_id > $1 AND response_id <= $2", [
        low,
        high,
      ]),
    );
    if (answers > hashAnswers) {
      const middle = low + (high - low) / 2n;
      await copyWithHashes(db, target, low, middle);
      await copyWithHashes(db, target, middle, high);
      return;
    }
  }
  await db.run(
    `INSERT INTO ${target}
     SELECT r.id, r.import_id, r.instrument_id, r.key, r.row, r.submitted_at,
       coalesce(h.hash, ${emptyContentHashSql})
     FROM responses r LEFT JOIN (
       SELECT a.response_id, ${contentHashSql("a")} AS hash FROM answers a
       WHERE a.response_id > $1 AND a.response_id <= $2 GROUP BY a.response_id
     ) h ON h.response_id = r.id
     WHERE r.id > $1 AND r.id <= $2
     ORDER BY r.id`,
    [low, high],
  );
}
