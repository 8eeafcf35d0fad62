// Listwise deletion for item matrices: a respondent counts only with every item answered,
// so alpha, its interval and the item statistics all rest on the same respondents.

/** The respondents × items matrix restricted to complete rows, and how many rows were left out. */
export interface CompleteRows {
  readonly rows: readonly (readonly number[])[];
  readonly k: number;
  readonly excluded: number;
}

/** Keeps rows with no null/NaN; throws on a ragged matrix (a caller bug, not a data problem). */
export function completeRows(matrix: readonly (readonly (number | null)[])[]): CompleteRows {
  const k = matrix[0]?.length ?? 0;
  const rows: (readonly number[])[] = [];
  let excluded = 0;
  for (const [index, row] of matrix.entries()) {
    if (row.length !== k)
      throw new RangeError(`item matrix row ${index} has ${row.length} items, expected ${k}`);
    if (row.every((value): value is number => value !== null && !Number.isNaN(value))) rows.push(row);
    else excluded++;
  }
  return { rows, k, excluded };
}
