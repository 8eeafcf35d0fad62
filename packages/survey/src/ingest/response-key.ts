import { createHash } from "node:crypto";
import type { IngestPlan } from "./ingest-plan.js";
import { foldText } from "./normalise-text.js";

/**
 * A response's identity (contract C2 of issue 9): the export's own id, or else the row's content —
 * in both cases together with its context, because two schools' separate surveys may both number
 * their responses 1, 2, 3. Reordering the rows of an export does not change any key.
 *
 * The DuckDB fast path computes the same key in SQL (store: csv-import.ts) from the parts below:
 * sha256 over the instrument id, the context as "\0k=v" in key order, and for a row key "\u0001"
 * and every field as "\0" + the field with its line endings as LF (CRLF and CR → LF, so a
 * re-export with other line endings inside a quoted answer keeps its key), trimmed as
 * String.prototype.trim does. Keys of rows without a CR are the same as before this rule.
 */
export function responseKey(
  plan: IngestPlan,
  fields: readonly string[],
  context: Readonly<Record<string, string>>,
): string {
  const hash = createHash("sha256");
  hash.update(contextKeyText(plan.instrument.id, context));
  if (plan.responseIdColumn !== undefined && (fields[plan.responseIdColumn] ?? "").trim() !== "") {
    const id = responseKeyId(fields[plan.responseIdColumn] ?? "");
    return `id:${id}:${hash.digest("hex").slice(0, 12)}`;
  }
  hash.update("\u0001");
  for (const f of fields) hash.update(`\u0000${keyField(f)}`);
  return `row:${hash.digest("hex").slice(0, 32)}`;
}

/** the export's response id as the key holds it */
export function responseKeyId(raw: string): string {
  return foldText(raw);
}

/** a field as the row key reads it: line endings as LF, trimmed */
export function keyField(field: string): string {
  return field.replace(/\r\n?/g, "\n").trim();
}

function contextKeyText(instrumentId: string, context: Readonly<Record<string, string>>): string {
  let text = instrumentId;
  for (const k of Object.keys(context).sort()) text += `\u0000${k}=${context[k]}`;
  return text;
}

/**
 * The context part of the hashed text, split where the respondent's entry (`key`, which the fast
 * path adds per row) sorts: before + "\0key=pseudonym" + after, or before + after without one.
 */
export function responseKeyContext(
  plan: IngestPlan,
  context: Readonly<Record<string, string>>,
  key: string,
): { before: string; after: string } {
  const keys = Object.keys(context)
    .filter((k) => k !== key)
    .sort();
  const part = (ks: string[]) => ks.map((k) => `\u0000${k}=${context[k]}`).join("");
  return {
    before: plan.instrument.id + part(keys.filter((k) => k < key)),
    after: part(keys.filter((k) => k > key)),
  };
}
