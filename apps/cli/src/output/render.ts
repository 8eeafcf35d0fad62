import { csvTable, type PlainTable as Table, textTable } from "@zaz/views";
import { CliError, ExitCode } from "../cli-error.js";
import type { Effects } from "../effects.js";
import { cliMessages as msg } from "../messages.js";
import { visibleText } from "../visible-text.js";

export const OutputFormat = { table: "table", csv: "csv", json: "json" } as const;
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];

export function parseFormat(
  value: string | undefined,
  allowed: readonly string[] = Object.values(OutputFormat),
): string {
  const format = value ?? "table";
  if (!allowed.includes(format)) throw new CliError(msg.unknownFormat(format, allowed), ExitCode.usage);
  return format;
}

/** The one path by which data reaches stdout. JSON gets `json` if given, else the table's rows. */
export function render(effects: Effects, format: string, table: Table, json?: unknown): void {
  if (format === "json") {
    effects.stdout.write(`${JSON.stringify(json ?? table.rows, null, 2)}\n`);
  } else if (format === "csv") {
    effects.stdout.write(csvTable(table));
  } else {
    const width = effects.stdout.isTTY ? (effects.stdout.columns ?? 80) : 80;
    // Cells can come from a user's file (column headers, file names): no raw control characters.
    const rows = table.rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === "string" ? visibleText(v, true) : v]),
      ),
    );
    effects.stdout.write(textTable({ ...table, rows }, width));
  }
}
