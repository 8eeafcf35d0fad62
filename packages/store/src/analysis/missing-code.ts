import { type MissingKind, missingKinds } from "@zaz/model";

/**
 * In an analysis table a missing answer is a negative number, so that a valid answer (a label's
 * position, 0 and up) and the kind of missing value fit in one small column.
 */
const codes: Readonly<Record<MissingKind, number>> = { weet_niet: -1, nvt: -2, leeg: -3 };

export function missingCode(kind: MissingKind): number {
  return codes[kind];
}

export function missingKindOf(code: number): MissingKind | null {
  return missingKinds.find((k) => codes[k] === code) ?? null;
}

/** SQL: the missing code of an answers row's `missing` column (NULL for a given answer). */
export function missingCodeSql(column: string): string {
  return `CASE ${column} ${missingKinds.map((k) => `WHEN '${k}' THEN ${codes[k]}`).join(" ")} END`;
}
