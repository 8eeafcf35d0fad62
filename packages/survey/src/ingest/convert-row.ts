import { createHash } from "node:crypto";
import type { Answer, Problem, SurveyResponse } from "@zaz/model";
import { dimensionExpected } from "./dimension-lookup.js";
import type { IngestPlan, ItemColumn } from "./ingest-plan.js";
import { splitChoices } from "./label-lookup.js";
import { ingestMessages as msg } from "./messages.js";
import { foldText } from "./normalise-text.js";
import { parseDate } from "./parse-date.js";
import type { ProblemCollector } from "./problem-collector.js";
import { pseudonym } from "./pseudonym.js";

/** Context key under which the respondent's pseudonym is kept; dimension ids cannot start with "_". */
export const respondentKey = "_respondent";

export interface SourceRow {
  /** spreadsheet row number where the record starts */
  row: number;
  fields: readonly string[];
}

const formulaStart = /^[=+\-@\t\r]/;

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
    const found = d.lookup(raw);
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

  const identifier = plan.identifierColumns.map(at).find((v) => v.trim() !== "");
  if (identifier !== undefined) context[respondentKey] = pseudonym(plan.pseudonymKey, identifier);

  const answers: Answer[] = [];
  const options = new Map<string, { column: ItemColumn; codes: number[]; empty: boolean }>();
  for (const c of plan.items) {
    if (c.option === undefined) convertCell(c, at(c.index), context, answers, problems, problem);
    else optionCell(c, at(c.index), options, problems, problem);
  }
  for (const { column, codes, empty } of options.values()) {
    if (codes.length > 0)
      for (const code of codes) answers.push({ item: column.item.id, code, text: null, missing: null });
    else if (empty) convertCell(column, "", context, answers, problems, problem);
  }

  let submittedAt: string | null = null;
  if (plan.submittedAtColumn !== undefined) {
    const raw = at(plan.submittedAtColumn);
    if (raw.trim() !== "") submittedAt = parseDate(raw) ?? null;
  }

  if (problems.errorCount > errorsBefore) return undefined;
  return { key: responseKey(plan, fields, context), row, submittedAt, context, answers };
}

function convertCell(
  c: ItemColumn,
  raw: string,
  context: Record<string, string>,
  answers: Answer[],
  problems: ProblemCollector,
  problem: (p: Omit<Problem, "file" | "row">) => Problem,
): void {
  const item = c.item.id;
  const value = raw.trim();
  const missing = (kind: Answer["missing"]) => answers.push({ item, code: null, text: null, missing: kind });
  if (value === "") {
    const applies =
      c.appliesWhen === undefined || c.appliesWhen.values.includes(context[c.appliesWhen.dimension] ?? "");
    missing(applies ? "leeg" : "nvt");
    return;
  }
  switch (c.item.type) {
    case "text": {
      if (formulaStart.test(raw)) {
        problems.warning(
          problem({
            code: "formula-cell",
            message: msg.formulaCell(c.header),
            column: c.header,
            value: raw,
            hint: msg.formulaHint,
          }),
        );
      }
      answers.push({ item, code: null, text: value, missing: null });
      return;
    }
    case "number": {
      const n = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      const { min, max } = c.item;
      if (Number.isNaN(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
        problems.error(
          problem({
            code: "not-a-number",
            message: msg.notANumber(value, c.header),
            column: c.header,
            value: raw,
            expected: msg.numberRange(min, max),
          }),
        );
        return;
      }
      answers.push({ item, code: n, text: null, missing: null });
      return;
    }
    case "multiple": {
      const lookup = c.lookup;
      if (!lookup) return;
      const whole = lookup.match(value);
      if (whole !== undefined && "missing" in whole) {
        missing(whole.missing);
        return;
      }
      const codes = new Set<number>();
      // An own answer beside "Anders" (a language not on the list) is kept as free text with that
      // code: shown only as free text of large groups, and counted by `zaz map` for new choices.
      const own: string[] = [];
      let otherCode: number | null = null;
      for (const part of splitChoices(value, lookup)) {
        const hit = lookup.match(part);
        if (hit !== undefined && "code" in hit) codes.add(hit.code);
        else if (hit === undefined) {
          const other = lookup.match("Anders");
          if (other !== undefined && "code" in other) {
            codes.add(other.code);
            otherCode = other.code;
            own.push(part.trim());
            problems.warning(
              problem({
                code: "other-choice",
                message: msg.otherChoice(c.header),
                column: c.header,
                value: part,
              }),
            );
          } else {
            unknownLabel(c, part, raw, problems, problem);
            return;
          }
        }
      }
      for (const code of [...codes].sort((a, b) => a - b))
        answers.push({ item, code, text: code === otherCode ? own.join("; ") : null, missing: null });
      return;
    }
    default: {
      const hit = c.lookup?.match(value);
      if (hit === undefined) {
        unknownLabel(c, value, raw, problems, problem);
        return;
      }
      if ("missing" in hit) missing(hit.missing);
      else answers.push({ item, code: hit.code, text: null, missing: null });
    }
  }
}

const chosen = new Set(["y", "yes", "ja", "j", "1", "x", "waar", "true"]);
const notChosen = new Set(["", "n", "no", "nee", "0", "onwaar", "false"]);

/** A column per choice: "Y" (or the choice's own label) means chosen, empty or "N" means not. */
function optionCell(
  c: ItemColumn,
  raw: string,
  options: Map<string, { column: ItemColumn; codes: number[]; empty: boolean }>,
  problems: ProblemCollector,
  problem: (p: Omit<Problem, "file" | "row">) => Problem,
): void {
  const entry = options.get(c.item.id) ?? { column: c, codes: [], empty: true };
  options.set(c.item.id, entry);
  const value = foldText(raw);
  const hit = c.lookup?.match(raw);
  if (chosen.has(value) || (hit !== undefined && "code" in hit && hit.code === c.option)) {
    if (c.option !== undefined) entry.codes.push(c.option);
    entry.empty = false;
  } else if (notChosen.has(value)) {
    if (value !== "") entry.empty = false;
  } else {
    problems.error(
      problem({
        code: "unknown-label",
        message: msg.unknownLabel(raw, c.header),
        column: c.header,
        value: raw,
        expected: msg.optionValues,
      }),
    );
  }
}

function unknownLabel(
  c: ItemColumn,
  value: string,
  raw: string,
  problems: ProblemCollector,
  problem: (p: Omit<Problem, "file" | "row">) => Problem,
): void {
  const p = problem({
    code: "unknown-label",
    message: msg.unknownLabel(value, c.header),
    column: c.header,
    value: raw,
    expected: msg.expectedLabels(c.lookup?.labels ?? []),
  });
  const suggestion = c.lookup?.suggest(value);
  if (formulaStart.test(raw)) p.hint = msg.formulaHint;
  else if (suggestion !== undefined) p.hint = msg.didYouMean(suggestion);
  problems.error(p);
}

/**
 * A response's identity: the export's own id, or else the row's content — in both cases together
 * with its context, because two schools' separate surveys may both number their responses 1, 2, 3.
 * Reordering the rows of an export does not change any key.
 */
function responseKey(plan: IngestPlan, fields: readonly string[], context: Record<string, string>): string {
  const hash = createHash("sha256");
  hash.update(plan.instrument.id);
  for (const k of Object.keys(context).sort()) hash.update(`\u0000${k}=${context[k]}`);
  if (plan.responseIdColumn !== undefined && (fields[plan.responseIdColumn] ?? "").trim() !== "") {
    const id = foldText(fields[plan.responseIdColumn] ?? "");
    return `id:${id}:${hash.digest("hex").slice(0, 12)}`;
  }
  hash.update("\u0001");
  for (const f of fields) hash.update(`\u0000${f.trim()}`);
  return `row:${hash.digest("hex").slice(0, 32)}`;
}
