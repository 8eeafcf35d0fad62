import { type AnalysisTable, factsItemOf } from "./analysis-table.js";
import { quoteIdent as q, sqlText } from "./sql-dialect.js";

/**
 * A grouping made from an answer instead of the export's context: e.g. parents who speak Dutch at
 * home (also) against those who speak only other languages. It acts as a context dimension in
 * grouping sets and filters, so the release can protect its groups like any other cell.
 */
export interface DerivedDimension {
  readonly id: string;
  /** a single- or multiple-choice item */
  readonly item: string;
  /**
   * The groups in order: a response takes the first whose codes it chose (for multiple choice: any
   * of them); a response in none of them — or without a valid answer — has no value ("").
   */
  readonly values: readonly { readonly value: string; readonly codes: readonly number[] }[];
}

/** SQL (on the facts alias `f`) of a derived dimension's value for one table; NULL where it has none. */
export function derivedDimensionSql(table: AnalysisTable, derived: DerivedDimension): string {
  const facts = factsItemOf(table, derived.item);
  if (facts === undefined || facts.kind === "number") return "CAST(NULL AS VARCHAR)";
  const column = `f.${q(facts.column)}`;
  const whens = derived.values.flatMap(({ value, codes }) => {
    const positions = codes.map((c) => facts.codes.indexOf(c)).filter((p) => p >= 0);
    if (positions.length === 0) return [];
    const test =
      facts.kind === "choice"
        ? `${column} IN (${positions.join(", ")})`
        : `${column} > 0 AND (${column} & ${positions.reduce((m, p) => m + 2 ** p, 0)}) <> 0`;
    return [`WHEN ${test} THEN ${sqlText(value)}`];
  });
  return whens.length === 0 ? "CAST(NULL AS VARCHAR)" : `CAST(CASE ${whens.join(" ")} END AS VARCHAR)`;
}

/** The SQL of a dimension of one table, derived or stored; null where the table lacks it. */
export function dimensionSql(
  table: AnalysisTable,
  id: string,
  derived: readonly DerivedDimension[] | undefined,
): string | null {
  const own = derived?.find((d) => d.id === id);
  if (own !== undefined) return derivedDimensionSql(table, own);
  const column = table.layout.dimensions.find((d) => d.id === id)?.column;
  return column === undefined ? null : `f.${q(column)}`;
}
