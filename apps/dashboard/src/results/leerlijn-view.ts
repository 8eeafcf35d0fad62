import { type JaShareRow, jaShare } from "@zaz/charts";
import { type Instrument, profieleisen, profieleisenFor, profieleisenForItem } from "@zaz/model";
import { jaShareRow } from "@zaz/reports";
import {
  type Cell as AnalysisCell,
  filterIsSafe,
  type GroupKey,
  type JaShare,
  jaShares,
  summariseItems,
  tInterval,
} from "@zaz/survey";
import type { LeerlijnQuery, LeerlijnView, ViewChart } from "../results-service.js";
import { codeIn, labelIn, toCell, unwrap } from "./cells.js";
import { type Directory, findOpleiding, labeled } from "./directory.js";
import { InstrumentId, isInstrumentId } from "./instrument-ids.js";
import { type DotRow, intervalDots } from "./interval-dots.js";
import { resultMessages as msg } from "./messages.js";
import { codeLabel, type ResultsDeps, responsesOf } from "./results-deps.js";

interface FaseGroup<G> {
  fase: string;
  label: string;
  group: G;
}

/**
 * The leerlijn outcomes of one opleiding: observation items and opleidingsouders feedback per fase,
 * mapped to the profieleisen startbekwaam. Only groups of students, never one student: the student
 * dimension is neither a filter nor a grouping (the analysis refuses it), and groups need k students.
 */
export async function leerlijnView(
  deps: ResultsDeps,
  directory: Directory,
  query: LeerlijnQuery,
): Promise<LeerlijnView | undefined> {
  const opleiding = findOpleiding(directory, query.opleiding);
  if (opleiding === undefined) return undefined;
  const observatie = deps.instruments.get(InstrumentId.observatie);
  const feedback = deps.instruments.get(InstrumentId.opleidingsouders);
  for (const instrument of [observatie, feedback]) {
    if (instrument === undefined) continue;
    if (
      !isValue(instrument, "fase", query.fase) ||
      !isValue(instrument, "gesprekssoort", query.gesprekssoort)
    )
      return undefined;
  }
  const scope: Record<string, string> = { opleiding: opleiding.code };
  if (query.cohort !== undefined) scope.cohort = query.cohort;
  if (query.fase !== undefined) scope.fase = query.fase;
  if (query.gesprekssoort !== undefined) scope.gesprekssoort = query.gesprekssoort;
  const by = query.fase === undefined ? ["fase"] : [];
  const request = { scope, by, privacy: deps.privacy };
  const filters = Object.fromEntries(Object.entries(scope).filter(([d]) => d !== "opleiding"));

  const charts: ViewChart[] = [];
  const view: LeerlijnView = {
    title: msg.leerlijnTitle(opleiding.name),
    opleiding: labeled(opleiding),
    facts: [],
    charts,
  };

  // A narrowed view set beside a wider one must not reveal the few students left out of it.
  if (Object.keys(filters).length > 0) {
    for (const instrument of [observatie, feedback]) {
      if (instrument === undefined || !isInstrumentId(instrument.id)) continue;
      const whole = await responsesOf(deps, instrument.id, { opleiding: opleiding.code });
      if (!filterIsSafe(instrument, whole, filters, deps.privacy)) {
        view.facts.push({
          label: msg.factSelection,
          unit: "count",
          cell: { status: "suppressed", label: msg.filterTooNarrow(deps.privacy.k) },
        });
        return view;
      }
    }
  }

  if (observatie !== undefined) {
    const responses = await responsesOf(deps, InstrumentId.observatie, scope);
    const table = unwrap(jaShares(observatie, responses, request));
    const fasen = perFase(table, query.fase);
    view.facts.push(
      { label: msg.factObservations, unit: "count", cell: toCell(table.total.responses, (v) => v) },
      ...(table.total.students === null
        ? []
        : [
            { label: msg.factStudents, unit: "count" as const, cell: toCell(table.total.students, (v) => v) },
          ]),
    );
    const linked = profieleisen
      .map((p) => ({
        profieleis: p,
        items: table.items.filter((item) =>
          profieleisenForItem(observatie, item.id).some((x) => x.id === p.id),
        ),
      }))
      .filter((p) => p.items.length > 0);
    charts.push({
      id: "profieleisen",
      title: msg.profieleisen,
      ...intervalDots({
        title: msg.profieleisenTitle,
        description: msg.profieleisenDescription,
        axisTitle: msg.profieleisenAxis,
        categoryTitle: "Profieleis",
        seriesTitle: "Fase",
        domain: [0, 1],
        percent: true,
        rows: linked.flatMap(({ profieleis, items }) =>
          withData(
            fasen.map((f) =>
              pooledRow(
                profieleis.id,
                `${profieleis.id}: ${profieleis.text}`,
                f.label,
                items.map((item) => f.group.items[item.id]),
              ),
            ),
          ),
        ),
      }),
    });
    charts.push({
      id: "onderdelen",
      title: msg.sections,
      ...intervalDots({
        title: msg.sectionsTitle,
        description: msg.sectionsDescription,
        axisTitle: msg.profieleisenAxis,
        categoryTitle: "Onderdeel",
        seriesTitle: "Fase",
        domain: [0, 1],
        percent: true,
        rows: (observatie.sections ?? []).flatMap((section) => {
          const items = table.items.filter((item) => item.section?.id === section.id);
          if (items.length === 0) return [];
          const ids = profieleisenFor(observatie.id, section.id).map((p) => p.id);
          return withData(
            fasen.map((f) =>
              pooledRow(
                section.id,
                msg.questionWithLinks(section.title, ids),
                f.label,
                items.map((item) => f.group.items[item.id]),
              ),
            ),
          );
        }),
      }),
    });
    // Item by item only for one kind of conversation: all forms' items at once would be a wall.
    const form = query.gesprekssoort;
    if (form !== undefined) {
      const items = table.items.filter((item) => item.section?.form === form);
      const rows: JaShareRow[] = items.flatMap((item) =>
        fasen.map((f) => {
          const cell = f.group.items[item.id];
          const base = {
            item: item.id,
            itemText: item.text,
            section: item.section?.id ?? "",
            sectionLabel: item.section?.title ?? "",
            fase: f.fase,
          };
          return jaShareRow(base, cell);
        }),
      );
      if (rows.length > 0) {
        const name = codeLabel(deps, InstrumentId.observatie, "gesprekssoort", form);
        charts.push({
          id: "items",
          title: msg.itemsOf(name),
          ...jaShare({ title: msg.itemsOf(name), rows }),
        });
      }
    }
  }

  if (feedback !== undefined) {
    const responses = await responsesOf(deps, InstrumentId.opleidingsouders, scope);
    const items = feedback.items.filter((i) => i.type === "scale").map((i) => i.id);
    const table = unwrap(summariseItems(feedback, responses, { ...request, items }));
    const fasen = perFase(table, query.fase);
    view.facts.push({
      label: msg.factFeedback,
      unit: "count",
      cell: toCell(table.total.responses, (v) => v),
    });
    const scaleMax = table.items.find((i) => i.scale !== null)?.scale?.max ?? 4;
    const scaleMin = table.items.find((i) => i.scale !== null)?.scale?.min ?? 1;
    const rows: DotRow[] = table.items.flatMap((item) =>
      fasen.map((f) => {
        const cell = f.group.items[item.id];
        const label = msg.questionWithLinks(
          item.text,
          profieleisenForItem(feedback, item.id).map((p) => p.id),
        );
        const base = { category: item.id, categoryLabel: label, series: f.label };
        if (cell?.status !== "shown" || cell.value.mean === null)
          return {
            ...base,
            value: null,
            low: null,
            high: null,
            n: null,
            suppressed: cell?.status === "suppressed",
            ...(cell?.status === "suppressed" ? { reason: cell.label } : {}),
          };
        const ci =
          cell.value.sd === null ? null : tInterval({ mean: cell.value.mean, sd: cell.value.sd, n: cell.n });
        return {
          ...base,
          value: cell.value.mean,
          low: ci?.low ?? null,
          high: ci?.high ?? null,
          n: cell.n,
          suppressed: false,
        };
      }),
    );
    charts.push({
      id: "feedback",
      title: msg.feedback,
      ...intervalDots({
        title: msg.feedbackTitle,
        description: msg.feedbackDescription(scaleMax),
        axisTitle: msg.feedbackAxis(scaleMax),
        categoryTitle: "Vraag",
        seriesTitle: "Fase",
        domain: [scaleMin, scaleMax],
        rows,
      }),
    });
  }
  return view;
}

function isValue(instrument: Instrument, dimension: string, code: string | undefined): boolean {
  if (code === undefined) return true;
  const values = instrument.dimensions.find((d) => d.id === dimension)?.values;
  return values === undefined || values.some((v) => v.code === code);
}

/** The groups per fase, or the total under the one fase filtered on. */
function perFase<G extends { key: GroupKey }>(
  table: { groups: readonly G[]; total: G; scope: GroupKey },
  fase: string | undefined,
): FaseGroup<G>[] {
  if (fase !== undefined) return [{ fase, label: labelIn(table.scope, "fase"), group: table.total }];
  return table.groups.map((g) => ({ fase: codeIn(g.key, "fase"), label: labelIn(g.key, "fase"), group: g }));
}

/**
 * The JA share over all scores of a profieleis's linked items, summed from shown cells only (so
 * nothing suppressed enters it); n is the number of JA/NEE scores.
 */
function pooledRow(
  category: string,
  categoryLabel: string,
  series: string,
  cells: readonly (AnalysisCell<JaShare> | undefined)[],
): DotRow {
  let ja = 0;
  let scores = 0;
  let suppressed: string | null = null;
  for (const cell of cells) {
    if (cell?.status === "shown") {
      ja += cell.value.ja;
      scores += cell.value.ja + cell.value.nee;
    } else if (cell?.status === "suppressed") suppressed ??= cell.label;
  }
  const base = { category, categoryLabel, series, low: null, high: null };
  if (scores === 0)
    return {
      ...base,
      value: null,
      n: null,
      suppressed: suppressed !== null,
      ...(suppressed === null ? {} : { reason: suppressed }),
    };
  return { ...base, value: ja / scores, n: scores, suppressed: false };
}

/**
 * A category's rows, or none when no fase has data (another kind of conversation than the one
 * filtered on): a row of "geen gegevens" only says the filter worked. Suppressed rows stay.
 */
function withData(rows: DotRow[]): DotRow[] {
  return rows.some((r) => r.value !== null || r.suppressed) ? rows : [];
}
