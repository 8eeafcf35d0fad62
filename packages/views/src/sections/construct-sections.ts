import { classHeatmap, type HeatmapRow } from "@zaz/charts";
import type { Instrument } from "@zaz/model";
import type { ConstructGroup, ConstructTable } from "@zaz/survey";
import type { Section } from "../view.js";
import { hiddenFields } from "./chart-rows.js";
import { constructMatrix, groupLabel } from "./construct-matrix.js";
import { type ConstructGroupSpec, constructGroups, scaleEnds } from "./framework.js";
import { toChart } from "./to-chart.js";

const texts = {
  bakker: (ends: string, row: string) => ({
    heading: "Ervaring van ouders met de school",
    intro: `Hoe ouders de school ervaren volgens de vier condities van Bakker e.a. (2013), het uitnodigend klimaat en positieve feedback aan ouders: gemiddelde op een schaal van ${ends}.`,
    caption: `Ervaring per ${row} en conditie`,
  }),
  partnerschap: (ends: string, row: string) => ({
    heading: "Eigen betrokkenheid per vorm van partnerschap",
    intro: `Hoe vaak ouders zelf meedoen, per vorm van partnerschap (Oostdam & De Vries, 2014): gemiddelde van ${ends}.`,
    caption: `Betrokkenheid per ${row} en vorm`,
  }),
  overig: (ends: string, row: string) => ({
    heading: "Overige schalen",
    intro: `Schalen van het instrument die niet bij de condities of partnerschapsvormen horen${ends === "" ? "" : `: gemiddelde van ${ends}`}.`,
    caption: `Overige schalen per ${row}`,
  }),
};

function sectionText(spec: ConstructGroupSpec, instrument: Instrument, row: string) {
  return texts[spec.framework ?? "overig"](scaleEnds(instrument, spec.constructs), row);
}

/** Per group of constructs: the table of means and a heatmap, groups as rows. */
export function constructSections(
  instrument: Instrument,
  table: ConstructTable,
  groups: readonly ConstructGroup[],
  k: number,
  rowTitle: string,
): Section[] {
  return constructGroups(table.constructs).map((spec) => {
    const text = sectionText(spec, instrument, rowTitle);
    const scale = spec.constructs.find((c) => c.scale !== null)?.scale;
    const rows: HeatmapRow[] = groups.flatMap((g) =>
      spec.constructs.map((c) => {
        const cell = g.constructs[c.id];
        const base = {
          groep: g.key.map((l) => l.code).join("-"),
          groepLabel: groupLabel(g.key),
          construct: c.id,
          constructLabel: c.name,
          framework: spec.framework ?? ("bakker" as const),
        };
        return cell?.status === "shown"
          ? { ...base, mean: cell.value.mean, n: cell.n, suppressed: false }
          : { ...base, mean: null, n: null, ...hiddenFields(cell) };
      }),
    );
    const chart = classHeatmap({
      title: text.caption,
      scaleMin: scale?.min ?? 1,
      scaleMax: scale?.max ?? 5,
      rows,
    });
    return {
      id: `ervaring-${spec.id}`,
      heading: text.heading,
      intro: text.intro,
      tables: [
        constructMatrix(table, spec.constructs, k, {
          id: `groep-${spec.id}`,
          caption: text.caption,
          rowTitle,
          rows: groups,
        }),
      ],
      // The heatmap groups its columns under the seeds' frameworks; other scales keep their table.
      charts:
        spec.framework === null
          ? []
          : [
              toChart(`heatmap-${spec.id}`, {
                spec: chart.spec,
                table: {
                  ...chart.table,
                  columns: chart.table.columns.map((c) =>
                    c.field === "groep" ? { ...c, title: rowTitle } : c,
                  ),
                },
              }),
            ],
    };
  });
}
