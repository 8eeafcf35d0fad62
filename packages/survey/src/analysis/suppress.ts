/**
 * Suppression: the one place where raw group values become Cells. Every exported aggregate of the
 * analysis passes through here; nothing else constructs a shown Cell.
 *
 * Primary suppression. A value is shown only when at least `threshold` respondents stand behind
 * it (k, default 5; for free text kText, default 10). For formative feedback on student teachers
 * (instruments with purpose "ontwikkeling") there must also be at least `threshold` distinct
 * students. A group with nobody in it is "geen gegevens", distinct from "minder dan 5 respondenten".
 *
 * Complementary suppression. The groups of a table partition the scope's total exactly (responses
 * without a value for a grouping dimension form their own "onbekend" group), so each column is an
 * additive set: total = Σ groups. Within each additive set:
 *   1. if the total is below the threshold, the total and every group are suppressed;
 *   2. otherwise, as long as some non-empty group is suppressed and the suppressed non-empty groups
 *      are fewer than two or together hold fewer than `threshold` respondents (or students), the
 *      smallest group still shown (by respondents, then students, then table order) is suppressed
 *      as well. (A group hidden in this column but with nobody in it hides nothing, so it does not
 *      count towards the two.) If no group is left to hide and the hidden ones are still one, or
 *      still too small together, the total is hidden too.
 * Subtracting the shown groups from the shown total then yields only the combined value of two or
 * more suppressed groups that together reach the threshold, never one small group.
 * The rule runs first on the n-only column (response counts, and with them response rates and
 * student counts); a group suppressed there is suppressed in every column, so that a count can
 * never be read off another column's n. Then it runs per value column (per construct, per item),
 * where a group may have fewer valid answers than responses.
 *
 * Between results. A wave comparison shows a change only where both waves' cells are shown
 * (`joinShown`). Across tables and views, the release (release/release.ts) decides: a group it hides
 * (`GroupData.release`) is hidden here in the count column or in the columns it names, whatever this
 * table alone would allow; a total it hides leaves the groups to the release's own guarantee.
 *
 * Student feedback is never grouped or filtered per student (grouping.ts refuses it); a student's
 * own responses leave the analysis only through `ownResponses`, for that student's own report.
 */

import type { SurveyResponse } from "@zaz/model";
import { reportSuppressed } from "../release/suppression-audit.js";
import { type Cell, SuppressionReason as Reason, type SuppressionReason } from "./cell.js";
import type { GroupKey, GroupPlan } from "./group-plan.js";
import { analysisMessages as msg } from "./messages.js";
import { assertPrivacy, type PrivacySettings } from "./privacy-settings.js";
import type { RawCell, RawRow, RawTable } from "./raw-table.js";

export interface SuppressionRule {
  /** fewest respondents (and students, where counted) behind a shown value */
  readonly threshold: number;
  /** student feedback: distinct students must reach the threshold too */
  readonly countStudents: boolean;
}

/** The rule for a partition: k for values, kText for free text; students counted for student feedback. */
export function ruleFor(
  privacy: PrivacySettings,
  part: Pick<GroupPlan, "studentDimension">,
  text = false,
): SuppressionRule {
  assertPrivacy(privacy);
  return { threshold: text ? privacy.kText : privacy.k, countStudents: part.studentDimension !== null };
}

/** A group's row after suppression: every value a Cell. */
export interface SuppressedRow<T> {
  readonly key: GroupKey;
  /** number of responses; value = n */
  readonly responses: Cell<number>;
  /** distinct students (student feedback only), shown exactly where the response count is */
  readonly students: Cell<number> | null;
  readonly cells: Readonly<Record<string, Cell<T>>>;
}

export interface SuppressedTable<T> {
  readonly total: SuppressedRow<T>;
  readonly groups: readonly SuppressedRow<T>[];
}

type Status =
  | { readonly kind: "shown" }
  | { readonly kind: "empty" }
  | { readonly kind: "suppressed"; readonly reason: SuppressionReason };

const shownStatus: Status = { kind: "shown" };
const emptyStatus: Status = { kind: "empty" };
const suppressedStatus = (reason: SuppressionReason): Status => ({ kind: "suppressed", reason });

interface Size {
  readonly responses: number;
  readonly students: ReadonlySet<string> | null;
}

function smallReason(size: Size, rule: SuppressionRule): SuppressionReason | null {
  if (size.responses < rule.threshold) return Reason.belowK;
  if (rule.countStudents && (size.students?.size ?? 0) < rule.threshold) return Reason.studentFeedback;
  return null;
}

function ownStatus(size: Size, rule: SuppressionRule): Status {
  if (size.responses === 0) return emptyStatus;
  const reason = smallReason(size, rule);
  return reason === null ? shownStatus : suppressedStatus(reason);
}

function union(sizes: readonly Size[]): Size {
  let responses = 0;
  let students: Set<string> | null = null;
  for (const s of sizes) {
    responses += s.responses;
    if (s.students !== null) {
      students ??= new Set();
      for (const id of s.students) students.add(id);
    }
  }
  return { responses, students };
}

/** Applies primary and complementary suppression to one additive set (see the rule above). */
function resolveSet(
  total: Size,
  parts: readonly Size[],
  forced: readonly (Status | null)[],
  rule: SuppressionRule,
  forcedTotal: Status | null = null,
): { total: Status; parts: Status[] } {
  const own = ownStatus(total, rule);
  const parts2 = parts.map((p, i) => forced[i] ?? ownStatus(p, rule));
  // A large total the release hides: the release has made sure its groups do not give it away.
  if (forcedTotal !== null && own.kind === "shown") return { total: forcedTotal, parts: parts2 };
  const totalStatus = own;
  if (totalStatus.kind !== "shown") {
    // Nothing to subtract from; every non-empty group is small (or forced) anyway.
    return {
      total: totalStatus,
      parts: parts2.map((s, i) =>
        s.kind === "shown" ? suppressedStatus(smallReason(parts[i]!, rule) ?? Reason.complementary) : s,
      ),
    };
  }
  // A hidden group with nobody in this column hides nothing: only groups with responses count.
  const suppressed = () =>
    parts2.flatMap((s, i) => (s.kind === "suppressed" && parts[i]!.responses > 0 ? [i] : []));
  let hidden = suppressed();
  while (hidden.length > 0) {
    const combined = union(hidden.map((i) => parts[i]!));
    if (hidden.length >= 2 && smallReason(combined, rule) === null) break;
    let next = -1;
    parts2.forEach((s, i) => {
      if (s.kind !== "shown") return;
      if (next < 0 || compareSize(parts[i]!, parts[next]!) < 0) next = i;
    });
    if (next < 0) {
      // Every non-empty group is hidden, yet they are too few or too small together: the total
      // would give them away, so it is hidden as well.
      return { total: suppressedStatus(Reason.complementary), parts: parts2 };
    }
    parts2[next] = suppressedStatus(Reason.complementary);
    hidden = suppressed();
  }
  return { total: totalStatus, parts: parts2 };
}

function compareSize(a: Size, b: Size): number {
  return a.responses - b.responses || (a.students?.size ?? 0) - (b.students?.size ?? 0);
}

function labelFor(reason: SuppressionReason, rule: SuppressionRule): string {
  if (reason === Reason.belowK) return msg.belowK(rule.threshold);
  if (reason === Reason.studentFeedback) return msg.belowKStudents(rule.threshold);
  return msg.complementary;
}

function toCell<T>(status: Status, raw: RawCell<T>, rule: SuppressionRule): Cell<T> {
  if (status.kind === "suppressed")
    return { status: "suppressed", reason: status.reason, label: labelFor(status.reason, rule) };
  if (status.kind === "empty" || raw.value === null) return { status: "empty", label: msg.empty };
  return { status: "shown", n: raw.responses, value: raw.value };
}

/** Suppresses a whole table: the n-only column first, then every value column (see the rule above). */
export function suppressTable<T>(raw: RawTable<T>, rule: SuppressionRule): SuppressedTable<T> {
  // What the release over all views hides stays hidden here, whatever this table alone would allow.
  const released = (row: RawRow<T>, column?: string): Status | null => {
    const mark = row.data.release;
    if (mark === undefined) return null;
    if (!mark.all && (column === undefined || !mark.columns.has(raw.releaseKey(column)))) return null;
    const size = column === undefined ? row.count : (row.columns.get(column) ?? row.count);
    if (size.responses === 0) return null;
    return suppressedStatus(smallReason(size, rule) ?? Reason.complementary);
  };
  const countSet = resolveSet(
    raw.total.count,
    raw.groups.map((g) => g.count),
    raw.groups.map((g) => released(g)),
    rule,
    released(raw.total),
  );
  const forced = countSet.parts.map((s) => (s.kind === "suppressed" ? s : null));
  const columns = [...raw.total.columns.keys()];
  const totalCells: Record<string, Cell<T>> = {};
  const groupCells: Record<string, Cell<T>>[] = raw.groups.map(() => ({}));
  for (const column of columns) {
    const cellOf = (row: { columns: ReadonlyMap<string, RawCell<T>> }) => {
      const cell = row.columns.get(column);
      if (cell === undefined) throw new RangeError(`column ${column} missing from a row`);
      return cell;
    };
    const totalRaw = cellOf(raw.total);
    const groupRaw = raw.groups.map(cellOf);
    const set = resolveSet(
      totalRaw,
      groupRaw,
      forced.map((f, i) => f ?? released(raw.groups[i]!, column)),
      rule,
      released(raw.total, column),
    );
    // A total hidden in the count column stays hidden in every column.
    const totalStatus = countSet.total.kind === "suppressed" ? countSet.total : set.total;
    totalCells[column] = toCell(totalStatus, totalRaw, rule);
    set.parts.forEach((s, i) => {
      groupCells[i]![column] = toCell(s, groupRaw[i]!, rule);
    });
  }
  const row = (
    key: GroupKey,
    count: RawCell<number>,
    status: Status,
    cells: Record<string, Cell<T>>,
  ): SuppressedRow<T> => {
    const responses = toCell(status, count, rule);
    const students =
      count.students === null
        ? null
        : responses.status === "shown"
          ? ({ status: "shown", n: responses.n, value: count.students.size } as const)
          : responses;
    return { key, responses, students, cells };
  };
  audit(raw, countSet.total, countSet.parts, totalCells, groupCells);
  return {
    total: row(raw.total.key, raw.total.count, countSet.total, totalCells),
    groups: raw.groups.map((g, i) => row(g.key, g.count, countSet.parts[i]!, groupCells[i]!)),
  };
}

/** Tells the release audit (if one listens) what this table shows of each group. */
function audit<T>(
  raw: RawTable<T>,
  total: Status,
  parts: readonly Status[],
  totalCells: Readonly<Record<string, Cell<T>>>,
  groupCells: readonly Readonly<Record<string, Cell<T>>>[],
): void {
  const rows: [RawRow<T>, Status, Readonly<Record<string, Cell<T>>>][] = [
    [raw.total, total, totalCells],
    ...raw.groups.map((g, i): [RawRow<T>, Status, Readonly<Record<string, Cell<T>>>] => [
      g,
      parts[i]!,
      groupCells[i]!,
    ]),
  ];
  for (const [row, status, cells] of rows) {
    const { definition, role = "" } = row.data;
    if (definition === undefined) continue;
    reportSuppressed({
      role,
      definition,
      column: "n",
      shown: status.kind === "shown",
      responses: row.count.responses,
    });
    for (const [column, cell] of Object.entries(cells))
      reportSuppressed({
        role,
        definition,
        column: raw.releaseKey(column),
        shown: cell.status === "shown",
        responses: row.columns.get(column)?.responses ?? 0,
      });
  }
}

/** A single value with no additive set around it (e.g. a reliability over the whole scope). */
export function suppressSingle<T>(raw: RawCell<T>, rule: SuppressionRule): Cell<T> {
  return toCell(ownStatus(raw, rule), raw, rule);
}

/**
 * A value built from two already-suppressed cells (e.g. the change between two waves): shown only
 * when both are shown; otherwise the first cell that is not, so nothing of a hidden cell returns.
 * `join` says which n the new value rests on.
 */
export function joinShown<A, B, C>(
  a: Cell<A>,
  b: Cell<B>,
  join: (a: A, b: B, nA: number, nB: number) => { n: number; value: C },
): Cell<C> {
  if (a.status !== "shown") return a;
  if (b.status !== "shown") return b;
  const joined = join(a.value, b.value, a.n, b.n);
  return { status: "shown", n: joined.n, value: joined.value };
}

/**
 * One student's own responses, for that student's development report only: the single place where
 * feedback leaves the analysis per student.
 */
export function ownResponses(
  responses: readonly SurveyResponse[],
  studentDimension: string,
  student: string,
): SurveyResponse[] {
  if (student === "") return [];
  return responses.filter((r) => r.context[studentDimension] === student);
}
