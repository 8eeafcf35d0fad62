import type { SurveyResponse } from "@zaz/model";
import { factsLayout } from "../analysis/facts-layout.js";
import { ChangedResponsesError, ConflictingResponsesError } from "../changed-responses.js";
import type { ImportOutcome, NewImport } from "../store.js";
import { ImportStatus } from "../store.js";
import { lockFor, type PgClient, type PgDatabase, type Sql, writeLock } from "./connection.js";
import { fillContentHashesPg } from "./content-hash.js";
import { CopyBuffer } from "./copy-rows.js";
import { bumpDataVersionPg } from "./data-version.js";
import { deleteFactsPg, fillFactsPg, registerInstrumentPg } from "./instruments.js";
import { insertEntitiesPg } from "./registry.js";

const progressEvery = 1000;
/** responses per COPY batch: memory stays bounded by the batch, whatever the size of the file */
export const copyBatch = 2000;
/** conflicting rows and changed responses named in full; more are counted */
const named = 5;

export async function hasImportPg(db: Sql, id: string): Promise<boolean> {
  return Number(await db.scalar("SELECT count(*) FROM imports WHERE id = $1", [id])) > 0;
}

function alreadyImported(id: string): ImportOutcome {
  return {
    status: ImportStatus.alreadyImported,
    importId: id,
    responsesAdded: 0,
    responsesSkipped: 0,
    answersAdded: 0,
    responsesReplaced: 0,
  };
}

/**
 * One import in one transaction: PostgreSQL holds a large transaction without trouble (its rows go
 * to the table files, not to memory), so unlike DuckDB there are no chunk commits and no pending
 * imports — a failure or a kill -9 rolls everything back, and no reader sees any of it before the
 * commit. Imports (and erasures) take turns across processes under an advisory lock, so the ids
 * above the current maximum are this import's own, and its duplicate check sees every stored row.
 * The rules for duplicates and changed responses are the DuckDB store's (remove-duplicates.ts).
 */
export async function importResponsesPg(
  db: PgDatabase,
  record: NewImport,
  responses: AsyncIterable<SurveyResponse> | Iterable<SurveyResponse>,
  onProgress?: (n: number) => void,
): Promise<ImportOutcome> {
  // cheap early answer, without waiting for a running import
  if (await hasImportPg(db, record.id)) return alreadyImported(record.id);
  return db.transaction(async (client) => {
    await lockFor(client, writeLock.imports);
    // another process may have stored the same file while this one waited for the lock
    if (await hasImportPg(client, record.id)) return alreadyImported(record.id);
    return writeImport(client, record, responses, onProgress);
  });
}

async function writeImport(
  client: PgClient,
  record: NewImport,
  responses: AsyncIterable<SurveyResponse> | Iterable<SurveyResponse>,
  onProgress: ((n: number) => void) | undefined,
): Promise<ImportOutcome> {
  const instrumentKey = await registerInstrumentPg(client, record.instrument);
  await insertImportRecordPg(client, record, instrumentKey);
  const low = BigInt((await client.scalar("SELECT coalesce(max(id), 0) FROM responses")) as bigint);
  const responseRows = new CopyBuffer("responses (id, import_id, instrument_id, key, row, submitted_at)");
  const contextRows = new CopyBuffer("response_context (response_id, dimension, value)");
  const answerRows = new CopyBuffer("answers (response_id, seq, item, code, text, missing)");
  const flush = async () => {
    for (const buffer of [responseRows, contextRows, answerRows]) await buffer.flush(client);
  };
  const importContext = Object.entries(record.context);
  let id = low;
  let count = 0;
  let answers = 0;
  for await (const response of responses) {
    id += 1n;
    responseRows.push([
      id,
      record.id,
      record.instrument.id,
      response.key,
      response.row,
      response.submittedAt,
    ]);
    // Flags fill in what the file does not say; a value in the file itself wins.
    for (const [dimension, value] of importContext)
      if (!Object.hasOwn(response.context, dimension)) contextRows.push([id, dimension, value]);
    for (const [dimension, value] of Object.entries(response.context))
      contextRows.push([id, dimension, value]);
    let seq = 0;
    for (const answer of response.answers)
      answerRows.push([id, seq++, answer.item, answer.code, answer.text, answer.missing]);
    answers += seq;
    count += 1;
    if (onProgress !== undefined && count % progressEvery === 0) onProgress(count);
    if (count % copyBatch === 0) await flush();
  }
  await flush();
  onProgress?.(count);
  const high = id;
  await fillContentHashesPg(client, low, high);
  const duplicates = await removeDuplicatesPg(client, record, low, high);
  if (duplicates.conflictCount > 0)
    throw new ConflictingResponsesError(record.fileName, duplicates.conflictCount, duplicates.conflicts);
  if (duplicates.changed > 0 && record.replaceChanged !== true) await refuseChangedPg(client, record);
  // the analysis rows from what was stored, duplicates gone: the same SQL as adopting an old import
  await fillFactsPg(client, factsLayout(instrumentKey, record.instrument), record.id, low, high);
  const responsesAdded = count - duplicates.responses;
  const answersAdded = answers - duplicates.answers;
  // rowsRead is read again now: a streaming caller knows it only after the last row
  await client.run("UPDATE imports SET responses = $1, answers = $2, rows_read = $3 WHERE id = $4", [
    responsesAdded,
    answersAdded,
    record.rowsRead,
    record.id,
  ]);
  const responsesReplaced = duplicates.changed > 0 ? await replaceChangedPg(client) : 0;
  if ((record.register ?? []).length > 0) {
    await lockFor(client, writeLock.tables);
    await insertEntitiesPg(client, record.register ?? []);
  }
  await bumpDataVersionPg(client);
  return {
    status: ImportStatus.imported,
    importId: record.id,
    responsesAdded,
    responsesSkipped: duplicates.responses,
    answersAdded,
    responsesReplaced,
  };
}

export async function insertImportRecordPg(db: Sql, record: NewImport, instrumentKey: number): Promise<void> {
  await db.run(
    `INSERT INTO imports (id, seq, file_name, instrument_id, instrument_version, profile, rows_read,
       imported_at, responses, answers, pending, instrument_key)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, CAST($7 AS TIMESTAMP), 0, 0, false, $8 FROM imports`,
    [
      record.id,
      record.fileName,
      record.instrument.id,
      record.instrument.version,
      record.profile,
      record.rowsRead,
      new Date().toISOString(),
      instrumentKey,
    ],
  );
  for (const [dimension, value] of Object.entries(record.context)) {
    await db.run("INSERT INTO import_context VALUES ($1, $2, $3)", [record.id, dimension, value]);
  }
}

interface Duplicates {
  responses: number;
  answers: number;
  changed: number;
  conflicts: { firstRow: number; row: number }[];
  conflictCount: number;
}

/**
 * The import's responses, ids in (low, high], sorted as DuckDB's removeDuplicates does for a chunk:
 * against the first row of this import with the same key (same hash: a duplicate in the file, removed;
 * other hash: a conflict, refused), else against the stored responses of other imports (a same hash
 * among them: already stored, removed; none: changed, recorded in zaz_changed for refusal or
 * replacement). One pass over the whole import: it is one transaction, so there are no chunks.
 */
async function removeDuplicatesPg(
  client: PgClient,
  record: NewImport,
  low: bigint,
  high: bigint,
): Promise<Duplicates> {
  const instrumentId = record.instrument.id;
  await client.run(
    `CREATE TEMP TABLE zaz_duplicates ON COMMIT DROP AS
     WITH chunk AS (SELECT id, key, content_hash, row FROM responses WHERE id > $1 AND id <= $2),
     first_own AS (
       SELECT DISTINCT ON (key) key, id, content_hash, row FROM chunk ORDER BY key, id
     ),
     older AS (
       SELECT o.key, bool_or(o.content_hash = c.content_hash) AS same
       FROM chunk c JOIN responses o ON o.instrument_id = $3 AND o.key = c.key AND o.import_id <> $4
       WHERE c.id IN (SELECT id FROM first_own)
       GROUP BY o.key
     )
     SELECT c.id, c.row,
       CASE
         WHEN f.id < c.id AND f.content_hash = c.content_hash THEN 'duplicate'
         WHEN f.id < c.id THEN 'conflict'
         WHEN o.same THEN 'duplicate'
         ELSE 'changed'
       END AS kind,
       f.row AS first_row
     FROM chunk c JOIN first_own f ON f.key = c.key LEFT JOIN older o ON o.key = c.key
     WHERE f.id < c.id OR o.key IS NOT NULL`,
    [low, high, instrumentId, record.id],
  );
  const conflictRows = await client.all(
    `SELECT row, first_row, count(*) OVER () AS n FROM zaz_duplicates WHERE kind = 'conflict'
     ORDER BY row LIMIT ${named}`,
  );
  const conflicts = conflictRows.map((r) => ({ firstRow: Number(r.first_row), row: Number(r.row) }));
  const conflictCount = Number(conflictRows[0]?.n ?? 0);
  await client.run(
    `CREATE TEMP TABLE zaz_changed ON COMMIT DROP AS
     SELECT o.id AS old_id, d.id AS new_id FROM zaz_duplicates d
     JOIN responses c ON c.id = d.id
     JOIN responses o ON o.key = c.key AND o.instrument_id = $1 AND o.import_id <> $2
     WHERE d.kind = 'changed'`,
    [instrumentId, record.id],
  );
  const changed = Number(await client.scalar("SELECT count(*) FROM zaz_duplicates WHERE kind = 'changed'"));
  const inDuplicates = "IN (SELECT id FROM zaz_duplicates WHERE kind = 'duplicate')";
  const answers = await client.run(`DELETE FROM answers WHERE response_id ${inDuplicates}`);
  await client.run(`DELETE FROM response_context WHERE response_id ${inDuplicates}`);
  const responses = await client.run(`DELETE FROM responses WHERE id ${inDuplicates}`);
  return { responses, answers, changed, conflicts, conflictCount };
}

/** Throws the refusal, with the count, the earlier imports and the first rows (as changed-responses.ts). */
async function refuseChangedPg(client: PgClient, record: NewImport): Promise<never> {
  const count = Number(await client.scalar("SELECT count(DISTINCT new_id) FROM zaz_changed"));
  const first = await client.all(
    `SELECT n.row, o.row AS earlier_row, o.import_id, i.file_name
     FROM zaz_changed c
     JOIN responses n ON n.id = c.new_id
     JOIN responses o ON o.id = c.old_id
     JOIN imports i ON i.id = o.import_id
     ORDER BY n.row, o.id LIMIT ${named}`,
  );
  const earlier = await client.all(
    `SELECT i.id, i.file_name, to_char(i.imported_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at, i.seq
     FROM imports i WHERE i.id IN (SELECT o.import_id FROM zaz_changed c JOIN responses o ON o.id = c.old_id)
     ORDER BY i.seq`,
  );
  throw new ChangedResponsesError(
    record.fileName,
    count,
    earlier.map((e) => ({
      importId: String(e.id),
      fileName: String(e.file_name),
      importedAt: String(e.imported_at),
    })),
    first.map((r) => ({
      row: Number(r.row),
      earlierRow: Number(r.earlier_row),
      earlierImportId: String(r.import_id),
      earlierFile: String(r.file_name),
    })),
  );
}

/** Deletes the stored versions of changed responses and lowers their imports' counts, as an erasure does. */
async function replaceChangedPg(client: PgClient): Promise<number> {
  const replaced = Number(await client.scalar("SELECT count(DISTINCT new_id) FROM zaz_changed"));
  const old = "(SELECT old_id FROM zaz_changed)";
  const perImport = await client.all(
    `SELECT r.import_id, count(DISTINCT r.id) AS responses, count(a.response_id) AS answers
     FROM responses r LEFT JOIN answers a ON a.response_id = r.id
     WHERE r.id IN ${old} GROUP BY r.import_id`,
  );
  await client.run(`DELETE FROM answers WHERE response_id IN ${old}`);
  await client.run(`DELETE FROM response_context WHERE response_id IN ${old}`);
  await client.run(`DELETE FROM responses WHERE id IN ${old}`);
  await deleteFactsPg(client, `response_id IN ${old}`, []);
  for (const row of perImport) {
    await client.run("UPDATE imports SET responses = responses - $1, answers = answers - $2 WHERE id = $3", [
      Number(row.responses),
      Number(row.answers),
      String(row.import_id),
    ]);
  }
  return replaced;
}
