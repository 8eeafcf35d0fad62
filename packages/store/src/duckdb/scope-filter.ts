import { Params } from "../analysis/params.js";
import type { ContextFilter, ResponseScope } from "../store.js";
import { inCompleteImport } from "./pending-imports.js";

export { Params };

/**
 * The WHERE condition selecting responses (alias `r`) in a scope: the instrument, and per context
 * dimension one semi-join on response_context. An empty list of values matches nothing. Responses
 * of a pending import are never in scope: an import appears all at once.
 */
export function scopeCondition(scope: Partial<ResponseScope> | undefined, params: Params): string {
  const conditions: string[] = [inCompleteImport("r")];
  if (scope?.instrumentId !== undefined)
    conditions.push(`r.instrument_id = ${params.add(scope.instrumentId)}`);
  conditions.push(...contextConditions(scope?.where, params));
  return conditions.join(" AND ");
}

function contextConditions(where: ContextFilter | undefined, params: Params): string[] {
  if (where === undefined) return [];
  return Object.entries(where).map(([dimension, wanted]) => {
    const values: readonly string[] = typeof wanted === "string" ? [wanted] : wanted;
    if (values.length === 0) return "FALSE";
    const list = values.map((v) => params.add(v)).join(", ");
    return `r.id IN (SELECT c.response_id FROM response_context c
      WHERE c.dimension = ${params.add(dimension)} AND c.value IN (${list}))`;
  });
}
