import { type Instrument, leerlijnSource, profieleisenForItem } from "@zaz/model";
import {
  type Cell as AnalysisCell,
  type AnsweredTable,
  answeredTexts,
  type GroupData,
  type GroupedData,
  type GroupKey,
  type ItemTable,
  type OpenAnswers,
  openAnswers,
  planGroups,
  summariseItems,
} from "@zaz/survey";
import { countCell, hiddenCell } from "../cells.js";
import { type FeedbackQuestion, feedbackQuestions } from "../data/feedback-questions.js";
import { groupedData, noData } from "../data/grouped.js";
import { cohortLabel } from "../data/names.js";
import type { Source } from "../data/source.js";
import { textReader } from "../data/texts.js";
import { formatCount, formatPercent } from "../format.js";
import { viewMessages as msg } from "../messages.js";
import type { Cell, CellValue, Section, Table } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { unwrap } from "../views/view-base.js";
import { groupLabel } from "./construct-matrix.js";

/** The rows of a table per fase, or its total under the one fase filtered on. */
export function perFase<G extends { key: GroupKey }>(
  table: { groups: readonly G[]; total: G },
  filters: Readonly<Record<string, string>>,
  label: string,
): { code: string; label: string; group: G }[] {
  if (filters.fase !== undefined) return [{ code: filters.fase, label, group: table.total }];
  return table.groups.map((g) => ({ code: g.key[0]?.code ?? "", label: groupLabel(g.key), group: g }));
}

/** A count of distinct students: the count is its own n (never the forms or answers behind it). */
export function studentsCell(cell: AnalysisCell<number> | null | undefined, k: number): Cell {
  if (cell === null || cell === undefined || cell.status !== "shown") return hiddenCell(cell ?? undefined, k);
  return { status: "shown", text: formatCount(cell.value), value: cell.value, n: cell.value };
}

/**
 * The profieleisen a question bears on. The links are kept per role (leerlijn-link.ts), so an
 * adapted copy of the instrument under another id keeps them.
 */
export function questionLinks(instrument: Instrument, role: string, question: FeedbackQuestion): string[] {
  const item = question.open ?? question.closed;
  if (item === null) return [];
  return profieleisenForItem({ ...instrument, id: role }, item).map((p) => p.id);
}

export interface OpleidingsoudersResult {
  readonly section: Section;
  readonly questions: readonly FeedbackQuestion[];
  /** per fase (or the fase filtered on): forms with an open answer, per question */
  readonly answered: AnsweredTable;
  readonly forms: Cell;
  readonly students: Cell;
}

/**
 * Free text is asked of every form (the questions have no condition), so the students behind a
 * question's free text are the group's students: the store lists students per valid coded answer
 * only, and without this every free-text cell of student feedback would count no student at all.
 */
function withTextStudents(data: GroupedData, texts: readonly string[]): GroupedData {
  const widen = (g: GroupData): GroupData =>
    g.students === null
      ? g
      : {
          ...g,
          students: {
            ...g.students,
            items: {
              ...g.students.items,
              ...Object.fromEntries(texts.map((t) => [t, g.students?.all ?? new Set()])),
            },
          },
        };
  return {
    total: data.total === undefined ? undefined : widen(data.total),
    groups: data.groups.map(widen),
    ...(data.clusters === undefined ? {} : { clusters: data.clusters }),
  };
}

/**
 * Opleidingsouders' feedback as the source frames it: open questions, no score. A lecturer sees how
 * many forms answered each question per fase, the counts of a closed answer where a school's form
 * has one, the number of forms and students per kind of conversation and cohort, and the answers
 * themselves where the group reaches kText. Every group comes through groupedData, so the release
 * over all views covers it.
 */
export async function opleidingsoudersSection(
  context: ViewContext,
  source: Source,
  where: Record<string, string>,
  filters: Record<string, string>,
  by: string[],
): Promise<OpleidingsoudersResult | null> {
  const { privacy } = context;
  const k = privacy.k;
  const instrument = source.instrument;
  const questions = feedbackQuestions(instrument);
  const openIds = questions.flatMap((q) => (q.open === null ? [] : [q.open]));
  const closedIds = questions.flatMap((q) => (q.closed === null ? [] : [q.closed]));
  const plan = unwrap(planGroups(instrument, { scope: where, by }));
  const raw =
    (
      await groupedData(context, source, where, { by, student: "student", items: closedIds, texts: openIds })
    ).get("") ?? noData;
  if ((raw.total?.responses ?? 0) === 0) return null;
  const data = withTextStudents(raw, openIds);
  const answered = unwrap(
    await answeredTexts(
      instrument,
      plan,
      data,
      { items: openIds, privacy },
      textReader(context, source, where, 1),
    ),
  );
  const fasen = perFase(answered, filters, filters.fase ?? "");
  const tables: Table[] = [];
  if (openIds.length > 0)
    tables.push({
      id: "oo-vragen",
      caption: msg.answeredCaption,
      columns: [
        { key: "vraag", title: "vraag", wrap: true },
        ...fasen.map((f) => ({ key: f.code, title: f.label, align: "right" as const })),
      ],
      rows: questions.flatMap((q) => {
        if (q.open === null) return [];
        const row: Record<string, CellValue> = {
          vraag: `${questions.indexOf(q) + 1}. ${msg.withLinks(q.text, questionLinks(instrument, source.role, q))}`,
        };
        for (const f of fasen) {
          const cell = f.group.items[q.open];
          row[f.code] =
            cell?.status === "shown"
              ? {
                  status: "shown",
                  text: msg.answeredCell(formatCount(cell.value), formatCount(cell.n)),
                  value: cell.value,
                  n: cell.n,
                  title: msg.answeredTitle(cell.value, cell.n),
                }
              : hiddenCell(cell, k);
        }
        return [row];
      }),
      notes: [msg.answeredNote, msg.legendHidden(k)],
    });
  if (closedIds.length > 0) {
    const closed = unwrap(summariseItems(instrument, plan, raw, { items: closedIds, privacy }));
    const table = closedTable(instrument, questions, closed, filters, k);
    if (table !== null) tables.push(table);
  }
  for (const d of ["gesprekssoort", "cohort"] as const) {
    if (filters[d] !== undefined || !instrument.dimensions.some((x) => x.id === d)) continue;
    tables.push(await formsTable(context, source, where, d));
  }
  if (openIds.length > 0) {
    const total: GroupedData = { total: data.total, groups: [] };
    const open = unwrap(
      await openAnswers(
        instrument,
        unwrap(planGroups(instrument, { scope: where, by: [] })),
        total,
        { items: openIds, privacy },
        textReader(context, source, where),
      ),
    );
    questions.forEach((q, i) => {
      if (q.open !== null) tables.push(openTable(q, i + 1, open.total.items[q.open], k));
    });
  }
  return {
    questions,
    answered,
    forms: countCell(answered.total.responses, k),
    students: studentsCell(answered.total.students, k),
    section: {
      id: "opleidingsouders",
      heading: msg.opleidingsoudersHeading,
      intro: msg.opleidingsoudersIntro(leerlijnSource, k, privacy.kText),
      tables,
      charts: [],
    },
  };
}

/** One row per question and answer: how often each short answer was given, per fase — a count, never a mean. */
function closedTable(
  instrument: Instrument,
  questions: readonly FeedbackQuestion[],
  closed: ItemTable,
  filters: Record<string, string>,
  k: number,
): Table | null {
  const fasen = perFase(closed, filters, filters.fase ?? "");
  const rows: Record<string, CellValue>[] = [];
  for (const q of questions) {
    const item = instrument.items.find((i) => i.id === q.closed);
    const scale = instrument.scales.find((s) => s.id === item?.scale);
    if (item === undefined || scale === undefined) continue;
    const answers = [
      ...scale.labels.map((l) => ({ label: l.label, code: l.code as number | null, missing: null })),
      ...scale.missing.map((m) => ({ label: m.label, code: null, missing: m.kind })),
    ];
    for (const answer of answers) {
      const row: Record<string, CellValue> = { vraag: `${item.text} — ${answer.label}` };
      for (const f of fasen) {
        const cell = f.group.items[item.id];
        if (cell?.status !== "shown") {
          row[f.code] = hiddenCell(cell, k);
          continue;
        }
        const entry = cell.value.distribution.find((e) =>
          answer.code === null ? e.missing === answer.missing : e.code === answer.code,
        );
        const count = entry?.count ?? 0;
        row[f.code] = {
          status: "shown",
          text:
            answer.code === null
              ? formatCount(count)
              : `${formatCount(count)} (${formatPercent(count / cell.n)})`,
          value: count,
          n: cell.n,
          title: msg.closedTitle(count, cell.n),
        };
      }
      rows.push(row);
    }
  }
  if (rows.length === 0) return null;
  return {
    id: "oo-kort",
    caption: msg.closedCaption,
    columns: [
      { key: "vraag", title: "vraag en antwoord", wrap: true },
      ...fasen.map((f) => ({ key: f.code, title: f.label, align: "right" as const })),
    ],
    rows,
    notes: [msg.closedNote, msg.legendHidden(k)],
  };
}

/** Forms and distinct students per kind of conversation or cohort (with the total): what the feedback rests on. */
async function formsTable(
  context: ViewContext,
  source: Source,
  where: Record<string, string>,
  d: "gesprekssoort" | "cohort",
): Promise<Table> {
  const { privacy } = context;
  const instrument = source.instrument;
  const plan = unwrap(planGroups(instrument, { scope: where, by: [d] }));
  const data = (await groupedData(context, source, where, { by: [d], student: "student" })).get("") ?? noData;
  const counts = unwrap(
    await answeredTexts(
      instrument,
      plan,
      data,
      { items: [], privacy },
      textReader(context, source, where, 1),
    ),
  );
  const label = (key: GroupKey) =>
    d === "cohort" ? key.map((l) => cohortLabel(l.code).name).join(", ") : groupLabel(key);
  const titles = { gesprekssoort: "soort gesprek", cohort: "cohort" };
  const captions = { gesprekssoort: "per soort gesprek", cohort: "per cohort" };
  return {
    id: `oo-${d}`,
    caption: msg.formsCaption(captions[d]),
    columns: [
      { key: "groep", title: titles[d] },
      { key: "formulieren", title: "formulieren", align: "right" },
      { key: "studenten", title: "studenten", align: "right" },
    ],
    rows: [...counts.groups, counts.total].map((g) => ({
      groep: g === counts.total ? msg.total : label(g.key),
      formulieren: countCell(g.responses, privacy.k),
      studenten: studentsCell(g.students, privacy.k),
    })),
    notes: [msg.formsNote, msg.legendHidden(privacy.k)],
  };
}

/**
 * The answers to one question over the whole selection, where it reaches kText: each distinct
 * answer once with how often it was given — a plain count of the same words, no interpretation.
 */
function openTable(
  q: FeedbackQuestion,
  number: number,
  cell: AnalysisCell<OpenAnswers> | undefined,
  k: number,
): Table {
  const base = {
    id: `open-${q.open}`,
    caption: msg.openAnswersCaption(number),
    columns: [
      { key: "antwoord", title: "antwoord", wrap: true },
      { key: "aantal", title: "aantal", align: "right" as const },
    ],
  };
  if (cell?.status !== "shown") {
    const hidden = hiddenCell(cell, k);
    return {
      ...base,
      rows: [{ antwoord: { ...hidden, text: `(${hidden.title})` }, aantal: "" }],
      notes: [q.text],
    };
  }
  const counts = new Map<string, number>();
  for (const text of cell.value.texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return {
    ...base,
    rows: [...counts].map(([text, count]) => ({ antwoord: text, aantal: count })),
    notes: [
      q.text,
      msg.textsOf(cell.value.total, cell.n),
      ...(cell.value.total > cell.value.texts.length
        ? [msg.textsCapped(cell.value.texts.length, cell.value.total)]
        : []),
    ],
  };
}
