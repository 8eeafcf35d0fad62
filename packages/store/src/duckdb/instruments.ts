import { createHash } from "node:crypto";
import { type Instrument, instrumentSchema } from "@zaz/model";
import {
  createFactsTableSql,
  type FactsLayout,
  factsLayout,
  factsTableName,
} from "../analysis/facts-layout.js";
import { fillFactsSql } from "../analysis/facts-sql.js";
import { duckDbDialect, quoteIdent } from "../analysis/sql-dialect.js";
import { StoreError, storeMessages } from "../messages.js";
import type { StoredInstrument } from "../store.js";
import type { DuckDb } from "./connection.js";
import { bumpDataVersion } from "./data-version.js";

/** The identity of a definition: its content, so an edited file is a new version even under the same number. */
export function instrumentHash(instrument: Instrument): string {
  return createHash("sha256").update(JSON.stringify(instrument)).digest("hex");
}

/**
 * Stores a definition (once per content) and makes its analysis table; returns its key. Run inside
 * the import's transaction, so a failed first import leaves neither behind.
 */
export async function registerInstrument(db: DuckDb, instrument: Instrument): Promise<number> {
  const hash = instrumentHash(instrument);
  const found = await db.scalar("SELECT key FROM instruments WHERE hash = $1", [hash]);
  if (found !== undefined && found !== null) return Number(found);
  const key = Number(await db.scalar("SELECT coalesce(max(key), 0) + 1 FROM instruments"));
  await db.run("INSERT INTO instruments VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS TIMESTAMP))", [
    key,
    instrument.id,
    instrument.version,
    instrument.role ?? null,
    hash,
    JSON.stringify(instrument),
    new Date().toISOString(),
  ]);
  await db.run(createFactsTableSql(factsLayout(key, instrument), duckDbDialect.double));
  return key;
}

export interface InstrumentRow {
  key: number;
  instrument: Instrument;
  layout: FactsLayout;
}

/** Every stored definition, oldest first. */
export async function instrumentRows(db: DuckDb): Promise<InstrumentRow[]> {
  const rows = await db.all("SELECT key, definition FROM instruments ORDER BY key");
  return rows.map((row) => {
    const key = Number(row.key);
    const parsed = instrumentSchema.safeParse(JSON.parse(String(row.definition)));
    if (!parsed.success) throw new StoreError(storeMessages.storedInstrumentInvalid(key));
    return { key, instrument: parsed.data, layout: factsLayout(key, parsed.data) };
  });
}

/** Definitions with the number of responses each holds now (complete imports only). */
export async function listStoredInstruments(db: DuckDb): Promise<StoredInstrument[]> {
  const counts = new Map<number, number>();
  for (const row of await db.all(
    "SELECT instrument_key, sum(responses) AS n FROM imports WHERE NOT pending AND instrument_key IS NOT NULL GROUP BY instrument_key",
  ))
    counts.set(Number(row.instrument_key), Number(row.n));
  return (await instrumentRows(db)).map((row) => ({
    key: row.key,
    instrument: row.instrument,
    responses: counts.get(row.key) ?? 0,
  }));
}

/**
 * Responses per step of filling: the grouping holds a few dozen aggregate states per response,
 * and a database's memory limit is small (64MB), so a large import is adopted in parts.
 */
const fillStep = 5_000n;

/** Fills the analysis table for the responses with ids in (low, high] of one import. */
export async function fillFacts(
  db: DuckDb,
  layout: FactsLayout,
  importId: string,
  low: bigint,
  high: bigint,
): Promise<void> {
  const sql = fillFactsSql(layout);
  for (let from = low; from < high; from += fillStep) {
    const to = from + fillStep < high ? from + fillStep : high;
    await db.run(sql, [from, to, importId]);
  }
}

/** Deletes the analysis rows that match `where` (on response_id or import_id) from every analysis table. */
export async function deleteFacts(
  db: DuckDb,
  where: string,
  params: readonly (string | bigint)[],
): Promise<void> {
  for (const row of await db.all("SELECT key FROM instruments")) {
    await db.run(`DELETE FROM ${quoteIdent(factsTableName(Number(row.key)))} WHERE ${where}`, [...params]);
  }
}

/**
 * Imports made before definitions were stored have no analysis rows. When the definition they name
 * (id and version) is known now — the instrument files of this installation — it is stored and
 * their analysis rows are made, one import per transaction. Returns the imports brought up to date.
 */
export async function adoptLegacyImports(
  db: DuckDb,
  load: () => Promise<readonly Instrument[]>,
): Promise<number> {
  const legacy = await db.all(
    "SELECT id, instrument_id, instrument_version FROM imports WHERE instrument_key IS NULL AND NOT pending ORDER BY seq",
  );
  // the instrument files are read only when there is something to adopt (once per database)
  if (legacy.length === 0) return 0;
  const known = await load();
  let adopted = 0;
  for (const row of legacy) {
    const instrument = known.find(
      (i) => i.id === String(row.instrument_id) && i.version === String(row.instrument_version),
    );
    if (instrument === undefined) continue;
    await db.transaction(async () => {
      const key = await registerInstrument(db, instrument);
      const layout = factsLayout(key, instrument);
      const range = await db.all(
        "SELECT coalesce(min(id), 1) - 1 AS low, coalesce(max(id), 0) AS high FROM responses WHERE import_id = $1",
        [String(row.id)],
      );
      await fillFacts(
        db,
        layout,
        String(row.id),
        BigInt(range[0]?.low as bigint),
        BigInt(range[0]?.high as bigint),
      );
      await db.run("UPDATE imports SET instrument_key = $1 WHERE id = $2", [key, String(row.id)]);
      await bumpDataVersion(db);
    });
    adopted++;
  }
  return adopted;
}
