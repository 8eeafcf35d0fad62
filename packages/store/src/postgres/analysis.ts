import type { AnalysisTable } from "../analysis/analysis-table.js";
import { frequenciesSql, frequencyNeeds, readFrequencies } from "../analysis/frequencies-sql.js";
import { Params } from "../analysis/params.js";
import { readReliability, reliabilitySql } from "../analysis/reliability-sql.js";
import { readStudents, studentsSql } from "../analysis/students-sql.js";
import { planProjection } from "../analysis/table-projection.js";
import { readTexts, textsSql } from "../analysis/texts-sql.js";
import type { AnalysisQueries, Selection } from "../analysis/types.js";
import { instrumentsInSql, readValues, valuesSql } from "../analysis/values-sql.js";
import { StoreError, storeMessages } from "../messages.js";
import type { PgDatabase, Sql } from "./connection.js";
import { readDataVersionPg } from "./data-version.js";
import { postgresDialect } from "./dialect.js";
import { instrumentRowsPg } from "./instruments.js";

/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout */
const queryCanceled = "57014";

/** A cancelled analysis is a known failure: a Dutch StoreError naming the limit and how to raise it. */
export async function withTimeoutMessage<T>(timeoutMs: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === queryCanceled)
      throw new StoreError(storeMessages.analysisTimeout(Math.round(timeoutMs / 1000)));
    throw error;
  }
}

/** default statement timeout of an analysis query: a runaway query must not hold a connection */
export const defaultAnalysisTimeoutMs = 120_000;

/**
 * The analysis queries on PostgreSQL: the portable builders of src/analysis with PostgreSQL's
 * dialect. Each call reads in one read-only REPEATABLE READ transaction, so the statements of a
 * frequency count and the definitions they are built from see one snapshot of the data even while
 * another process imports; each statement may run `timeoutMs` at most.
 */
export function postgresAnalysis(db: PgDatabase, timeoutMs = defaultAnalysisTimeoutMs): AnalysisQueries {
  // The definitions with their analysis tables, kept per data version (every stored definition moves it).
  let cached: { version: number; tables: Promise<readonly AnalysisTable[]> } | undefined;
  const tables = async (client: Sql): Promise<readonly AnalysisTable[]> => {
    const version = await readDataVersionPg(client);
    if (cached?.version !== version) {
      const loading = instrumentRowsPg(client);
      cached = { version, tables: loading };
      loading.catch(() => {
        if (cached?.tables === loading) cached = undefined;
      });
    }
    return cached.tables;
  };
  const read = <T>(work: (client: Sql, selected: (s: Selection) => Promise<AnalysisTable[]>) => Promise<T>) =>
    withTimeoutMessage(timeoutMs, () =>
      db.transaction(async (client) => {
        await client.run(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        // The planner caches the unpivot's VALUES per distinct input row (Memoize), keyed on every
        // value column: with a hundred items that key outgrows PostgreSQL's 1664 columns and the
        // query fails; the cache saves nothing here either, each wide row being unpivoted once.
        await client.run("SET LOCAL enable_memoize = off");
        const selected = async (selection: Selection) => {
          const all = await tables(client);
          return selection.instruments.flatMap((key) => all.filter((t) => t.key === key));
        };
        return work(client, selected);
      }, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
    );
  const dialect = postgresDialect;
  return {
    frequencies: (selection, request) =>
      read(async (client, selected) => {
        const plan = planProjection(await selected(selection), frequencyNeeds(request));
        const results = [];
        for (const query of frequenciesSql(plan, selection, request, dialect))
          results.push({ query, rows: await client.all(query.sql, query.values) });
        return readFrequencies(request, results);
      }),
    students: (selection, request) =>
      read(async (client, selected) => {
        const plan = planProjection(await selected(selection), request);
        const params = new Params();
        const sql = studentsSql(plan, selection, request, dialect, params);
        return readStudents(request, await client.all(sql, params.values));
      }),
    reliability: (selection, requests, student) =>
      read(async (client, selected) => {
        const plan = planProjection(await selected(selection), {});
        const params = new Params();
        const sql = reliabilitySql(plan, selection, requests, dialect, params, student);
        return readReliability(requests, (await client.all(sql, params.values))[0], student);
      }),
    texts: (selection, request) =>
      read(async (client, selected) => {
        if (request.items.length === 0 || (request.by.length > 0 && request.groups.length === 0)) return [];
        const plan = planProjection(await selected(selection), {});
        const params = new Params();
        const sql = textsSql(plan, selection, request, dialect, params);
        return readTexts(request, await client.all(sql, params.values));
      }),
    values: (selection, dimensions) =>
      read(async (client, selected) => {
        const plan = planProjection(await selected(selection), {});
        const params = new Params();
        const sql = valuesSql(plan, selection, dimensions, dialect, params);
        return readValues(dimensions, await client.all(sql, params.values));
      }),
    instrumentsIn: (selection) =>
      read(async (client, selected) => {
        const params = new Params();
        const sql = instrumentsInSql(await selected(selection), selection, params);
        const counts = new Map<number, number>();
        for (const row of await client.all(sql, params.values))
          if (Number(row.n) > 0) counts.set(Number(row.key), Number(row.n));
        return counts;
      }),
  };
}
