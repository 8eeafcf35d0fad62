import type { Instrument, ResponseScale } from "@zaz/model";
import { quoteIdent } from "./sql-dialect.js";

/**
 * The analysis table of one stored instrument version: one row per response, one column per
 * context dimension and per item, so a scale score reads a few small columns instead of joining the
 * long answer table. It is derived from the answers (facts-sql.ts) and erased with them.
 *
 *  - scale and single items: the position of the chosen label (0, 1 …), or a missing code (< 0)
 *  - multiple-choice items: one bit per chosen label position, or a missing code (< 0)
 *  - number items: the number, and the missing code in a second column
 *  - text items are not in it: free text is read from the answers, and only for large groups
 * NULL means the response has no answer to the item at all.
 */
export interface FactsLayout {
  readonly table: string;
  readonly dimensions: readonly FactsDimension[];
  readonly items: readonly FactsItem[];
}

export interface FactsDimension {
  readonly id: string;
  readonly column: string;
}

export type FactsItem =
  | {
      readonly id: string;
      readonly kind: "choice";
      readonly column: string;
      readonly codes: readonly number[];
    }
  | {
      readonly id: string;
      readonly kind: "multiple";
      readonly column: string;
      readonly codes: readonly number[];
    }
  | { readonly id: string; readonly kind: "number"; readonly column: string; readonly missingColumn: string };

export function factsTableName(key: number): string {
  return `facts_${key}`;
}

/** The analysis table's columns follow from the instrument alone, so every store builds the same one. */
export function factsLayout(key: number, instrument: Instrument): FactsLayout {
  const scales = new Map<string, ResponseScale>(instrument.scales.map((s) => [s.id, s]));
  const items: FactsItem[] = [];
  for (const item of instrument.items) {
    const column = `i_${item.id}`;
    if (item.type === "number") {
      items.push({ id: item.id, kind: "number", column, missingColumn: `m_${item.id}` });
      continue;
    }
    if (item.type === "text") continue;
    const scale = item.scale === undefined ? undefined : scales.get(item.scale);
    if (scale === undefined) continue;
    const codes = scale.labels.map((l) => l.code);
    items.push({ id: item.id, kind: item.type === "multiple" ? "multiple" : "choice", column, codes });
  }
  return {
    table: factsTableName(key),
    dimensions: instrument.dimensions.map((d) => ({ id: d.id, column: `d_${d.id}` })),
    items,
  };
}

/** CREATE TABLE for a layout; `double` is the dialect's double-precision type. */
export function createFactsTableSql(layout: FactsLayout, double: string): string {
  const columns = [
    "response_id BIGINT NOT NULL",
    "import_id VARCHAR NOT NULL",
    ...layout.dimensions.map((d) => `${quoteIdent(d.column)} VARCHAR`),
    ...layout.items.flatMap((item) => {
      if (item.kind === "choice") return [`${quoteIdent(item.column)} SMALLINT`];
      if (item.kind === "multiple") return [`${quoteIdent(item.column)} BIGINT`];
      return [`${quoteIdent(item.column)} ${double}`, `${quoteIdent(item.missingColumn)} SMALLINT`];
    }),
  ];
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(layout.table)} (\n  ${columns.join(",\n  ")}\n)`;
}
