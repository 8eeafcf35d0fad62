import type { Instrument, Problem, Result, SurveyResponse } from "@zaz/model";
import { fail, ok } from "@zaz/model";
import { excludesRows, rowExclusion } from "../read/row-exclusion.js";
import type { ContextResolver } from "./context-resolver.js";
import { convertRow, type SourceRow } from "./convert-row.js";
import { type IngestPlan, planIngest } from "./ingest-plan.js";
import { countExcluded, countResponse, emptyStats, type IngestStats } from "./ingest-stats.js";
import { ingestMessages as msg } from "./messages.js";
import { ProblemCollector } from "./problem-collector.js";
import { type ColumnMapping, type ColumnRole, proposeMapping } from "./propose-mapping.js";
import { repeatedHeaderProblem, repeatedHeaders } from "./repeated-headers.js";

/** The rows of an export, as the reader gives them. */
export interface RowSource {
  header: readonly string[];
  roles: readonly (ColumnRole | undefined)[];
  rows(): AsyncIterable<SourceRow>;
}

/** Thrown by `responses()` after the last row when any row had an error: the store rolls back. */
export class IngestRejected extends Error {
  constructor(readonly problems: ProblemCollector) {
    super(`ingest rejected: ${problems.errorCount} error(s)`);
    this.name = "IngestRejected";
  }
}

export interface IngestSession {
  plan: IngestPlan;
  columns: ColumnMapping[];
  problems: ProblemCollector;
  stats: IngestStats;
  /**
   * Converts the rows one by one (streaming; memory does not grow with the file). Rows with
   * errors are not yielded; after the last row, if there were errors, it throws IngestRejected.
   */
  responses(): AsyncGenerator<SurveyResponse>;
}

export interface PrepareOptions {
  file: string;
  instrument: Instrument;
  /** a reviewed mapping; without it, columns are matched by id, alias and question text */
  columns?: readonly ColumnMapping[];
  context: Readonly<Record<string, string>>;
  pseudonymKey: Uint8Array;
  /** problems found before (e.g. by the reader or the mapping file), carried into the session */
  warnings?: readonly Problem[];
  /** one collector for the reader's row problems and the rows' own, so one cap holds for both */
  problems?: ProblemCollector;
  /** checks the flags once and every row's context (school and board names → registry ids) */
  resolveContext?: ContextResolver;
  /** import responses the respondent did not finish (Qualtrics Finished = False); previews never */
  keepUnfinished?: boolean;
}

export function prepareIngest(source: RowSource, options: PrepareOptions): Result<IngestSession> {
  // Without a mapping by column number, a repeated header cannot say which item its columns are.
  const repeated = options.columns ? [] : repeatedHeaders(source.header);
  if (repeated.length > 0)
    return fail(
      repeated.map((r) => repeatedHeaderProblem(r, options.file)),
      [...(options.warnings ?? [])],
    );
  const columns = options.columns
    ? [...options.columns]
    : proposeMapping(source.header, options.instrument, source.roles);
  const planned = planIngest({
    file: options.file,
    instrument: options.instrument,
    columns,
    context: options.context,
    pseudonymKey: options.pseudonymKey,
  });
  if (!planned.ok) return fail(planned.errors, [...(options.warnings ?? []), ...planned.warnings]);
  const resolved = resolveFlags(planned.value, options.resolveContext);
  if (!resolved.ok) return fail(resolved.errors, [...(options.warnings ?? []), ...planned.warnings]);
  const problems = options.problems ?? new ProblemCollector();
  for (const w of options.warnings ?? []) problems.warning(w);
  for (const w of planned.warnings) problems.warning(w);
  const stats = emptyStats();
  for (const c of columns) {
    if (c.target.kind === "ignore") {
      stats.columnsDropped.push({ header: c.header, reason: msg.ignoreReason(c.target.reason) });
      if (c.target.reason === "identifier") stats.identifiersDropped++;
    }
  }
  const plan = resolved.value;
  async function* responses(): AsyncGenerator<SurveyResponse> {
    const filtered = excludesRows(source.roles);
    for await (const row of source.rows()) {
      stats.rowsRead++;
      if (filtered) {
        const excluded = rowExclusion(source.roles, row.fields);
        if (excluded === "preview" || (excluded === "unfinished" && !options.keepUnfinished)) {
          countExcluded(stats, excluded);
          continue;
        }
      }
      const response = convertRow(plan, row, problems);
      if (response === undefined) continue;
      countResponse(stats, response);
      // After the first error nothing will be stored; keep reading only to report every problem.
      if (problems.ok) yield response;
    }
    if (!problems.ok) throw new IngestRejected(problems);
  }
  return ok({ plan, columns, problems, stats, responses });
}

/**
 * The flags' values, checked against the resolver once (not per row) and replaced by what it
 * gives (ids); the resolver goes with the plan for the rows' own values.
 */
function resolveFlags(plan: IngestPlan, resolver: ContextResolver | undefined): Result<IngestPlan> {
  if (resolver === undefined) return ok(plan);
  const flags = { ...plan.fixedContext, ...plan.flagContext };
  const resolved = resolver.resolve(flags);
  if (!resolved.ok) {
    return fail(
      resolved.issues.map(
        (i): Problem => ({
          code: i.code,
          message: i.message,
          file: plan.file,
          path: `--${i.dimension}`,
          value: i.value,
          ...(i.expected === undefined ? {} : { expected: i.expected }),
          ...(i.hint === undefined ? {} : { hint: i.hint }),
        }),
      ),
    );
  }
  const pick = (from: Record<string, string>) =>
    Object.fromEntries(Object.keys(from).map((k) => [k, resolved.context[k] ?? from[k] ?? ""]));
  return ok({
    ...plan,
    fixedContext: pick(plan.fixedContext),
    flagContext: pick(plan.flagContext),
    resolveContext: resolver,
  });
}
