import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type { PgClient } from "./connection.js";

/**
 * Rows for COPY … FROM STDIN in PostgreSQL's text format, collected per table and sent in one COPY
 * per batch (a connection runs one COPY at a time, and the store writes three tables per response).
 * Chosen over parameterised INSERTs for speed: a COPY is one round trip for thousands of rows.
 */
export type CopyValue = string | number | bigint | null;

/** One value in COPY text format: NULL as \N; backslash, tab, newline and CR escaped. */
export function copyText(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

export class CopyBuffer {
  private lines: string[] = [];

  constructor(
    /** `table (column, …)` */
    readonly target: string,
  ) {}

  get length(): number {
    return this.lines.length;
  }

  push(values: readonly CopyValue[]): void {
    this.lines.push(`${values.map(copyText).join("\t")}\n`);
  }

  /** Sends the rows collected so far with one COPY on the client's open transaction, and empties the buffer. */
  async flush(client: PgClient): Promise<void> {
    if (this.lines.length === 0) return;
    const lines = this.lines;
    this.lines = [];
    const stream = client.client.query(copyFrom(`COPY ${this.target} FROM STDIN`));
    // one chunk per batch: the rows are in memory anyway, and a chunk per row costs a stream step each
    await pipeline(Readable.from([lines.join("")]), stream);
  }
}
