import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import type { TopLevelSpec } from "vega-lite";
import { compile } from "vega-lite";

const require = createRequire(import.meta.url);
const schema = require("vega-lite/vega-lite-schema.json") as object;

let validator: ValidateFunction | undefined;

/** Errors of validating a spec against Vega-Lite's own JSON Schema (draft-07); empty when valid. */
export function schemaErrors(spec: TopLevelSpec): string[] {
  // Compiled once per test file: the schema is large (about a second to compile).
  validator ??= new Ajv({ strict: false, allErrors: false, validateFormats: false, logger: false }).compile(
    schema,
  );
  if (validator(spec)) return [];
  return (validator.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}

/** Keys whose string values Vega evaluates as expressions. */
const expressionKeys = new Set(["expr", "signal", "test", "update", "calculate", "labelExpr", "filter"]);

/**
 * Every expression string of a compiled Vega spec. Used to prove that no user text reaches an
 * expression: in the browser, Vega's CSP interpreter evaluates these.
 */
export function vegaExpressions(spec: TopLevelSpec): string[] {
  const found: string[] = [];
  const walk = (node: unknown, key: string | undefined): void => {
    if (typeof node === "string") {
      if (key !== undefined && expressionKeys.has(key)) found.push(node);
      return;
    }
    if (Array.isArray(node)) for (const child of node) walk(child, key);
    else if (node !== null && typeof node === "object") {
      // Inline data is data, not expressions.
      for (const [childKey, child] of Object.entries(node)) if (childKey !== "values") walk(child, childKey);
    }
  };
  walk(compile(spec).spec, undefined);
  return found;
}

/** Counts the SVG elements Vega drew for marks of a role, e.g. mark-rect role-mark. */
export function countMarks(svg: string, markType: string, element: string): number {
  const group = new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*>([\\s\\S]*?)</g>`, "g");
  let count = 0;
  for (const match of svg.matchAll(group)) count += match[1]!.split(`<${element}`).length - 1;
  return count;
}

/** The data rows of a spec (inline values at the top level). */
export function specRows(spec: TopLevelSpec): Record<string, unknown>[] {
  const data = (spec as { data?: { values?: unknown } }).data;
  if (!Array.isArray(data?.values)) throw new Error("spec has no inline data");
  return data.values as Record<string, unknown>[];
}

/** Fields that may hold a number in a suppressed row: positions, not measurements. */
const orderFields = /(^order$|Order$)/;

/**
 * Every row the spec draws from or the table shows that is suppressed must carry no measurement:
 * numbers only in ordering fields. Returns the offending "field=value" pairs.
 */
export function leakedNumbers(rows: readonly Record<string, unknown>[]): string[] {
  const leaks: string[] = [];
  for (const row of rows) {
    const suppressed =
      row.status === "suppressed" || (typeof row.status === "string" && row.status.startsWith("onderdrukt"));
    if (!suppressed) continue;
    for (const [field, value] of Object.entries(row)) {
      if (typeof value === "number" && !orderFields.test(field)) leaks.push(`${field}=${value}`);
    }
  }
  return leaks;
}
