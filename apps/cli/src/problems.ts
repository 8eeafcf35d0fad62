import { groupProblems, type Problem, type ProblemGroup } from "@zaz/model";
import { type Effects, useColor } from "./effects.js";
import { cliMessages as msg } from "./messages.js";
import { visibleText } from "./visible-text.js";

/** Rows named per group of repeated problems; the rest are counted. */
const rowsShown = 3;

/**
 * Prints problems as a readable Dutch list on stderr: where, what, found, expected, tip.
 * Repeats of one warning in one column are one line with a count and the first rows
 * ("kolom X: 44 keer … (rijen 3, 5, 9, …)"). Everything from the file is printed with its
 * control characters made visible.
 */
export function printProblems(
  effects: Effects,
  problems: readonly Problem[],
  kind: "error" | "warning",
  total = problems.length,
): void {
  const color = useColor(effects);
  const label = msg.problemLabel[kind];
  const tint = (s: string) => (color ? `\u001b[${kind === "error" ? "31" : "33"}m${s}\u001b[0m` : s);
  // Errors each on their own line: every one names a row to fix, with its own value. Warnings
  // repeat per cell, so they are grouped.
  const groups =
    kind === "warning"
      ? groupProblems(problems, rowsShown)
      : problems.map((p) => ({ first: p, count: 1, rows: p.row === undefined ? [] : [p.row] }));
  for (const group of groups) {
    const p = group.first;
    const repeated = group.count > 1;
    const where = [
      p.file,
      p.row === undefined || repeated ? undefined : msg.row(p.row),
      p.column === undefined ? undefined : msg.column(p.column),
    ]
      .filter((x) => x !== undefined)
      .map((x) => visibleText(x))
      .join(", ");
    const what = repeated ? msg.repeated(group.count, group.rows, p.message) : p.message;
    effects.stderr.write(`${tint(`${label}:`)} ${where === "" ? "" : `${where}: `}${visibleText(what)}\n`);
    const details = [
      p.value === undefined
        ? undefined
        : `${repeated ? msg.foundFirst : msg.found}: "${visibleText(p.value)}"`,
      p.expected === undefined ? undefined : `${msg.expected}: ${visibleText(p.expected)}`,
      p.hint === undefined ? undefined : `${msg.hint}: ${visibleText(p.hint)}`,
    ].filter((x) => x !== undefined);
    if (details.length > 0) effects.stderr.write(`    ${details.join(" · ")}\n`);
  }
  if (total > problems.length) effects.stderr.write(`${msg.moreProblems(problems.length, total, kind)}\n`);
}

/** A file's problems as a command reports them: the kept lists, and the counts when more were found. */
export interface ProblemLists {
  errors: readonly Problem[];
  warnings: readonly Problem[];
  errorCount?: number;
  warningCount?: number;
}

/** Errors first, then warnings: the one real error must not scroll away under the warnings. */
export function printErrorsAndWarnings(effects: Effects, problems: ProblemLists): void {
  printProblems(effects, problems.errors, "error", problems.errorCount);
  printProblems(effects, problems.warnings, "warning", problems.warningCount);
}

/** For --json: the full lists stay; the groups are added beside them. */
export function problemGroups(problems: { errors: readonly Problem[]; warnings: readonly Problem[] }): {
  errors: ProblemGroup[];
  warnings: ProblemGroup[];
} {
  return {
    errors: groupProblems(problems.errors, rowsShown),
    warnings: groupProblems(problems.warnings, rowsShown),
  };
}
