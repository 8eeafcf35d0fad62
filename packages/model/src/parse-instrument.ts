import type { z } from "zod";
import { type Instrument, instrumentSchema } from "./instrument-schema.js";
import { describeFound, dutchTypeName, instrumentMessages as msg } from "./messages.js";
import { fail, formatPath, ok, type Problem, type Result } from "./problem.js";

type ZodIssue = z.core.$ZodIssue;

function printable(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return String(value);
  }
}

function toProblem(issue: ZodIssue, file: string | undefined): Problem {
  const path = formatPath(issue.path);
  let text: string;
  let expected: string | undefined;
  switch (issue.code) {
    case "invalid_type":
      expected = dutchTypeName(issue.expected);
      text =
        issue.input === undefined
          ? msg.missingField(expected)
          : msg.invalidType(expected, describeFound(issue.input));
      break;
    case "unrecognized_keys":
      text = msg.unknownKeys(issue.keys);
      expected = "alleen de velden van het schema";
      break;
    case "invalid_value":
      expected = issue.values.map(String).join(", ");
      text = msg.invalidValue(issue.values.map(String));
      break;
    case "too_small": {
      const what = issue.origin === "array" ? "element(en)" : issue.origin === "string" ? "teken(s)" : "";
      expected = `minstens ${String(issue.minimum)} ${what}`.trim();
      text = msg.tooSmall(String(issue.minimum), what);
      break;
    }
    case "too_big": {
      const what = issue.origin === "array" ? "element(en)" : issue.origin === "string" ? "teken(s)" : "";
      expected = `hoogstens ${String(issue.maximum)} ${what}`.trim();
      text = msg.tooBig(String(issue.maximum), what);
      break;
    }
    case "custom": {
      text = issue.message;
      const params = issue.params as { expected?: unknown } | undefined;
      if (typeof params?.expected === "string") expected = params.expected;
      break;
    }
    default:
      text = issue.message;
  }
  const problem: Problem = {
    code: `instrument-${issue.code.replaceAll("_", "-")}`,
    message: msg.field(path, text),
    path,
  };
  if (file !== undefined) problem.file = file;
  const value = printable(issue.input);
  if (value !== undefined) problem.value = value;
  if (expected !== undefined) problem.expected = expected;
  return problem;
}

/** Validates parsed instrument data against the schema; every problem names its field path. */
export function parseInstrument(data: unknown, file?: string): Result<Instrument> {
  const parsed = instrumentSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  return fail(parsed.error.issues.map((issue) => toProblem(issue, file)));
}

/** Parses the text of an instrument file (JSON) and validates it. */
export function parseInstrumentText(text: string, file?: string): Result<Instrument> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const problem: Problem = {
      code: "instrument-invalid-json",
      message: msg.invalidJson(detail),
      expected: "JSON",
    };
    if (file !== undefined) problem.file = file;
    return fail([problem]);
  }
  return parseInstrument(data, file);
}
