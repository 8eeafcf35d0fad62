import { type DotRow, intervalDots, jaShare } from "@zaz/charts";
import {
  type Instrument,
  InstrumentRole,
  leerlijnLinks,
  profieleisen,
  profieleisenFor,
  profieleisenForItem,
} from "@zaz/model";
import {
  type Cell as AnalysisCell,
  type AnsweredTable,
  filterIsSafe,
  itemsFor,
  type JaShare,
  type JaTable,
  jaItems,
  jaShares,
  planGroups,
} from "@zaz/survey";
import { countCell, hiddenCell } from "../cells.js";
import { directoryOf, findOpleiding, labeled } from "../data/directory.js";
import type { FeedbackQuestion } from "../data/feedback-questions.js";
import { groupedData, noData } from "../data/grouped.js";
import { cohortLabel } from "../data/names.js";
import { type Source, selection, sourceFor } from "../data/source.js";
import { formatCount, formatPercent, round } from "../format.js";
import { ViewError } from "../messages.js";
import { methodSection } from "../method.js";
import { jaShareRow } from "../sections/chart-rows.js";
import {
  opleidingsoudersSection,
  perFase,
  questionLinks,
  studentsCell,
} from "../sections/opleidingsouders-section.js";
import { toChart } from "../sections/to-chart.js";
import type { CellValue, Chart, Fact, Section, View } from "../view.js";
import type { ViewContext } from "../view-context.js";
import { fact, msg, unwrap, viewHead } from "./view-base.js";

export interface LeerlijnParams {
  readonly opleiding: string;
  readonly cohort?: string;
  readonly fase?: string;
  readonly gesprekssoort?: string;
}

const filterDims = ["cohort", "fase", "gesprekssoort"] as const;

/**
 * The Pabo lecturer's view: what opleidingsouders and observers say, by phase, cohort and kind of
 * conversation, mapped to the profieleisen — only in aggregates over at least k students, never per
 * student (the analysis refuses a student as a grouping or a filter).
 */
export async function leerlijnView(context: ViewContext, params: LeerlijnParams): Promise<View> {
  const head = await viewHead(context, "leerlijn");
  const directory = await directoryOf(context.store);
  const opleiding = findOpleiding(directory, params.opleiding);
  if (opleiding === undefined)
    throw new ViewError(
      msg.noResponses(
        `opleiding "${params.opleiding}"`,
        directory.opleidingen.map((o) => o.name),
      ),
    );
  const { privacy } = context;
  const k = privacy.k;
  const filters: Record<string, string> = {};
  for (const d of filterDims) if (params[d] !== undefined && params[d] !== "") filters[d] = params[d];
  const where = { opleiding: opleiding.code, ...filters };
  const feedback = await sourceFor(context, InstrumentRole.opleidingsouders, { opleiding: opleiding.code });
  const observation = await sourceFor(context, InstrumentRole.observatie, { opleiding: opleiding.code });
  if (filters.cohort !== undefined) {
    // A cohort is checked against the cohorts of this opleiding, and the message lists those.
    const cohorts = new Set<string>();
    for (const source of [feedback, observation]) {
      if (source === null) continue;
      const values = await context.store.analysis.values(selection(source, { opleiding: opleiding.code }), [
        "cohort",
      ]);
      for (const v of values) {
        const cohort = v.values.cohort ?? "";
        if (cohort !== "") cohorts.add(cohort);
      }
    }
    if (!cohorts.has(filters.cohort))
      throw new ViewError(
        msg.unknownFilterValue(
          "cohort",
          filters.cohort,
          [...cohorts].sort().map((c) => cohortLabel(c).name),
        ),
      );
  }
  for (const source of [feedback, observation]) {
    if (source === null) continue;
    for (const d of ["fase", "gesprekssoort"] as const) {
      const values = source.instrument.dimensions.find((x) => x.id === d)?.values;
      if (filters[d] !== undefined && values !== undefined && !values.some((v) => v.code === filters[d]))
        throw new ViewError(
          msg.noResponses(
            `${d} "${filters[d]}"`,
            values.map((v) => v.code),
          ),
        );
    }
  }
  const base: Omit<View, "facts" | "sections"> = {
    ...head,
    title: msg.leerlijnTitle(opleiding.name),
    subtitle: msg.leerlijnSubtitle(filterNames(feedback?.instrument ?? observation?.instrument, filters)),
    about: {
      opleiding: labeled(opleiding),
      ...(filters.cohort === undefined ? {} : { cohort: cohortLabel(filters.cohort) }),
    },
    links: [],
    method: methodSection(privacy, []),
  };

  // A narrowed view set beside a wider one must not reveal the few students left out of it.
  if (Object.keys(filters).length > 0) {
    for (const source of [feedback, observation]) {
      if (source === null) continue;
      const combinations = await context.store.analysis.values(
        selection(source, { opleiding: opleiding.code }),
        [...Object.keys(filters), "student"],
      );
      if (!filterIsSafe(combinations, filters, privacy, "student"))
        return {
          ...base,
          facts: [
            fact("selectie", msg.factSelection, {
              status: "suppressed",
              text: "×",
              title: msg.filterTooNarrow(k),
            }),
          ],
          sections: [],
        };
    }
  }

  const facts: Fact[] = [];
  const sections: Section[] = [];
  let feedbackAnswers: { answered: AnsweredTable; questions: readonly FeedbackQuestion[] } | undefined;
  let ja: JaTable | undefined;
  const by = filters.fase === undefined ? ["fase"] : [];
  if (feedback !== null) {
    const result = await opleidingsoudersSection(context, feedback, where, filters, by);
    if (result !== null) {
      sections.push(result.section);
      // n is what each number counts: forms for forms, distinct students for students
      facts.push(fact("feedback", msg.factFeedback, result.forms));
      facts.push(fact("feedback-studenten", msg.factFeedbackStudents, result.students));
      feedbackAnswers = { answered: result.answered, questions: result.questions };
    }
  }
  if (observation !== null) {
    const instrument = observation.instrument;
    const plan = unwrap(planGroups(instrument, { scope: where, by }));
    const items = unwrap(itemsFor(instrument, undefined, jaItems));
    const data =
      (await groupedData(context, observation, where, { by, student: "student", items })).get("") ?? noData;
    if ((data.total?.responses ?? 0) > 0) {
      ja = unwrap(jaShares(instrument, plan, data, { items, privacy }));
      facts.push(fact("observaties", msg.factObservations, countCell(ja.total.responses, k)));
      if (ja.total.students !== null)
        facts.push(fact("studenten", msg.factStudents, studentsCell(ja.total.students, k)));
      sections.push(observationSection(instrument, ja, filters, k));
    }
  }
  if (sections.length === 0)
    throw new ViewError(
      Object.keys(filters).length > 0
        ? msg.noSelection(filterNames(feedback?.instrument ?? observation?.instrument, filters).join(", "))
        : msg.noResponses(`opleiding "${opleiding.name}"`, []),
    );
  if (observation !== null && feedback !== null)
    sections.push(profieleisSection(observation.instrument, feedback, ja, feedbackAnswers, filters, k));
  return { ...base, facts, sections };
}

function filterNames(instrument: Instrument | undefined, filters: Record<string, string>): string[] {
  return Object.entries(filters).map(([d, code]) => {
    if (d === "cohort") return cohortLabel(code).name;
    return (
      instrument?.dimensions.find((x) => x.id === d)?.values?.find((v) => v.code === code)?.label ?? code
    );
  });
}

function formTitle(obs: Instrument, form: string | undefined | null): string {
  const first = obs.sections.find((s) => (s.form ?? "") === (form ?? ""));
  const names: Record<string, string> = {
    algemeen: "Algemene gespreksvaardigheden",
    kennismaking: "Kennismakingsgesprek",
    voortgang: "Voortgangsgesprek",
    probleemoplossend: "Probleemoplossend gesprek",
    slechtnieuws: "Slechtnieuwsgesprek",
    advies: "Adviesgesprek",
  };
  return names[form ?? ""] ?? first?.title ?? form ?? "";
}

/**
 * The JA share over all scores of a category's items, summed from shown cells only (so nothing
 * suppressed enters it); n is the number of JA/NEE scores.
 */
function pooled(cells: readonly (AnalysisCell<JaShare> | undefined)[]): {
  ja: number;
  scores: number;
  suppressed: string | null;
} {
  let ja = 0;
  let scores = 0;
  let suppressed: string | null = null;
  for (const cell of cells) {
    if (cell?.status === "shown") {
      ja += cell.value.ja;
      scores += cell.value.ja + cell.value.nee;
    } else if (cell?.status === "suppressed") suppressed ??= cell.label;
  }
  return { ja, scores, suppressed };
}

function dotRow(
  category: string,
  categoryLabel: string,
  series: string,
  cells: readonly (AnalysisCell<JaShare> | undefined)[],
): DotRow {
  const { ja, scores, suppressed } = pooled(cells);
  const row = { category, categoryLabel, series, low: null, high: null };
  if (scores === 0)
    return {
      ...row,
      value: null,
      n: null,
      suppressed: suppressed !== null,
      ...(suppressed === null ? {} : { reason: suppressed }),
    };
  return { ...row, value: ja / scores, n: scores, suppressed: false };
}

/** A category's rows, or none when no fase has data (another kind of conversation than the one filtered on). */
function withData(rows: DotRow[]): DotRow[] {
  return rows.some((r) => r.value !== null || r.suppressed) ? rows : [];
}

function observationSection(
  obs: Instrument,
  ja: JaTable,
  filters: Record<string, string>,
  k: number,
): Section {
  const fasen = perFase(ja, filters, filters.fase ?? "");
  const rows = obs.sections.flatMap((s) => {
    const items = ja.items.filter((i) => i.section?.id === s.id);
    if (items.length === 0) return [];
    const row: Record<string, CellValue> = { onderdeel: `${formTitle(obs, s.form)} — ${s.title}` };
    for (const f of fasen) {
      const shown = items.flatMap((i) => {
        const cell = f.group.items[i.id];
        return cell?.status === "shown" ? [cell] : [];
      });
      if (shown.length === 0) {
        // hidden ("×", "< 5") where some item has observations, "–" only where none has
        row[f.code] = hiddenCell(firstHidden(items.map((i) => f.group.items[i.id])), k);
        continue;
      }
      const share = shown.reduce((a, c) => a + c.value.share, 0) / shown.length;
      const n = Math.min(...shown.map((c) => c.n));
      row[f.code] = {
        status: "shown",
        text: `${formatPercent(share)} (${shown.length} it.)`,
        value: round(share),
        n,
        title: `gemiddeld aandeel JA over ${shown.length} items; elk item rust op minstens ${n} observaties`,
      };
    }
    return [row];
  });
  const charts: Chart[] = [];
  charts.push(
    toChart(
      "profieleisen-observaties",
      intervalDots({
        title: msg.profieleisenTitle,
        description: msg.profieleisenDescription,
        axisTitle: msg.shareAxis,
        categoryTitle: "Profieleis",
        seriesTitle: "Fase",
        domain: [0, 1],
        percent: true,
        rows: profieleisen.flatMap((p) => {
          const items = ja.items.filter((i) => profieleisenForItem(obs, i.id).some((x) => x.id === p.id));
          if (items.length === 0) return [];
          return withData(
            fasen.map((f) =>
              dotRow(
                p.id,
                `${p.id}: ${p.text}`,
                f.label,
                items.map((i) => f.group.items[i.id]),
              ),
            ),
          );
        }),
      }),
    ),
    toChart(
      "onderdelen",
      intervalDots({
        title: msg.sectionsTitle,
        description: msg.sectionsDescription,
        axisTitle: msg.shareAxis,
        categoryTitle: "Onderdeel",
        seriesTitle: "Fase",
        domain: [0, 1],
        percent: true,
        rows: obs.sections.flatMap((section) => {
          const items = ja.items.filter((i) => i.section?.id === section.id);
          if (items.length === 0) return [];
          const ids = profieleisenFor(obs.id, section.id).map((p) => p.id);
          return withData(
            fasen.map((f) =>
              dotRow(
                section.id,
                msg.withLinks(section.title, ids),
                f.label,
                items.map((i) => f.group.items[i.id]),
              ),
            ),
          );
        }),
      }),
    ),
  );
  for (const form of [...new Set(obs.sections.map((s) => s.form ?? ""))]) {
    if (filters.gesprekssoort !== undefined && form !== "algemeen" && form !== filters.gesprekssoort)
      continue;
    const items = ja.items.filter((i) => (i.section?.form ?? "") === form);
    if (items.length === 0) continue;
    const chartRows = fasen.flatMap((f) =>
      items.map((i) =>
        jaShareRow(
          {
            item: i.id,
            itemText: i.text,
            section: i.section?.id ?? "",
            sectionLabel: i.section?.title ?? "",
            fase: f.code,
          },
          f.group.items[i.id],
        ),
      ),
    );
    if (!chartRows.some((r) => r.share !== null || r.suppressed)) continue;
    charts.push(
      toChart(
        `ja-${form || "algemeen"}`,
        jaShare({ title: `Aandeel JA per item — ${formTitle(obs, form)}`, rows: chartRows }),
      ),
    );
  }
  return {
    id: "observaties",
    heading: "Observaties van oudergesprekken",
    intro: `Per onderdeel van de observatieformulieren het gemiddelde aandeel JA over de items, per fase; alleen items die in die fase bij minstens ${k} studenten geobserveerd zijn tellen mee. De formulieren zijn geen beoordelingsformulieren.`,
    tables: [
      {
        id: "observaties",
        caption: "Aandeel JA per onderdeel en fase",
        columns: [
          { key: "onderdeel", title: "onderdeel", wrap: true },
          ...fasen.map((f) => ({ key: f.code, title: f.label, align: "right" as const })),
        ],
        rows,
        notes: ["it.: het aantal items waarover het gemiddelde gaat.", msg.legendHidden(k)],
      },
    ],
    charts,
  };
}

/**
 * The mean of already-shown cells; its n is the smallest n among them (each part rests on at least
 * that many), so nothing hidden enters and every number still says what it rests on.
 */
function averageCell(
  parts: readonly { value: number; n: number }[],
  text: (value: number) => string,
  hidden: Exclude<AnalysisCell<unknown>, { status: "shown" }> | undefined,
  k: number,
): CellValue {
  // nothing shown: "×" or "< k" where some part is hidden, "–" only where none has data
  if (parts.length === 0) return hiddenCell(hidden, k);
  const value = parts.reduce((a, p) => a + p.value, 0) / parts.length;
  const n = Math.min(...parts.map((p) => p.n));
  return {
    status: "shown",
    text: text(value),
    value: round(value),
    n,
    title: `gemiddelde over ${parts.length} item(s); elk rust op minstens ${n} antwoorden`,
  };
}

function firstHidden(
  cells: readonly (AnalysisCell<unknown> | undefined)[],
): Exclude<AnalysisCell<unknown>, { status: "shown" }> | undefined {
  for (const cell of cells) if (cell?.status === "suppressed") return cell;
  return undefined;
}

function profieleisSection(
  obs: Instrument,
  feedback: Source,
  ja: JaTable | undefined,
  feedbackAnswers: { answered: AnsweredTable; questions: readonly FeedbackQuestion[] } | undefined,
  filters: Record<string, string>,
  k: number,
): Section {
  const fasen = ja === undefined ? [] : perFase(ja, filters, filters.fase ?? "");
  const linked = profieleisen.filter((p) => leerlijnLinks.some((l) => l.profieleisen.includes(p.id)));
  const answeredFasen =
    feedbackAnswers === undefined ? [] : perFase(feedbackAnswers.answered, filters, filters.fase ?? "");
  const rows = linked.map((p) => {
    const row: Record<string, CellValue> = { eis: `${p.id} ${p.text}` };
    const obsItems = (ja?.items ?? []).filter((i) =>
      profieleisenForItem(obs, i.id).some((x) => x.id === p.id),
    );
    const questions = (feedbackAnswers?.questions ?? []).filter(
      (q) => q.open !== null && questionLinks(feedback.instrument, feedback.role, q).includes(p.id),
    );
    for (const fase of fasen) {
      // "" where nothing is linked to the profieleis: neither "no data" nor "too few"
      const cells = obsItems.map((i) => fase.group.items[i.id]);
      const shares = cells.flatMap((cell) =>
        cell?.status === "shown" ? [{ value: cell.value.share, n: cell.n }] : [],
      );
      row[`obs-${fase.code}`] =
        obsItems.length === 0
          ? ""
          : averageCell(shares, (v) => `${formatPercent(v)} (${shares.length})`, firstHidden(cells), k);
      const group = answeredFasen.find((g) => g.code === fase.code)?.group;
      const ooCells = questions.map((q) => group?.items[q.open ?? ""]);
      const shown = ooCells.flatMap((cell) => (cell?.status === "shown" ? [cell] : []));
      row[`oo-${fase.code}`] =
        questions.length === 0
          ? ""
          : shown.length === 0
            ? hiddenCell(firstHidden(ooCells), k)
            : answersCell(shown);
    }
    return row;
  });
  return {
    id: "profieleisen",
    heading: "Per profieleis startbekwaam",
    intro:
      "Welke delen van de leerlijn landen: per profieleis het gemiddelde aandeel JA van de gekoppelde observatie-items (tussen haakjes: over hoeveel items het gemiddelde gaat) en het aantal open antwoorden van opleidingsouders op de gekoppelde vragen (tussen haakjes: hoeveel vragen), per fase. De antwoorden van ouders zijn een beleving, geen score.",
    tables: [
      {
        id: "profieleisen",
        caption: "Profieleisen: observaties (aandeel JA) en ouders (open antwoorden) per fase",
        columns: [
          { key: "eis", title: "profieleis", wrap: true },
          ...fasen.flatMap((f) => [
            { key: `obs-${f.code}`, title: `JA ${f.label.slice(0, 6)}.`, align: "right" as const },
            { key: `oo-${f.code}`, title: `ouders ${f.label.slice(0, 6)}.`, align: "right" as const },
          ]),
        ],
        rows,
        notes: [
          "Alleen cellen die zelf getoond mogen worden tellen mee in een gemiddelde of een som.",
          msg.notLinked,
          msg.legendHidden(k),
        ],
      },
    ],
    charts: [],
  };
}

/** The open answers to several questions in one fase, summed from shown cells; n is the forms of that fase. */
function answersCell(cells: readonly { value: number; n: number }[]): CellValue {
  const sum = cells.reduce((a, c) => a + c.value, 0);
  const n = Math.max(...cells.map((c) => c.n));
  return {
    status: "shown",
    text: `${formatCount(sum)} (${cells.length})`,
    value: sum,
    n,
    title: `${sum} open antwoorden op ${cells.length} gekoppelde vraag/vragen, uit ${n} formulieren`,
  };
}
