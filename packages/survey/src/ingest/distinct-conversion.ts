import type { Answer, Problem } from "@zaz/model";
import { convertCell } from "./convert-cell.js";
import { convertRow, respondentKey, respondentOf, submittedAtOf } from "./convert-row.js";
import type { IngestPlan } from "./ingest-plan.js";
import { ProblemCollector } from "./problem-collector.js";
import { responseKeyContext, responseKeyId } from "./response-key.js";

/**
 * The per-cell work of an import for the DuckDB fast path (contract C4 of issue 9): every DISTINCT
 * value of a column is converted once, by the very functions the streaming path calls per row
 * (convertCell for item cells, convertRow for a row's context and respondent), and DuckDB joins the
 * results back to the rows. A value with an error is reported as undefined: the import then takes
 * the streaming path, so errors are the one set that path gives. A value's warnings are the ones
 * convertCell gives, handed out per record that holds it (warnAt), in the streaming path's order.
 */
export interface DistinctConversion {
  /** item columns, in the order their answers are numbered (seq) */
  items: readonly { column: number; item: string; condition: number | undefined }[];
  /** columns whose values make a row's context, in this order */
  dimensions: readonly number[];
  /** how many "applies" flags a context has (one per section condition) */
  conditions: number;
  submittedAt: number | undefined;
  responseId: number | undefined;
  /** direct identifiers: read only to derive the pseudonym, never stored */
  identifiers: readonly number[];
  /**
   * The answers of item `position`'s cell `raw` (`applies`: whether the row's section applies, for
   * an empty cell); undefined when the value has an error. A value with warnings (an own answer
   * beside "Anders", a formula) converts, and its warnings wait for `warnAt`.
   */
  cell(position: number, raw: string, applies: boolean): Answer[] | undefined;
  /** whether `cell` found warnings for this value */
  warned(position: number, raw: string, applies: boolean): boolean;
  /** the value's warnings, for the record at spreadsheet row `row`: call in row order, then column order */
  warnAt(position: number, raw: string, applies: boolean, row: number): void;
  /** the warnings given to warnAt, into the file's collector (when the fast path succeeded) */
  flushWarnings(into: ProblemCollector): void;
  /** a row's context from the values of `dimensions`, and its condition flags */
  context(values: readonly string[]): { context: Record<string, string>; applies: boolean[] } | undefined;
  /** the text hashed for a response key before and after the respondent's entry (response-key.ts) */
  keyContext(context: Readonly<Record<string, string>>): { before: string; after: string };
  submitted(raw: string): string | null;
  /** the pseudonym of the row's identifiers (undefined: none, or placeholders only) */
  respondent(values: readonly string[]): string | undefined;
  /** the response id as the key holds it, for a non-empty id cell */
  responseKeyId(raw: string): string;
}

/**
 * Why this plan cannot take the fast path, or undefined. Columns whose conversion depends on
 * other cells of the row (a column per choice, the text of an "Anders" choice in its own column)
 * are converted per row.
 */
export function distinctConversionBlocker(plan: IngestPlan): string | undefined {
  if (plan.items.some((c) => c.option !== undefined)) return "option-columns";
  if (plan.items.some((c) => c.other === true)) return "other-text-columns";
  return undefined;
}

export function distinctConversion(plan: IngestPlan): DistinctConversion {
  const width = Math.max(
    0,
    ...plan.items.map((c) => c.index),
    ...plan.dimensions.map((d) => d.index),
    ...plan.identifierColumns,
    plan.submittedAtColumn ?? 0,
    plan.responseIdColumn ?? 0,
  );
  // one condition per distinct (dimension, values) of the sections of the mapped items
  const conditions: { dimension: string; values: readonly string[] }[] = [];
  const conditionOf = new Map<string, number>();
  const items = plan.items.map((c) => {
    if (c.appliesWhen === undefined) return { column: c.index, item: c.item.id, condition: undefined };
    const key = JSON.stringify([c.appliesWhen.dimension, c.appliesWhen.values]);
    let at = conditionOf.get(key);
    if (at === undefined) {
      at = conditions.length;
      conditions.push(c.appliesWhen);
      conditionOf.set(key, at);
    }
    return { column: c.index, item: c.item.id, condition: at };
  });
  // a synthetic row: only the given cells filled, every other cell empty
  const row = (cells: ReadonlyMap<number, string>): string[] =>
    Array.from({ length: width + 1 }, (_, i) => cells.get(i) ?? "");
  // the warnings of each converted value with any, and those given rows so far (as the streaming
  // path's collector would hold them: the first `cap` kept, all counted)
  const cellWarnings = new Map<string, Problem[]>();
  const cellKey = (position: number, raw: string, applies: boolean) =>
    `${position}\u0000${applies ? 1 : 0}\u0000${raw}`;
  const pending = new ProblemCollector();

  return {
    items,
    dimensions: plan.dimensions.map((d) => d.index),
    conditions: conditions.length,
    submittedAt: plan.submittedAtColumn,
    responseId: plan.responseIdColumn,
    identifiers: plan.identifierColumns,
    cell(position, raw, applies) {
      const c = plan.items[position];
      if (c === undefined) return undefined;
      const answers: Answer[] = [];
      // only an empty cell reads the context: a value inside or outside the section's condition
      const context: Record<string, string> = {};
      if (c.appliesWhen !== undefined)
        context[c.appliesWhen.dimension] = applies ? (c.appliesWhen.values[0] ?? "") : "\u0000";
      const problems = new ProblemCollector(Number.POSITIVE_INFINITY);
      convertCell(c, raw, context, answers, problems, (p) => ({ ...p, file: plan.file, row: 0 }));
      if (problems.errorCount > 0) return undefined;
      if (problems.warningCount > 0) cellWarnings.set(cellKey(position, raw, applies), problems.warnings);
      return answers;
    },
    warned(position, raw, applies) {
      return cellWarnings.has(cellKey(position, raw, applies));
    },
    warnAt(position, raw, applies, row) {
      for (const w of cellWarnings.get(cellKey(position, raw, applies)) ?? []) pending.warning({ ...w, row });
    },
    flushWarnings(into) {
      for (const w of pending.warnings) into.warning(w);
      // beyond what the collector keeps, only the count
      into.warningCount += pending.warningCount - pending.warnings.length;
    },
    context(values) {
      const problems = new ProblemCollector(1);
      const cells = new Map(plan.dimensions.map((d, i) => [d.index, values[i] ?? ""]));
      const response = convertRow({ ...plan, items: [] }, { row: 0, fields: row(cells) }, problems);
      if (response === undefined || problems.errorCount > 0) return undefined;
      const context: Record<string, string> = { ...response.context };
      delete context[respondentKey];
      return {
        context,
        applies: conditions.map((w) => w.values.includes(context[w.dimension] ?? "")),
      };
    },
    keyContext(context) {
      return responseKeyContext(plan, context, respondentKey);
    },
    // the very functions convertRow calls for these cells, without building a row per call
    submitted: submittedAtOf,
    responseKeyId,
    respondent(values) {
      return respondentOf(plan, values);
    },
  };
}
