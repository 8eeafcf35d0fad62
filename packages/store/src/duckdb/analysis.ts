import type { AnalysisTable } from "../analysis/analysis-table.js";
import { frequenciesSql, frequencyNeeds, readFrequencies } from "../analysis/frequencies-sql.js";
import { Params } from "../analysis/params.js";
import { readReliability, reliabilitySql } from "../analysis/reliability-sql.js";
import { duckDbDialect, type SqlDialect } from "../analysis/sql-dialect.js";
import { readStudents, studentsSql } from "../analysis/students-sql.js";
import { planProjection } from "../analysis/table-projection.js";
import { readTexts, textsSql } from "../analysis/texts-sql.js";
import type {
  AnalysisQueries,
  FrequencyRequest,
  GroupFrequencies,
  GroupStudents,
  GroupTexts,
  ReliabilityRequest,
  ReliabilitySums,
  Selection,
  StudentRequest,
  TextRequest,
  ValueCount,
} from "../analysis/types.js";
import { instrumentsInSql, readValues, valuesSql } from "../analysis/values-sql.js";
import type { DuckDb } from "./connection.js";

/** Runs one piece of work on the store's connection, in turn with everything else. */
export type Exclusive = <T>(work: (db: DuckDb) => Promise<T>) => Promise<T>;

/** The analysis queries on DuckDB: the portable builders of src/analysis with DuckDB's dialect. */
export function duckDbAnalysis(
  exclusive: Exclusive,
  tables: (db: DuckDb) => Promise<readonly AnalysisTable[]>,
  dialect: SqlDialect = duckDbDialect,
): AnalysisQueries {
  const selected = async (db: DuckDb, selection: Selection) => {
    const all = await tables(db);
    return selection.instruments.flatMap((key) => all.filter((t) => t.key === key));
  };
  return {
    frequencies: (selection: Selection, request: FrequencyRequest): Promise<GroupFrequencies[]> =>
      exclusive(async (db) => {
        const plan = planProjection(await selected(db, selection), frequencyNeeds(request));
        const results = [];
        for (const query of frequenciesSql(plan, selection, request, dialect))
          results.push({ query, rows: await db.all(query.sql, query.values) });
        return readFrequencies(request, results);
      }),
    students: (selection: Selection, request: StudentRequest): Promise<GroupStudents[]> =>
      exclusive(async (db) => {
        const plan = planProjection(await selected(db, selection), request);
        const params = new Params();
        const sql = studentsSql(plan, selection, request, dialect, params);
        return readStudents(request, await db.all(sql, params.values));
      }),
    reliability: (
      selection: Selection,
      requests: readonly ReliabilityRequest[],
      student?: string,
    ): Promise<ReliabilitySums[]> =>
      exclusive(async (db) => {
        const plan = planProjection(await selected(db, selection), {});
        const params = new Params();
        const sql = reliabilitySql(plan, selection, requests, dialect, params, student);
        return readReliability(requests, (await db.all(sql, params.values))[0], student);
      }),
    texts: (selection: Selection, request: TextRequest): Promise<GroupTexts[]> =>
      exclusive(async (db) => {
        if (request.items.length === 0 || (request.by.length > 0 && request.groups.length === 0)) return [];
        const plan = planProjection(await selected(db, selection), {});
        const params = new Params();
        const sql = textsSql(plan, selection, request, dialect, params);
        return readTexts(request, await db.all(sql, params.values));
      }),
    values: (selection: Selection, dimensions: readonly string[]): Promise<ValueCount[]> =>
      exclusive(async (db) => {
        const plan = planProjection(await selected(db, selection), {});
        const params = new Params();
        const sql = valuesSql(plan, selection, dimensions, dialect, params);
        return readValues(dimensions, await db.all(sql, params.values));
      }),
    instrumentsIn: (selection: Selection): Promise<Map<number, number>> =>
      exclusive(async (db) => {
        const params = new Params();
        const sql = instrumentsInSql(await selected(db, selection), selection, params);
        const counts = new Map<number, number>();
        for (const row of await db.all(sql, params.values))
          if (Number(row.n) > 0) counts.set(Number(row.key), Number(row.n));
        return counts;
      }),
  };
}
