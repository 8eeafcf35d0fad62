import type { Answer, Problem, SurveyResponse } from "@zaz/model";
import { addOtherText, convertCell, type OptionCells, optionCell } from "./convert-cell.js";
import { dimensionExpected } from "./dimension-lookup.js";
import type { IngestPlan } from "./ingest-plan.js";
import { ingestMessages as msg } from "./messages.js";
import { parseDate } from "./parse-date.js";
import { isPlaceholderIdentity } from "./placeholder-identity.js";
import type { ProblemCollector } from "./problem-collector.js";
import { pseudonym } from "./pseudonym.js";
import { responseKey } from "./response-key.js";

/** Context key under which the respondent's pseudonym is kept; dimension ids cannot start with "_". */
export const respondentKey = "_respondent";

export interface SourceRow {
  /** spreadsheet row number where the record starts */
  row: number;
  fields: readonly string[];
}

/**
 * One row of an export → one response, or undefined when the row has errors (which go to the
 * collector with their row and column). Pure apart from the collector.
 */
export function convertRow(
  plan: IngestPlan,
  source: SourceRow,
  problems: ProblemCollector,
): SurveyResponse | undefined {
  const { row, fields } = source;
  const errorsBefore = problems.errorCount;
  const at = (index: number) => fields[index] ?? "";
  const problem = (p: Omit<Problem, "file" | "row">): Problem => ({ ...p, file: plan.file, row });

  const context: Record<string, string> = { ...plan.fixedContext };
  for (const d of plan.dimensions) {
    const raw = at(d.index);
    // A placeholder ("anonymous") in a pseudonymised column names no one: treated as empty.
    const found = d.lookup(d.dimension.pseudonymise && isPlaceholderIdentity(raw) ? "" : raw);
    if ("value" in found) {
      context[d.dimension.id] = d.dimension.pseudonymise
        ? pseudonym(plan.pseudonymKey, found.value)
        : found.value;
      continue;
    }
    const fromFlag = plan.flagContext[d.dimension.id];
    if (found.error === "empty" && fromFlag !== undefined) {
      context[d.dimension.id] = fromFlag;
    } else if (found.error === "empty") {
      if (d.dimension.required)
        problems.error(
          problem({
            code: "dimension-empty",
            message: msg.emptyDimension(d.dimension.label, d.header),
            column: d.header,
            value: raw,
            expected: d.dimension.label,
            hint: msg.missingDimensionHint(`--${d.dimension.id}`),
          }),
        );
    } else if (found.error === "refused") {
      problems.error(
        problem({
          code: "dimension-refused",
          message: msg.refusedDimensionValue(raw.trim(), d.dimension.label, found.reason),
          column: d.header,
          value: raw,
          expected: (d.dimension.values ?? []).map((v) => v.label).join(", "),
        }),
      );
    } else {
      const p = problem({
        code: "dimension-unknown",
        message: msg.unknownDimensionValue(raw, d.dimension.label),
        column: d.header,
        value: raw,
        expected: d.dimension.type === "date" ? msg.dateForms : dimensionExpected(d.dimension),
      });
      if (found.hint !== undefined) p.hint = found.hint;
      else if (found.suggestion !== undefined) p.hint = msg.didYouMean(found.suggestion);
      problems.error(p);
    }
  }

  if (plan.resolveContext !== undefined && problems.errorCount === errorsBefore) {
    const resolved = plan.resolveContext.resolve(context);
    if (resolved.ok) Object.assign(context, resolved.context);
    else
      for (const i of resolved.issues) {
        const column = plan.dimensions.find((d) => d.dimension.id === i.dimension)?.header;
        problems.error(
          problem({
            code: i.code,
            message: i.message,
            ...(column === undefined ? {} : { column }),
            value: i.value,
            ...(i.expected === undefined ? {} : { expected: i.expected }),
            ...(i.hint === undefined ? {} : { hint: i.hint }),
          }),
        );
      }
  }

  const respondent = respondentOf(plan, plan.identifierColumns.map(at));
  if (respondent !== undefined) context[respondentKey] = respondent;

  const answers: Answer[] = [];
  const options: OptionCells = new Map();
  for (const c of plan.items) {
    if (c.other) continue;
    if (c.option === undefined) convertCell(c, at(c.index), context, answers, problems, problem);
    else optionCell(c, at(c.index), options, problems, problem);
  }
  for (const { column, codes, empty } of options.values()) {
    if (codes.length > 0)
      for (const code of codes) answers.push({ item: column.item.id, code, text: null, missing: null });
    else if (empty) convertCell(column, "", context, answers, problems, problem);
  }
  // After the item's own columns, so the text joins the "Anders" answer they chose.
  for (const c of plan.items) if (c.other) addOtherText(c, at(c.index), answers, problems, problem);

  const submittedAt = plan.submittedAtColumn === undefined ? null : submittedAtOf(at(plan.submittedAtColumn));

  if (problems.errorCount > errorsBefore) return undefined;
  return { key: responseKey(plan, fields, context), row, submittedAt, context, answers };
}

/** The submission time of a submittedAt cell: null when empty or not a date (no problem is raised). */
export function submittedAtOf(raw: string): string | null {
  return raw.trim() === "" ? null : (parseDate(raw) ?? null);
}

/**
 * The respondent's pseudonym from the identifier cells (in the plan's order): the first that is
 * not a placeholder ("anonymous", empty) names the respondent; undefined when none does.
 */
export function respondentOf(plan: Pick<IngestPlan, "pseudonymKey">, identifiers: readonly string[]) {
  const identifier = identifiers.find((v) => !isPlaceholderIdentity(v));
  return identifier === undefined ? undefined : pseudonym(plan.pseudonymKey, identifier);
}
