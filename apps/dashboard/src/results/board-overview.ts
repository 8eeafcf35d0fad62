import { type ResponseRateRow, responseRate } from "@zaz/charts";
import { aggregateConstructs, type ConstructTable, compareWaves, constructReliability } from "@zaz/survey";
import type { BoardOverview, ViewChart } from "../results-service.js";
import { codeIn, hiddenFields, toCell, unwrap } from "./cells.js";
import { changeHeatmap } from "./change-heatmap.js";
import {
  changeRows,
  constructHeatmap,
  constructsOf,
  type LabeledGroup,
  scaleRangeOf,
} from "./construct-charts.js";
import { type BestuurEntry, type Directory, findBestuur, labeled } from "./directory.js";
import { InstrumentId } from "./instrument-ids.js";
import { type DotRow, intervalDots } from "./interval-dots.js";
import { boardMessages, resultMessages as msg } from "./messages.js";
import { byWave, waveLabel } from "./names.js";
import { type ResultsDeps, responsesOf, valuesOf } from "./results-deps.js";

const instrumentId = InstrumentId.ouderpopulatie;

/**
 * The schools of a board side by side: per wave the constructs by school within the board (one
 * wave per table, the fixed level suppression is audited at), partnership-form profiles and
 * response rates of the latest wave, the change since the wave before, and each scale's alpha.
 */
export async function boardOverview(
  deps: ResultsDeps,
  directory: Directory,
  query: { bestuur: string },
): Promise<BoardOverview | undefined> {
  const bestuur = findBestuur(directory, query.bestuur);
  if (bestuur === undefined) return undefined;
  const instrument = deps.instruments.get(instrumentId)!;
  const waves = (await valuesOf(deps, instrumentId, "wave", { bestuur: bestuur.code })).sort(byWave);
  const tables = await Promise.all(
    waves.map(async (wave) => ({ wave, table: await schoolTable(deps, bestuur, wave) })),
  );
  const latest = tables[tables.length - 1];
  const base = {
    title: bestuur.name,
    bestuur: labeled(bestuur),
    schools: bestuur.schools.map(labeled),
    waves: waves.map(waveLabel),
  };
  if (latest === undefined) return { ...base, facts: [], charts: [] };
  const latestName = waveLabel(latest.wave).name;
  const constructs = latest.table.constructs;

  const charts: ViewChart[] = [];
  const bakker = scaleRangeOf(constructsOf(constructs, "bakker"));
  charts.push({
    id: "scholen",
    title: msg.boardHeatmap,
    ...constructHeatmap({
      title: msg.boardHeatmapTitle(bakker.max),
      description: boardMessages.heatmapDescription(bestuur.name, bakker.max),
      constructs,
      framework: "bakker",
      rowTitle: msg.columns.school,
      rows: bestuur.schools.flatMap((school) =>
        tables.flatMap(({ wave, table }) => {
          const group = schoolRows(bestuur, table).find((r) => r.id === school.id)?.group;
          return group === undefined
            ? []
            : [
                {
                  id: `${school.id}-${wave}`,
                  label: msg.boardRowLabel(school.name, waveLabel(wave).name),
                  group,
                },
              ];
        }),
      ),
    }),
  });

  const latestRows = schoolRows(bestuur, latest.table);
  const forms = constructsOf(constructs, "partnerschap");
  const formRange = scaleRangeOf(forms);
  // Forms as rows, schools as dots: the profile of each school reads down the chart.
  const profileRows: DotRow[] = forms.flatMap((form) =>
    latestRows.map(({ label, group }) => {
      const cell = group.constructs[form.id];
      const row = { category: form.id, categoryLabel: form.name, series: label };
      return cell?.status === "shown"
        ? {
            ...row,
            value: cell.value.mean,
            low: cell.value.ci?.low ?? null,
            high: cell.value.ci?.high ?? null,
            n: cell.n,
            suppressed: false,
          }
        : { ...row, value: null, low: null, high: null, n: null, ...hiddenFields(cell) };
    }),
  );
  charts.push({
    id: "profielen",
    title: msg.profilesChart,
    ...intervalDots({
      title: msg.profiles(latestName),
      description: boardMessages.profilesDescription(formRange.max),
      axisTitle: msg.feedbackAxis(formRange.max),
      categoryTitle: "Partnerschapsvorm",
      seriesTitle: msg.columns.school,
      domain: [formRange.min, formRange.max],
      rows: profileRows,
    }),
  });

  const rate = responseRate({
    title: msg.boardResponse(latestName),
    description: boardMessages.responseDescription(bestuur.name, latestName),
    rows: latestRows.map(({ id, label, group }): ResponseRateRow => {
      const cell = group.responseRate;
      return cell.status === "shown"
        ? {
            groep: id,
            groepLabel: label,
            responses: cell.n,
            families: cell.value.families,
            rate: Math.min(1, cell.value.rate),
          }
        : {
            groep: id,
            groepLabel: label,
            responses: null,
            families: null,
            rate: null,
            ...hiddenFields(cell),
          };
    }),
  });
  charts.push({
    id: "respons",
    title: msg.boardResponse(latestName),
    spec: rate.spec,
    table: {
      ...rate.table,
      columns: rate.table.columns.map((c) => (c.field === "groep" ? { ...c, title: msg.columns.school } : c)),
    },
  });

  const previous = tables[tables.length - 2];
  if (previous !== undefined) {
    const both = await responsesOf(deps, instrumentId, {
      bestuur: bestuur.code,
      wave: [previous.wave, latest.wave],
    });
    const comparison = unwrap(
      compareWaves(instrument, both, {
        scope: { bestuur: bestuur.code },
        by: ["school"],
        current: latest.wave,
        previous: previous.wave,
        privacy: deps.privacy,
      }),
    );
    const before = waveLabel(previous.wave).name;
    charts.push({
      id: "verandering",
      title: msg.boardChange(before),
      ...changeHeatmap({
        title: msg.changeTitle(before, latestName),
        description: msg.changeDescription(before, latestName, "school"),
        rowTitle: msg.columns.school,
        rows: changeRows(comparison.constructs, schoolRows(bestuur, comparison)),
      }),
    });
  }

  const current = await responsesOf(deps, instrumentId, { bestuur: bestuur.code, wave: latest.wave });
  const reliability = unwrap(
    constructReliability(instrument, current, {
      scope: { bestuur: bestuur.code, wave: latest.wave },
      privacy: deps.privacy,
    }),
  );
  charts.push({
    id: "betrouwbaarheid",
    title: msg.reliability,
    ...intervalDots({
      title: msg.reliabilityTitle(latestName),
      description: msg.reliabilityDescription,
      axisTitle: msg.reliabilityAxis,
      categoryTitle: "Schaal",
      domain: [0, 1],
      reference: 0.7,
      rows: reliability.constructs.map(({ construct, reliability: cell }) => {
        const row = { category: construct.id, categoryLabel: construct.name, series: "" };
        return cell.status === "shown" && cell.value.alpha !== null
          ? {
              ...row,
              value: cell.value.alpha,
              low: cell.value.ci?.low ?? null,
              high: cell.value.ci?.high ?? null,
              n: cell.n,
              suppressed: false,
            }
          : { ...row, value: null, low: null, high: null, n: null, ...hiddenFields(cell) };
      }),
    }),
  });

  return {
    ...base,
    facts: [
      {
        label: `${msg.factResponseRate} ${latestName}`,
        unit: "percent",
        cell: toCell(latest.table.total.responseRate, (v) => v.rate),
      },
      {
        label: `${msg.factRespondents} ${latestName}`,
        unit: "count",
        cell: toCell(latest.table.total.responses, (v) => v),
      },
    ],
    charts,
  };
}

async function schoolTable(deps: ResultsDeps, bestuur: BestuurEntry, wave: string): Promise<ConstructTable> {
  const instrument = deps.instruments.get(instrumentId)!;
  const [responses, roster] = await Promise.all([
    responsesOf(deps, instrumentId, { bestuur: bestuur.code, wave }),
    deps.store.roster({ wave }),
  ]);
  return unwrap(
    aggregateConstructs(instrument, responses, {
      scope: { bestuur: bestuur.code, wave },
      by: ["school"],
      roster,
      privacy: deps.privacy,
    }),
  );
}

/** A table's groups by school, as the board's schools (by id, in the board's order). */
function schoolRows<G extends { key: ConstructTable["groups"][number]["key"] }>(
  bestuur: BestuurEntry,
  table: { groups: readonly G[] },
): LabeledGroup<G>[] {
  return bestuur.schools.flatMap((school) => {
    const group = table.groups.find((g) => codeIn(g.key, "school") === school.code);
    return group === undefined ? [] : [{ id: school.id, label: school.name, group }];
  });
}
