import { type Chart, type LikertItemRow, likertBars, type TrendRow, trend } from "@zaz/charts";
import type { Framework, Instrument } from "@zaz/model";
import { type ConstructGroup, type ItemGroup, openAnswers, summariseItems } from "@zaz/survey";
import type { FreeTextBlock, GroepDetail, ViewChart } from "../results-service.js";
import { codeIn, hiddenFields, toCell, unwrap } from "./cells.js";
import { groepTable, wavesOf } from "./class-overview.js";
import { constructsOf, scaleRangeOf } from "./construct-charts.js";
import { type Directory, findSchool, labeled } from "./directory.js";
import { InstrumentId } from "./instrument-ids.js";
import { resultMessages as msg } from "./messages.js";
import { waveLabel } from "./names.js";
import { type ResultsDeps, responsesOf } from "./results-deps.js";

const instrumentId = InstrumentId.ouderpopulatie;

/**
 * One groep of a school in one wave. Every number comes from the school's table by groep, with
 * its complementary suppression, never from a scope of the groep alone: otherwise a groep hidden
 * in the overview could be shown here and a small neighbour recovered by subtraction.
 */
export async function groepDetail(
  deps: ResultsDeps,
  directory: Directory,
  query: { school: string; wave: string; groep: string },
): Promise<GroepDetail | undefined> {
  const school = findSchool(directory, query.school);
  if (school === undefined) return undefined;
  const waves = await wavesOf(deps, school);
  if (!waves.includes(query.wave)) return undefined;
  const { table, rows } = await groepTable(deps, school, query.wave);
  const row = rows.find((r) => r.id === query.groep);
  if (row === undefined) return undefined;
  const instrument = deps.instruments.get(instrumentId)!;
  const wave = waveLabel(query.wave);
  const groep = { id: row.id, name: row.label };
  const scope = { school: school.code, wave: query.wave };
  const current = await responsesOf(deps, instrumentId, scope);

  const byGroep = { scope, by: ["groep"], privacy: deps.privacy } as const;
  const charts: ViewChart[] = [];
  for (const framework of ["bakker", "partnerschap"] as const) {
    const itemIds = itemsOf(instrument, table.constructs, framework);
    if (itemIds.length === 0) continue;
    const items = unwrap(summariseItems(instrument, current, { ...byGroep, items: itemIds }));
    const group = items.groups.find((g) => codeIn(g.key, "groep") === groep.id);
    charts.push({
      id: `likert-${framework}`,
      title: framework === "bakker" ? msg.likertChart : msg.likertFormsChart,
      ...likertChart(
        instrument,
        items.items,
        group,
        framework === "bakker" ? msg.likertBakker(groep.name) : msg.likertForms(groep.name),
      ),
    });
  }

  // The trend reads each wave's own table by groep, so every point matches that wave's overview.
  const perWave = await Promise.all(
    waves.map(async (w) => ({ wave: w, table: (await groepTable(deps, school, w)).table })),
  );
  for (const framework of ["bakker", "partnerschap"] as const) {
    const constructs = constructsOf(table.constructs, framework);
    if (constructs.length === 0) continue;
    const range = scaleRangeOf(constructs);
    const rows: TrendRow[] = perWave.flatMap(({ wave: w, table: t }) => {
      const g = t.groups.find((x) => codeIn(x.key, "groep") === groep.id);
      return constructs.map((c) => trendRow(waveLabel(w).name, c.id, c.name, g, c.id));
    });
    charts.push({
      id: `trend-${framework}`,
      title: framework === "bakker" ? msg.trendChart : msg.trendFormsChart,
      ...trend({
        title: framework === "bakker" ? msg.trend(groep.name) : msg.trendForms(groep.name),
        scaleMin: range.min,
        scaleMax: range.max,
        rows,
      }),
    });
  }

  const open = unwrap(openAnswers(instrument, current, byGroep));
  const openGroup = open.groups.find((g) => codeIn(g.key, "groep") === groep.id);
  const freeText: FreeTextBlock[] = open.items.map((item) => {
    const cell = openGroup?.items[item.id];
    if (cell === undefined) return { question: item.text, cell: { status: "empty", label: msg.noValue } };
    if (cell.status !== "shown")
      return { question: item.text, cell: { status: cell.status, label: cell.label } };
    if (cell.value.length === 0)
      return { question: item.text, cell: { status: "empty", label: msg.noAnswers } };
    return { question: item.text, cell: { status: "shown", n: cell.n, answers: [...cell.value] } };
  });

  return {
    title: msg.groepTitle(groep.name, school.name, wave.name),
    school: labeled(school),
    wave,
    groep,
    facts: [
      { label: msg.factResponseRate, unit: "percent", cell: toCell(row.group.responseRate, (v) => v.rate) },
      { label: msg.factRespondents, unit: "count", cell: toCell(row.group.responses, (v) => v) },
    ],
    charts,
    freeText,
  };
}

/** The scale items of a framework's constructs, in questionnaire order. */
function itemsOf(
  instrument: Instrument,
  constructs: readonly { id: string; framework: Framework | null; items: readonly { id: string }[] }[],
  framework: Framework,
): string[] {
  const wanted = new Set(
    constructs.filter((c) => c.framework === framework).flatMap((c) => c.items.map((i) => i.id)),
  );
  return instrument.items.filter((i) => i.type === "scale" && wanted.has(i.id)).map((i) => i.id);
}

function likertChart(
  instrument: Instrument,
  items: readonly { id: string; text: string; scale: { id: string } | null }[],
  group: ItemGroup | undefined,
  title: string,
): Chart {
  const scale = instrument.scales.find((s) => s.id === items[0]?.scale?.id);
  const rows: LikertItemRow[] = items.map((info) => {
    const cell = group?.items[info.id];
    if (cell?.status !== "shown")
      return { id: info.id, text: info.text, n: null, counts: null, missing: null, ...hiddenFields(cell) };
    const counts: Record<number, number> = {};
    const missing: Record<string, number> = {};
    let asked = 0;
    for (const a of cell.value.distribution) {
      asked += a.count;
      if (a.code !== null) counts[a.code] = a.count;
      else if (a.missing !== null) missing[a.missing] = a.count;
    }
    return { id: info.id, text: info.text, n: asked, counts, missing };
  });
  return likertBars({
    title,
    scale: {
      labels: (scale?.labels ?? []).map((l) => ({ code: l.code, label: l.label })),
      ...(scale?.neutral === undefined ? {} : { neutral: scale.neutral }),
    },
    items: rows,
  });
}

function trendRow(
  wave: string,
  construct: string,
  constructLabel: string,
  group: ConstructGroup | undefined,
  id: string,
): TrendRow {
  const cell = group?.constructs[id];
  const base = { wave, construct, constructLabel };
  if (cell?.status !== "shown")
    return { ...base, mean: null, low: null, high: null, n: null, ...hiddenFields(cell) };
  return {
    ...base,
    mean: cell.value.mean,
    low: cell.value.ci?.low ?? null,
    high: cell.value.ci?.high ?? null,
    n: cell.n,
  };
}
