import { type EntityKind, isEntityKind, type RegistryEntity } from "@zaz/model";
import { StoreError, storeMessages } from "../messages.js";
import { lockFor, type PgDatabase, type Sql, writeLock } from "./connection.js";
import { bumpDataVersionPg } from "./data-version.js";

export async function listRegistryPg(db: Sql): Promise<RegistryEntity[]> {
  const rows = await db.all("SELECT id, kind, name, bestuur, brin FROM registry");
  const entities = rows.flatMap((row): RegistryEntity[] => {
    const kind = String(row.kind);
    if (!isEntityKind(kind)) return [];
    return [
      {
        id: String(row.id),
        kind,
        name: String(row.name),
        bestuur: row.bestuur === null ? null : String(row.bestuur),
        brin: row.brin === null ? null : String(row.brin),
      },
    ];
  });
  const collator = new Intl.Collator("nl", { numeric: true });
  return entities.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === "bestuur" ? -1 : 1) ||
      collator.compare(a.name, b.name) ||
      collator.compare(a.id, b.id),
  );
}

/** Inserts entities inside a transaction that holds the tables lock (see duckdb/registry.ts). */
export async function insertEntitiesPg(db: Sql, entities: readonly RegistryEntity[]): Promise<void> {
  if (entities.length === 0) return;
  const existing = await listRegistryPg(db);
  const taken = new Set(existing.map((e) => `${e.kind}\u0000${e.id}`));
  const boards = new Set(existing.filter((e) => e.kind === "bestuur").map((e) => e.id));
  for (const e of entities) if (e.kind === "bestuur") boards.add(e.id);
  const registeredAt = new Date().toISOString();
  for (const e of entities) {
    const key = `${e.kind}\u0000${e.id}`;
    if (taken.has(key)) throw new StoreError(storeMessages.registryIdTaken(e.kind, e.id));
    if (e.kind === "school" && e.bestuur !== null && !boards.has(e.bestuur))
      throw new StoreError(storeMessages.registryUnknownBestuur(e.name, e.bestuur));
    taken.add(key);
    await db.run("INSERT INTO registry VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP))", [
      e.kind,
      e.id,
      e.name,
      e.kind === "school" ? e.bestuur : null,
      e.brin,
      registeredAt,
    ]);
  }
}

export function addEntitiesPg(db: PgDatabase, entities: readonly RegistryEntity[]): Promise<void> {
  return db.transaction(async (client) => {
    await lockFor(client, writeLock.tables);
    await insertEntitiesPg(client, entities);
    await bumpDataVersionPg(client);
  });
}

export function renameEntityPg(db: PgDatabase, kind: EntityKind, id: string, name: string): Promise<boolean> {
  return db.transaction(async (client) => {
    const changed = await client.run("UPDATE registry SET name = $1 WHERE kind = $2 AND id = $3", [
      name,
      kind,
      id,
    ]);
    if (changed > 0) await bumpDataVersionPg(client);
    return changed > 0;
  });
}
