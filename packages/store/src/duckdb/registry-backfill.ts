import { assignSlugs, EntityKind, type RegistryEntity, uniqueSlug } from "@zaz/model";
import type { DuckDb } from "./connection.js";
import { sqlIdentifier } from "./connection.js";
import { bumpDataVersion } from "./data-version.js";
import { insertEntities } from "./registry.js";

/**
 * Before the registry, a response's context held the names of its school and board, and ids were
 * slugs derived from those names when read (assignSlugs over the distinct names). This builds the
 * registry from what is stored and rewrites every stored name to its id, inside the migration's
 * transaction:
 *  - one board per distinct board name, id = the slug the old code gave it;
 *  - one school per distinct (board, school) pair. Where a name occurs under one board, or under
 *    none, its id is the old slug, so accounts scoped to it keep seeing the same data. Where a name
 *    occurs under several boards, the old code showed it under the first board (sorted), so that
 *    pair keeps the old slug and each other pair becomes a school of its own ("de-regenboog-2").
 *    Responses that named the school but no board belong to the school with the old slug.
 *  - the roster (school names only) points at the school with the old slug.
 * Responses, import context, roster and the analysis tables are rewritten; kept views are dropped.
 */
export async function backfillRegistry(db: DuckDb): Promise<void> {
  const pairs = (
    await db.all(
      `WITH per_response AS (
         SELECT s.value AS school, coalesce(b.value, '') AS bestuur
         FROM response_context s
         LEFT JOIN response_context b ON b.response_id = s.response_id AND b.dimension = 'bestuur'
         WHERE s.dimension = 'school'
       ), per_import AS (
         SELECT s.value AS school, coalesce(b.value, '') AS bestuur
         FROM import_context s
         LEFT JOIN import_context b ON b.import_id = s.import_id AND b.dimension = 'bestuur'
         WHERE s.dimension = 'school'
       )
       SELECT DISTINCT school, bestuur FROM (
         SELECT * FROM per_response UNION ALL SELECT * FROM per_import
         UNION ALL SELECT DISTINCT school, '' FROM roster
       )`,
    )
  ).map((row) => ({ school: String(row.school), bestuur: String(row.bestuur) }));
  const boardNames = (
    await db.all(
      `SELECT DISTINCT value FROM response_context WHERE dimension = 'bestuur'
       UNION SELECT DISTINCT value FROM import_context WHERE dimension = 'bestuur'`,
    )
  ).map((row) => String(row.value));
  if (pairs.length === 0 && boardNames.length === 0) return;

  const boardIds = assignSlugs(boardNames);
  const schoolNames = [...new Set(pairs.map((p) => p.school))];
  const oldIds = assignSlugs(schoolNames);
  const taken = new Set(oldIds.values());
  const entities: RegistryEntity[] = [...boardIds].map(([name, id]) => ({
    id,
    kind: EntityKind.bestuur,
    name,
    bestuur: null,
    brin: null,
  }));
  // (board name or "", school name) → school id
  const schoolIds: { bestuur: string; school: string; id: string }[] = [];
  for (const name of [...schoolNames].sort()) {
    const oldId = oldIds.get(name)!;
    const boards = pairs
      .filter((p) => p.school === name && p.bestuur !== "")
      .map((p) => p.bestuur)
      .sort();
    boards.forEach((board, i) => {
      const id = i === 0 ? oldId : uniqueSlug(name, taken);
      taken.add(id);
      schoolIds.push({ bestuur: board, school: name, id });
      entities.push({ id, kind: EntityKind.school, name, bestuur: boardIds.get(board) ?? null, brin: null });
    });
    if (boards.length === 0)
      entities.push({ id: oldId, kind: EntityKind.school, name, bestuur: null, brin: null });
    // no board given: the school as the old code showed it
    schoolIds.push({ bestuur: "", school: name, id: oldId });
  }
  await insertEntities(db, entities);

  await db.run("CREATE TEMP TABLE registry_names (kind VARCHAR, bestuur VARCHAR, name VARCHAR, id VARCHAR)");
  try {
    for (const s of schoolIds)
      await db.run("INSERT INTO registry_names VALUES ('school', $1, $2, $3)", [s.bestuur, s.school, s.id]);
    for (const [name, id] of boardIds)
      await db.run("INSERT INTO registry_names VALUES ('bestuur', '', $1, $2)", [name, id]);
    await rewriteNames(db);
  } finally {
    await db.run("DROP TABLE IF EXISTS registry_names");
  }
  await bumpDataVersion(db);
}

async function rewriteNames(db: DuckDb): Promise<void> {
  // Schools first: a school's id depends on the board name stored beside it.
  await db.run(
    `UPDATE response_context SET value = m.id
     FROM (
       SELECT s.response_id, n.id
       FROM response_context s
       LEFT JOIN response_context b ON b.response_id = s.response_id AND b.dimension = 'bestuur'
       JOIN registry_names n ON n.kind = 'school' AND n.name = s.value AND n.bestuur = coalesce(b.value, '')
       WHERE s.dimension = 'school'
     ) AS m
     WHERE response_context.response_id = m.response_id AND response_context.dimension = 'school'`,
  );
  await db.run(
    `UPDATE import_context SET value = m.id
     FROM (
       SELECT s.import_id, n.id
       FROM import_context s
       LEFT JOIN import_context b ON b.import_id = s.import_id AND b.dimension = 'bestuur'
       JOIN registry_names n ON n.kind = 'school' AND n.name = s.value AND n.bestuur = coalesce(b.value, '')
       WHERE s.dimension = 'school'
     ) AS m
     WHERE import_context.import_id = m.import_id AND import_context.dimension = 'school'`,
  );
  await db.run(
    `UPDATE roster SET school = n.id FROM registry_names n
     WHERE n.kind = 'school' AND n.bestuur = '' AND n.name = roster.school`,
  );
  for (const table of ["response_context", "import_context"])
    await db.run(
      `UPDATE ${table} SET value = n.id FROM registry_names n
       WHERE ${table}.dimension = 'bestuur' AND n.kind = 'bestuur' AND n.name = ${table}.value`,
    );
  // The analysis tables copy each response's context; take it again from the rewritten rows.
  const columns = await db.all(
    `SELECT table_name, column_name FROM duckdb_columns()
     WHERE NOT internal AND table_name LIKE 'facts\\_%' ESCAPE '\\' AND column_name IN ('d_school', 'd_bestuur')`,
  );
  for (const row of columns) {
    const table = sqlIdentifier(String(row.table_name));
    const column = String(row.column_name);
    const dimension = column.slice(2);
    await db.run(
      `UPDATE ${table} SET ${sqlIdentifier(column)} = c.value FROM response_context c
       WHERE c.response_id = ${table}.response_id AND c.dimension = '${dimension}'`,
    );
  }
}
