import type { Answer, Problem } from "@zaz/model";
import type { ItemColumn } from "./ingest-plan.js";
import { type LabelLookup, splitChoices } from "./label-lookup.js";
import { ingestMessages as msg } from "./messages.js";
import { foldText } from "./normalise-text.js";
import { parseNumber } from "./parse-number.js";
import type { ProblemCollector } from "./problem-collector.js";

/*
 * One cell of an item column → answers and problems. A pure function of the column and the raw
 * value (the row's context is read only for an empty cell, to tell "leeg" from "nvt"), so a fast
 * path may convert each distinct value of a column once and reuse the result.
 */

/** Builds a problem of the current row from the cell's fields. */
export type CellProblem = (p: Omit<Problem, "file" | "row">) => Problem;

/** Collects the choices of a multiple-choice item spread over a column per choice. */
export type OptionCells = Map<string, { column: ItemColumn; codes: number[]; empty: boolean }>;

export const formulaStart = /^[=+\-@\t\r]/;

/** The labels under which exports write the "other" choice of a list. */
const otherLabels = ["Anders", "Other", "Overig", "Andere"];

/** The code of the scale's "Anders" choice, if it has one. */
export function otherChoiceCode(lookup: LabelLookup | undefined): number | undefined {
  for (const label of otherLabels) {
    const hit = lookup?.match(label);
    if (hit !== undefined && "code" in hit) return hit.code;
  }
  return undefined;
}

export function convertCell(
  c: ItemColumn,
  raw: string,
  context: Record<string, string>,
  answers: Answer[],
  problems: ProblemCollector,
  problem: CellProblem,
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
      const n = numberCell(c, value, raw, problems, problem);
      if (n !== undefined) answers.push({ item, code: n, text: null, missing: null });
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
          const other = ownAnswer(c, part, problems, problem);
          if (other === undefined) {
            unknownLabel(c, part, raw, problems, problem);
            return;
          }
          codes.add(other.code);
          otherCode = other.code;
          if (other.text !== "") own.push(other.text);
        }
      }
      for (const code of [...codes].sort((a, b) => a - b))
        answers.push({
          item,
          code,
          text: code === otherCode && own.length > 0 ? own.join("; ") : null,
          missing: null,
        });
      return;
    }
    default: {
      const hit = c.lookup?.match(value);
      if (hit === undefined) {
        // A single choice with "Anders": the typed text is the answer (Google Forms "Andere:").
        const other = c.item.type === "single" ? ownAnswer(c, value, problems, problem) : undefined;
        if (other === undefined) unknownLabel(c, value, raw, problems, problem);
        else
          answers.push({
            item,
            code: other.code,
            text: other.text === "" ? null : other.text,
            missing: null,
          });
        return;
      }
      if ("missing" in hit) missing(hit.missing);
      else answers.push({ item, code: hit.code, text: null, missing: null });
    }
  }
}

/** "Anders: Tigrinya" as some exports write it, or just the typed "Tigrinya". */
const otherPrefix = /^(?:anders|andere|other|overig|-oth-)\s*(?:[:,-]\s*(.*))?$/i;

/** The own answer in a cell: without an "Anders:" before it; "" for LimeSurvey's bare "-oth-". */
export function ownAnswerText(part: string): string {
  const trimmed = part.trim();
  const prefixed = otherPrefix.exec(trimmed);
  return (prefixed === null ? trimmed : (prefixed[1] ?? "")).trim();
}

/**
 * An answer that is not one of the list's labels, kept as the own text beside the "Anders" code
 * (shown only as free text of large groups; `zaz map` counts them for new choices), with a
 * warning; undefined when the list has no "Anders".
 */
function ownAnswer(
  c: ItemColumn,
  part: string,
  problems: ProblemCollector,
  problem: CellProblem,
): { code: number; text: string } | undefined {
  const code = otherChoiceCode(c.lookup);
  if (code === undefined) return undefined;
  const text = ownAnswerText(part);
  // LimeSurvey's bare "-oth-" only says "Anders" was chosen; its text comes from "Q[other]".
  if (text !== "")
    problems.warning(
      problem({ code: "other-choice", message: msg.otherChoice(c.header), column: c.header, value: part }),
    );
  return { code, text };
}

/** A number cell: decimals with a comma or a point, unless the item asks for a whole number. */
function numberCell(
  c: ItemColumn,
  value: string,
  raw: string,
  problems: ProblemCollector,
  problem: CellProblem,
): number | undefined {
  const { min, max } = c.item;
  const integer = c.item.integer === true;
  const expected = msg.numberRange(min, max, integer);
  const parsed = parseNumber(value);
  const fail = (code: string, message: string, hint?: string) => {
    problems.error(
      problem({
        code,
        message,
        column: c.header,
        value: raw,
        expected,
        ...(hint === undefined ? {} : { hint }),
      }),
    );
    return undefined;
  };
  if ("error" in parsed) {
    return parsed.error === "ambiguous"
      ? fail("ambiguous-number", msg.ambiguousNumber(value, c.header), msg.ambiguousNumberHint)
      : fail("not-a-number", msg.notANumber(value, c.header));
  }
  const n = parsed.value;
  if (integer && !Number.isInteger(n))
    return fail("not-a-whole-number", msg.notAWholeNumber(value, c.header));
  if ((min !== undefined && n < min) || (max !== undefined && n > max))
    return fail("number-out-of-range", msg.numberOutOfRange(value, c.header));
  return n;
}

const chosen = new Set(["y", "yes", "ja", "j", "1", "x", "waar", "true"]);
const notChosen = new Set(["", "n", "no", "nee", "0", "onwaar", "false"]);

/** A column per choice: "Y" (or the choice's own label) means chosen, empty or "N" means not. */
export function optionCell(
  c: ItemColumn,
  raw: string,
  options: OptionCells,
  problems: ProblemCollector,
  problem: CellProblem,
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
  problem: CellProblem,
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
 * The text typed beside "Anders" in a column of its own (LimeSurvey "Q[other]"): kept as the text
 * of the item's "Anders" answer, added when the other columns did not choose it. A row that chose
 * another single answer keeps that answer; the text is then left out, with a warning.
 */
export function addOtherText(
  column: ItemColumn,
  raw: string,
  answers: Answer[],
  problems: ProblemCollector,
  problem: CellProblem,
): void {
  const text = raw.trim();
  const code = otherChoiceCode(column.lookup);
  if (text === "" || code === undefined) return;
  const item = column.item.id;
  const at = answers.findIndex((a) => a.item === item && a.code === code);
  const own = answers[at];
  if (own !== undefined) {
    // A new object: a cell's answers may be shared (converted once per distinct value).
    answers[at] = { ...own, text: own.text === null ? text : `${own.text}; ${text}` };
    return;
  }
  const blank = (a: Answer) => a.item === item && (a.missing === "leeg" || a.missing === "nvt");
  const conflicting = answers.some(
    (a) => a.item === item && !blank(a) && (column.item.type !== "multiple" || a.missing !== null),
  );
  if (conflicting) {
    problems.warning(
      problem({
        code: "other-text-ignored",
        message: msg.otherTextIgnored(column.header),
        column: column.header,
        value: raw,
      }),
    );
    return;
  }
  for (let i = answers.length - 1; i >= 0; i--) if (blank(answers[i] as Answer)) answers.splice(i, 1);
  answers.push({ item, code, text, missing: null });
}
