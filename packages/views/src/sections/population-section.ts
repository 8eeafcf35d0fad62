import { categoryBars, classHeatmap, type HeatmapRow } from "@zaz/charts";
import type { Instrument } from "@zaz/model";
import type {
  Cell as AnalysisCell,
  BackgroundGroup,
  BackgroundStats,
  BackgroundTable,
  ConstructTable,
  OpenAnswerTable,
} from "@zaz/survey";
import { hiddenCell, numberCell, percentCell } from "../cells.js";
import { formatCount, formatNumber } from "../format.js";
import { populationMessages as msg, viewMessages } from "../messages.js";
import type { CellValue, Chart, Section, Table } from "../view.js";
import { hiddenFields } from "./chart-rows.js";
import { constructMatrix, groupLabel } from "./construct-matrix.js";
import { constructGroups, scaleEnds } from "./framework.js";
import { openSection } from "./open-section.js";
import { toChart } from "./to-chart.js";

/** The construct scores of the school by one background split (e.g. home language). */
export interface BackgroundScores {
  readonly id: string;
  readonly title: string;
  /** what captions compare by, e.g. "thuistaal" */
  readonly by: string;
  readonly table: ConstructTable;
}

const countShown = (count: number, n: number): CellValue => ({
  status: "shown",
  text: formatCount(count),
  value: count,
  n,
});

/** One background question for the whole school: a table of answers and its bar chart. */
function schoolDistribution(
  id: string,
  question: string,
  cell: AnalysisCell<BackgroundStats> | undefined,
  k: number,
): { table: Table; chart: Chart | null } {
  const caption = msg.schoolCaption(question);
  const columns = [
    { key: "antwoord", title: msg.category, wrap: true },
    { key: "aantal", title: msg.count, align: "right" as const },
    { key: "aandeel", title: msg.share, align: "right" as const },
  ];
  if (cell?.status !== "shown")
    return {
      table: { id: `populatie-${id}`, caption, columns, rows: [{ antwoord: hiddenCell(cell, k) }] },
      chart: null,
    };
  const { n, value } = cell;
  const rows = value.categories.map((c) => ({
    antwoord: c.label,
    aantal: countShown(c.count, n),
    aandeel: percentCell(c.count / n, n),
  }));
  const notes = [
    msg.sharesNote(n),
    ...(value.multiple ? [msg.multipleNote] : []),
    ...(value.mean === null ? [] : [msg.meanChildren(formatNumber(value.mean))]),
  ];
  const chart = categoryBars({
    title: caption,
    n,
    multiple: value.multiple,
    rows: value.categories.map((c) => ({ category: c.code, label: c.label, count: c.count })),
  });
  return {
    table: { id: `populatie-${id}`, caption, columns, rows, notes },
    chart: toChart(`populatie-${id}`, chart),
  };
}

/** The share of a group's respondents to one item who gave one of `codes`. */
function shareOf(
  cell: AnalysisCell<BackgroundStats> | undefined,
  codes: readonly string[],
  k: number,
): CellValue {
  if (cell?.status !== "shown") return hiddenCell(cell, k);
  const count = cell.value.categories.filter((c) => codes.includes(c.code)).reduce((s, c) => s + c.count, 0);
  return percentCell(count / cell.n, cell.n);
}

/** The answer most often given, with its share: "E-mail (45%)". */
function mostChosen(cell: AnalysisCell<BackgroundStats> | undefined, k: number): CellValue {
  if (cell?.status !== "shown") return hiddenCell(cell, k);
  const top = cell.value.categories.reduce((a, b) => (b.count > a.count ? b : a));
  const share = percentCell(top.count / cell.n, cell.n);
  return { ...share, text: `${top.label} (${share.text})` };
}

function meanOf(cell: AnalysisCell<BackgroundStats> | undefined, k: number): CellValue {
  if (cell?.status !== "shown" || cell.value.mean === null)
    return hiddenCell(cell?.status === "shown" ? undefined : cell, k);
  return numberCell(cell.value.mean, cell.n);
}

export interface PopulationInput {
  readonly instrument: Instrument;
  /** background items per groep (and the school) */
  readonly table: BackgroundTable;
  /** the groepen to show (those with responses or on the roster) */
  readonly groepen: readonly BackgroundGroup[];
  /** the codes that count as "Dutch at home" and "Dutch well", by item id */
  readonly shares: readonly {
    readonly item: string;
    readonly codes: readonly string[];
    readonly title: string;
  }[];
  readonly scores: readonly BackgroundScores[];
  readonly other: OpenAnswerTable | null;
  readonly k: number;
  readonly kText: number;
}

/**
 * The ouderpopulatie (profieleis b1): who the parents are — per background question for the whole
 * school and in short per groep — and how the school's scales differ between groups of parents.
 * Every number is an item column or construct of a cell the release protects.
 */
export function populationSections(input: PopulationInput): Section[] {
  const { table, k } = input;
  const tables: Table[] = [];
  const charts: Chart[] = [];
  for (const item of table.items) {
    // the list's name ("Thuistaal") keeps the caption short; a number question has no list
    const name = item.scale?.name ?? item.text;
    const { table: t, chart } = schoolDistribution(item.id, name, table.total.items[item.id], k);
    tables.push(t);
    if (chart !== null) charts.push(chart);
  }
  const contact = table.items.find((i) => i.type === "single" && !input.shares.some((s) => s.item === i.id));
  const children = table.items.find((i) => i.type === "number");
  const perGroep = [...input.groepen, table.total].map((g, i) => {
    const row: Record<string, CellValue> = {
      groep: i === input.groepen.length ? msg.wholeSchool : groupLabel(g.key),
      n:
        g.responses.status === "shown"
          ? countShown(g.responses.value, g.responses.n)
          : hiddenCell(g.responses, k),
    };
    for (const s of input.shares) row[s.item] = shareOf(g.items[s.item], s.codes, k);
    if (contact !== undefined) row[contact.id] = mostChosen(g.items[contact.id], k);
    if (children !== undefined) row[children.id] = meanOf(g.items[children.id], k);
    return row;
  });
  tables.push({
    id: "populatie-per-groep",
    caption: msg.perGroepCaption,
    columns: [
      { key: "groep", title: "groep", wrap: true },
      { key: "n", title: msg.respondents, align: "right" },
      ...input.shares.map((s) => ({ key: s.item, title: s.title, align: "right" as const })),
      ...(contact === undefined ? [] : [{ key: contact.id, title: msg.contact, wrap: true }]),
      ...(children === undefined ? [] : [{ key: children.id, title: msg.children, align: "right" as const }]),
    ],
    rows: perGroep,
    notes: [msg.perGroepNote, viewMessages.legendHidden(k)],
  });
  const sections: Section[] = [
    { id: "ouderpopulatie", heading: msg.heading, intro: msg.intro(k), tables, charts },
  ];

  if (input.scores.length > 0) {
    const scoreTables: Table[] = [];
    const scoreCharts: Chart[] = [];
    for (const s of input.scores) {
      const rows = s.table.groups.filter((g) => g.responses.status !== "empty");
      for (const spec of constructGroups(s.table.constructs)) {
        const framework = spec.framework === "partnerschap" ? msg.frameworkPartnership : msg.frameworkBakker;
        scoreTables.push(
          constructMatrix(s.table, spec.constructs, k, {
            id: `achtergrond-${s.id}-${spec.id}`,
            caption: msg.byBackgroundCaption(s.by, framework),
            rowTitle: s.by,
            rows,
          }),
        );
      }
      const bakker = constructGroups(s.table.constructs).find((g) => g.framework === "bakker");
      if (bakker === undefined) continue;
      const heatRows: HeatmapRow[] = rows.flatMap((g) =>
        bakker.constructs.map((c) => {
          const cell = g.constructs[c.id];
          const base = {
            groep: g.key.map((l) => l.code).join("-") || "onbekend",
            groepLabel: groupLabel(g.key),
            construct: c.id,
            constructLabel: c.name,
            framework: "bakker" as const,
          };
          return cell?.status === "shown"
            ? { ...base, mean: cell.value.mean, n: cell.n, suppressed: false }
            : { ...base, mean: null, n: null, ...hiddenFields(cell) };
        }),
      );
      const scale = bakker.constructs.find((c) => c.scale !== null)?.scale;
      const chart = classHeatmap({
        title: msg.byBackgroundCaption(s.by, msg.frameworkBakker),
        scaleMin: scale?.min ?? 1,
        scaleMax: scale?.max ?? 5,
        rows: heatRows,
      });
      scoreCharts.push(
        toChart(`achtergrond-${s.id}`, {
          spec: chart.spec,
          table: {
            ...chart.table,
            columns: chart.table.columns.map((c) => (c.field === "groep" ? { ...c, title: s.title } : c)),
          },
        }),
      );
    }
    const ends = scaleEnds(
      input.instrument,
      constructGroups(input.scores[0]!.table.constructs)[0]?.constructs ?? [],
    );
    sections.push({
      id: "ouderpopulatie-achtergrond",
      heading: msg.byBackgroundHeading,
      intro: `${msg.byBackgroundIntro(k)}${ends === "" ? "" : msg.scaleNote(ends)}`,
      tables: scoreTables,
      charts: scoreCharts,
    });
  }

  if (input.other !== null && input.other.items.length > 0)
    sections.push({
      ...openSection(input.other, input.other.total, input.kText, {
        id: "ouderpopulatie-anders",
        intro: msg.otherIntro(input.kText),
      }),
      heading: msg.otherHeading,
    });
  return sections;
}
