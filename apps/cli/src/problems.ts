import type { Problem } from "@zaz/model";
import { type Effects, useColor } from "./effects.js";
import { cliMessages as msg } from "./messages.js";

/** Prints problems as a readable Dutch list on stderr: where, what, found, expected, tip. */
export function printProblems(
  effects: Effects,
  problems: readonly Problem[],
  kind: "error" | "warning",
  total = problems.length,
): void {
  const color = useColor(effects);
  const label = msg.problemLabel[kind];
  const tint = (s: string) => (color ? `\u001b[${kind === "error" ? "31" : "33"}m${s}\u001b[0m` : s);
  for (const p of problems) {
    const where = [
      p.file,
      p.row === undefined ? undefined : msg.row(p.row),
      p.column === undefined ? undefined : msg.column(p.column),
    ]
      .filter((x) => x !== undefined)
      .join(", ");
    effects.stderr.write(`${tint(`${label}:`)} ${where === "" ? "" : `${where}: `}${p.message}\n`);
    const details = [
      p.value === undefined ? undefined : `${msg.found}: "${p.value}"`,
      p.expected === undefined ? undefined : `${msg.expected}: ${p.expected}`,
      p.hint === undefined ? undefined : `${msg.hint}: ${p.hint}`,
    ].filter((x) => x !== undefined);
    if (details.length > 0) effects.stderr.write(`    ${details.join(" · ")}\n`);
  }
  if (total > problems.length) effects.stderr.write(`${msg.moreProblems(problems.length, total, kind)}\n`);
}
