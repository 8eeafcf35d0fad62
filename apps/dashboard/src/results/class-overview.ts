import { isScopeId } from "@zaz/accounts";
import { type ResponseRateRow, responseRate } from "@zaz/charts";
import { aggregateConstructs, type ConstructGroup, type ConstructTable, compareWaves } from "@zaz/survey";
import type { ClassOverview, Fact, Labeled, ViewChart } from "../results-service.js";
import { codeIn, hiddenFields, labelIn, toCell, unwrap } from "./cells.js";
import { changeHeatmap } from "./change-heatmap.js";
import {
  changeRows,
  constructHeatmap,
  constructsOf,
  type LabeledGroup,
  scaleRangeOf,
} from "./construct-charts.js";
import { type Directory, findSchool, labeled, type SchoolEntry } from "./directory.js";
import { InstrumentId } from "./instrument-ids.js";
import { resultMessages as msg } from "./messages.js";
import { byWave, previousWaveOf, waveLabel } from "./names.js";
import { type ResultsDeps, responsesOf, valuesOf } from "./results-deps.js";

const instrumentId = InstrumentId.ouderpopulatie;

/** The waves of a school, oldest first. */
export async function wavesOf(deps: ResultsDeps, school: SchoolEntry): Promise<string[]> {
  return (await valuesOf(deps, instrumentId, "wave", { school: school.code })).sort(byWave);
}

/**
 * The constructs by groep of one school in one wave, with response rates: the table both the class
 * overview and a groep's page read, so a groep is hidden on its page exactly when it is hidden
 * (also complementarily) in the overview.
 */
export async function groepTable(
  deps: ResultsDeps,
  school: SchoolEntry,
  wave: string,
): Promise<{ table: ConstructTable; rows: LabeledGroup<ConstructGroup>[] }> {
  const instrument = deps.instruments.get(instrumentId)!;
  const [responses, roster] = await Promise.all([
    responsesOf(deps, instrumentId, { school: school.code, wave }),
    deps.store.roster({ school: school.code, wave }),
  ]);
  const table = unwrap(
    aggregateConstructs(instrument, responses, {
      scope: { school: school.code, wave },
      by: ["groep"],
      roster,
      privacy: deps.privacy,
    }),
  );
  return { table, rows: groepRows(table, new Set(roster.map((r) => r.groep))) };
}

/** Groepen worth a row: those with responses or on the roster (not every groep 1–8 of the grid). */
export function groepRows(
  table: ConstructTable,
  rosterGroepen: ReadonlySet<string>,
): LabeledGroup<ConstructGroup>[] {
  return table.groups
    .filter((g) => g.responses.status !== "empty" || rosterGroepen.has(codeIn(g.key, "groep")))
    .map((g) => ({ id: codeIn(g.key, "groep"), label: labelIn(g.key, "groep"), group: g }));
}

export function groepLabels(rows: readonly LabeledGroup<ConstructGroup>[]): Labeled[] {
  return rows.filter((r) => isScopeId(r.id)).map((r) => ({ id: r.id, name: r.label }));
}

export async function classOverview(
  deps: ResultsDeps,
  directory: Directory,
  query: { school: string; wave: string },
): Promise<ClassOverview | undefined> {
  const school = findSchool(directory, query.school);
  if (school === undefined) return undefined;
  const waves = await wavesOf(deps, school);
  if (!waves.includes(query.wave)) return undefined;
  const wave = waveLabel(query.wave);
  const previous = previousWaveOf(waves, query.wave);
  const { table, rows } = await groepTable(deps, school, query.wave);

  const charts: ViewChart[] = [];
  const bakker = scaleRangeOf(constructsOf(table.constructs, "bakker"));
  charts.push({
    id: "heatmap-bakker",
    title: msg.heatmapBakker,
    ...constructHeatmap({
      title: msg.heatmapBakkerTitle(bakker.max),
      constructs: table.constructs,
      framework: "bakker",
      rows,
    }),
  });
  const forms = scaleRangeOf(constructsOf(table.constructs, "partnerschap"));
  charts.push({
    id: "heatmap-partnerschap",
    title: msg.heatmapForms,
    ...constructHeatmap({
      title: msg.heatmapFormsTitle(forms.max),
      constructs: table.constructs,
      framework: "partnerschap",
      rows,
    }),
  });
  charts.push({
    id: "respons",
    title: msg.responseRate,
    ...responseRate({ title: msg.responseRate, rows: rateRows(rows) }),
  });

  if (previous !== null) {
    const instrument = deps.instruments.get(instrumentId)!;
    const both = await responsesOf(deps, instrumentId, { school: school.code, wave: [previous, query.wave] });
    const comparison = unwrap(
      compareWaves(instrument, both, {
        scope: { school: school.code },
        by: ["groep"],
        current: query.wave,
        previous,
        privacy: deps.privacy,
      }),
    );
    const shownGroepen = new Set(rows.map((r) => r.id));
    const changeGroups = comparison.groups
      .filter((g) => shownGroepen.has(codeIn(g.key, "groep")))
      .map((g) => ({ id: codeIn(g.key, "groep"), label: labelIn(g.key, "groep"), group: g }));
    const before = waveLabel(previous).name;
    charts.push({
      id: "verandering",
      title: msg.change(before),
      ...changeHeatmap({
        title: msg.changeTitle(before, wave.name),
        description: msg.changeDescription(before, wave.name, "groep"),
        rowTitle: msg.changeColumns.row,
        rows: changeRows(comparison.constructs, changeGroups),
      }),
    });
  }

  const facts: Fact[] = [
    { label: msg.factResponseRate, unit: "percent", cell: toCell(table.total.responseRate, (v) => v.rate) },
    { label: msg.factRespondents, unit: "count", cell: toCell(table.total.responses, (v) => v) },
  ];
  return {
    title: msg.classTitle(school.name, wave.name),
    school: labeled(school),
    wave,
    previousWave: previous === null ? null : waveLabel(previous),
    groepen: groepLabels(rows),
    facts,
    charts,
  };
}

/** Response-rate rows; a rate above 1 (an incomplete roster) is drawn as full. */
function rateRows(rows: readonly LabeledGroup<ConstructGroup>[]): ResponseRateRow[] {
  return rows.map(({ id, label, group }) => {
    const rate = group.responseRate;
    return rate.status === "shown"
      ? {
          groep: id,
          groepLabel: label,
          responses: rate.n,
          families: rate.value.families,
          rate: Math.min(1, rate.value.rate),
        }
      : { groep: id, groepLabel: label, responses: null, families: null, rate: null, ...hiddenFields(rate) };
  });
}
