/** A value bound to a statement parameter. */
export type SqlValue = string | number | bigint | boolean | null;

/** Positional parameters ($1, $2 …) collected while a statement is built; DuckDB and PostgreSQL both take them. */
export class Params {
  readonly values: SqlValue[] = [];
  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
